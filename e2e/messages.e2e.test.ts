import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import { checkA11y, journey, openContext, signIn, signInByApi, useBrowser } from "./browser.ts";

useBrowser();

// 站内信: a citizen's food-shop application is submitted through the API, the city window clerk sends
// the one-time correction notice (also through the API); in the browser the citizen sees the header
// badge count it, opens the message, lands on the case and the badge goes down. The clerk's own inbox
// holds the submission notice.
const ITEM = "食品经营许可";
const CITIZEN = "13800510001";
const story = { id: "", number: "" };
// The badge counts after each page's own requests; a loaded machine needs more than poll's default second.
const SOON = { timeout: 15_000 };
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, "latin1");

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** An API client signed in as one demo account (CSRF header included), for setting the case up. */
async function apiAs(login: string) {
  const context = await openContext();
  contexts.push(context);
  await signInByApi(context, login);
  const csrf = (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
  const headers = { "X-CSRF-Token": csrf };
  const ok = async <T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> => {
    if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    get: async <T>(url: string) => ok<T>(await context.request.get(url)),
    post: async <T>(url: string, data: unknown = {}) =>
      ok<T>(await context.request.post(url, { data, headers })),
    upload: async (id: string, materialId: string) =>
      ok(
        await context.request.post(
          `/api/cases/${id}/materials?materialId=${materialId}&name=${materialId}.pdf`,
          { data: pdf(materialId), headers: { ...headers, "Content-Type": "application/octet-stream" } },
        ),
      ),
  };
}

/** The badge in the header: its count, or 0 when it is not shown (read in one step: it may vanish). */
async function badgeCount(page: Page): Promise<number> {
  const bell = page.getByRole("banner").getByRole("link", { name: /站内信/ });
  await bell.waitFor();
  const count = await bell.evaluate(
    (link) => link.querySelector(".message-badge")?.getAttribute("data-count") ?? "0",
  );
  return Number(count);
}

/** Submits an application as the citizen, clears their inbox, then has the clerk request a correction. */
async function correctionNoticeSent(): Promise<void> {
  const citizen = await apiAs(CITIZEN);
  const found = await citizen.get<{ items: { id: string; name: string }[] }>(
    `/api/items?q=${encodeURIComponent(ITEM)}&page=1&pageSize=20`,
  );
  const item = found.items.find((candidate) => candidate.name === ITEM);
  if (!item) throw new Error(`no item ${ITEM}`);
  const created = await citizen.post<{
    id: string;
    checklist: { materials: { id: string; required: boolean }[] };
  }>("/api/cases", {
    itemId: item.id,
    answers: { s1: "食品销售", s2: "否", agent: "否" },
    form: { contactName: "陈晓明", contactPhone: CITIZEN },
  });
  for (const material of created.checklist.materials)
    if (material.required) await citizen.upload(created.id, material.id);
  const submitted = await citizen.post<{ number: string }>(`/api/cases/${created.id}/actions/submit`);
  story.id = created.id;
  story.number = submitted.number;
  // Start from an empty badge, so the count below is the clerk's notice alone.
  await citizen.post("/api/messages/read-all");
  const clerk = await apiAs("window");
  await clerk.post(`/api/cases/${created.id}/actions/request-correction`, {
    materials: [{ materialId: created.checklist.materials[0]?.id, problem: "扫描件模糊，请重新上传" }],
  });
}

journey(
  "a citizen sees the badge after a clerk's notice, opens the message, and the badge goes down",
  async (page) => {
    await correctionNoticeSent();
    await signIn(page, inject("baseUrl"), CITIZEN);
    await page.goto("/account/cases");
    await page.getByRole("heading", { level: 1, name: "我的办件" }).waitFor();
    await expect.poll(() => badgeCount(page), SOON).toBe(1);
    await checkA11y(page);

    await page
      .getByRole("banner")
      .getByRole("link", { name: /站内信/ })
      .click();
    await page.waitForURL(/\/account\/messages$/);
    await page.getByRole("heading", { level: 1, name: "站内信" }).waitFor();
    const notice = page
      .getByRole("listitem")
      .filter({ hasText: `办件编号 ${story.number}` })
      .first();
    await expect.poll(() => notice.textContent(), SOON).toContain("需补正材料");
    expect(await notice.textContent()).toContain("扫描件模糊，请重新上传");
    expect(await notice.textContent()).toContain("未读");
    await checkA11y(page);

    await notice.getByRole("button", { name: "查看办件" }).click();
    await page.waitForURL(new RegExp(`/account/cases/${story.id}$`));
    await expect.poll(() => badgeCount(page), SOON).toBe(0);

    // Back in the inbox the message shows as read.
    await page.goto("/account/messages");
    const read = page
      .getByRole("listitem")
      .filter({ hasText: `办件编号 ${story.number}` })
      .first();
    await expect.poll(() => read.textContent(), SOON).toContain("已读");
  },
);

journey("the window clerk finds the new application in the workbench inbox", async (page) => {
  if (!story.number) await correctionNoticeSent();
  await signIn(page, inject("baseUrl"), "window");
  await page.waitForURL(/\/workbench$/);
  await expect.poll(() => badgeCount(page), SOON).toBeGreaterThan(0);
  await page
    .getByRole("banner")
    .getByRole("link", { name: /站内信/ })
    .click();
  await page.waitForURL(/\/workbench\/messages$/);
  await page.getByRole("heading", { level: 1, name: "站内信" }).waitFor();
  const submitted = page.getByRole("listitem").filter({ hasText: `新申请待预审：办件 ${story.number}` });
  await submitted.first().waitFor();
  await checkA11y(page);
  const before = await badgeCount(page);
  await page.getByRole("button", { name: "全部标为已读" }).click();
  await expect.poll(() => badgeCount(page), SOON).toBe(0);
  expect(before).toBeGreaterThan(0);
});
