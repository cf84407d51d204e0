import type { APIRequestContext, BrowserContext } from "playwright-core";
import { expect, inject } from "vitest";
import { stepOf, totpAt } from "../server/src/platform/totp.ts";
import { checkA11y, journey, openContext, signIn, signInByApi, useBrowser } from "./browser.ts";

useBrowser();

const ITEM = "老年人优待证办理";
const FORM = "老年人优待证申请表.pdf";
const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1");

journey(
  "an editor attaches a blank form in the editor; once the change is approved the public guide offers it",
  async (page) => {
    const baseUrl = inject("baseUrl");
    await signIn(page, baseUrl, "editor");
    const items = await page.request.get(`/api/items?q=${encodeURIComponent(ITEM)}`);
    const itemId: string = ((await items.json()) as { items: { id: string }[] }).items[0]?.id ?? "";
    await page.goto(`/admin/catalog/items/${itemId}`);
    await page.getByRole("button", { name: "变更事项" }).click();
    await page.getByRole("heading", { level: 1, name: `变更事项：${ITEM}` }).waitFor();
    await page.getByRole("tab", { name: "申请材料" }).click();

    const material = page.getByRole("group", { name: "申请材料 第 1 项" });
    const blankForm = material.getByRole("group", { name: "空白表格" });
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      blankForm.getByRole("button", { name: "上传文件" }).click(),
    ]);
    await chooser.setFiles({ name: FORM, mimeType: "application/pdf", buffer: pdf });
    await blankForm.getByRole("link", { name: FORM }).waitFor();
    await blankForm.getByRole("button", { name: `删除空白表格 ${FORM}` }).waitFor();
    await checkA11y(page);
    await page.getByLabel("变更理由").fill("提供申请表空白表格下载");
    await page.getByRole("button", { name: "提交审查" }).click();
    await page.waitForURL(/\/admin\/catalog\/changes\/[0-9a-f-]{36}$/);
    const changeId = new URL(page.url()).pathname.split("/").pop() ?? "";

    // Both reviews, over the API: they are the catalog-admin journey's subject, not this one's.
    await review("legal", changeId);
    await review("steward", changeId);

    await page.goto(`/items/${itemId}`);
    await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
    const link = page
      .getByRole("region", { name: "申请材料" })
      .getByRole("link", { name: `空白表格：${FORM}` });
    await link.waitFor();
    await checkA11y(page);
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(FORM);
    expect(await download.failure()).toBeNull();
    // Anyone may fetch it now, with no session at all.
    const visitor = await openContext();
    try {
      const served = await visitor.request.get((await link.getAttribute("href")) ?? "");
      expect(served.status()).toBe(200);
      expect(served.headers()["content-type"]).toBe("application/pdf");
      expect(Buffer.from(await served.body()).equals(pdf)).toBe(true);
    } finally {
      await visitor.close();
    }
  },
);

/** Approves the change as a reviewer; the demo steward enrols an authenticator first and is reset after. */
async function review(username: "legal" | "steward", changeId: string): Promise<void> {
  const context = await openContext();
  try {
    if (username === "legal") await signInByApi(context, username);
    else await enrolByApi(context, username);
    const response = await context.request.post(`/api/admin/catalog/changes/${changeId}/review`, {
      data: { decision: "approve" },
      headers: { "X-CSRF-Token": await csrfOf(context) },
    });
    if (!response.ok()) throw new Error(`${username} could not approve: ${await response.text()}`);
  } finally {
    await context.close();
    if (username === "steward") await resetAuthenticator(username);
  }
}

async function csrfOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
}

/** Signs in a staff member who has no authenticator yet, enrolling one over the API. */
async function enrolByApi(context: BrowserContext, username: string): Promise<void> {
  await context.request.get("/api/session");
  const headers = { "X-CSRF-Token": await csrfOf(context) };
  const post = (request: APIRequestContext, path: string, data: unknown) =>
    request.post(path, { data: data as object, headers });
  const first = await post(context.request, "/api/session", { login: username, password: "Tongban@2026" });
  if (((await first.json()) as { stage: string }).stage !== "enrol") {
    throw new Error(`${username} was expected to enrol an authenticator`);
  }
  const { secret } = (await (await post(context.request, "/api/session/totp/enrolment", {})).json()) as {
    secret: string;
  };
  const done = await post(context.request, "/api/session/totp/enrolment/confirm", {
    code: totpAt(secret, stepOf(Date.now())),
  });
  if (!done.ok()) throw new Error(`enrolling ${username} failed: ${await done.text()}`);
}

/** Clears a staff member's authenticator as the administrator, leaving the demo data as it was. */
async function resetAuthenticator(username: string): Promise<void> {
  const context = await openContext();
  try {
    await signInByApi(context, "admin");
    const list = await context.request.get(`/api/admin/staff?q=${encodeURIComponent(username)}`);
    const { items } = (await list.json()) as {
      items: { id: string; username: string; hasAuthenticator: boolean }[];
    };
    const member = items.find((s) => s.username === username);
    if (!member?.hasAuthenticator) return;
    const reset = await context.request.post(`/api/admin/staff/${member.id}/reset-second-factor`, {
      headers: { "X-CSRF-Token": await csrfOf(context) },
    });
    if (!reset.ok()) throw new Error(`resetting ${username}'s authenticator failed: ${await reset.text()}`);
  } finally {
    await context.close();
  }
}
