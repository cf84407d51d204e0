import type { APIRequestContext, BrowserContext, Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import { demoPdf } from "../server/src/seed/demo-pdf.ts";
import { checkA11y, journey, openContext, signIn, signInByApi, useBrowser } from "./browser.ts";

useBrowser();

// Fees (缴费): 普通护照签发 (公安局) charges 工本费 120 元. The case is filed, accepted, reviewed and
// approved through the API; the applicant pays in the browser through the demo checkout, and the city
// window clerk then completes it by mail in the workbench.
const ITEM = "普通护照签发";
const CITIZEN = "13800510001";
const story = { id: "", number: "", queryCode: "" };

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
          {
            data: Buffer.from(demoPdf(`e2e ${materialId}`)),
            headers: { ...headers, "Content-Type": "application/octet-stream" },
          },
        ),
      ),
  };
}

/** Files, accepts, reviews and approves a passport application; the approval opens the payment order. */
async function approvedCase(): Promise<void> {
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
    answers: { s1: "首次申领", s2: "否", s3: "否", agent: "否" },
    form: { contactName: "陈晓明", contactPhone: CITIZEN },
  });
  for (const material of created.checklist.materials)
    if (material.required) await citizen.upload(created.id, material.id);
  const submitted = await citizen.post<{ number: string; queryCode: string }>(
    `/api/cases/${created.id}/actions/submit`,
  );
  Object.assign(story, { id: created.id, number: submitted.number, queryCode: submitted.queryCode });
  const window = await apiAs("window");
  await window.post(`/api/cases/${created.id}/actions/accept`);
  const police = await apiAs("police");
  await police.post(`/api/cases/${created.id}/actions/start-review`);
  await police.post(`/api/cases/${created.id}/actions/decide`, {
    outcome: "approved",
    comment: "符合条件，准予签发",
  });
}

const paymentSection = (page: Page) => page.getByRole("region", { name: "缴费" });

journey("an applicant pays an approved case through the demo checkout and sees the receipt", async (page) => {
  await approvedCase();
  await signIn(page, inject("baseUrl"), CITIZEN);
  await page.goto(`/account/cases/${story.id}`);
  await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
  const section = paymentSection(page);
  await section.getByTestId("payment-status").filter({ hasText: "待缴费" }).waitFor();
  await section.getByRole("cell", { name: "工本费" }).waitFor();
  await expect(section.getByText("¥120.00").count()).resolves.toBeGreaterThan(0);
  await checkA11y(page);

  await section.getByRole("button", { name: "去缴费" }).click();
  await page.waitForURL(/\/pay\/demo\/[\w-]+$/);
  await page.getByRole("heading", { level: 1, name: "收银台（演示）" }).waitFor();
  await expect(page.getByTestId("checkout-amount").textContent()).resolves.toBe("¥120.00");
  await page.getByText("无锡市公安局").waitFor();
  await checkA11y(page);

  await page.getByRole("button", { name: "确认支付（演示）" }).click();
  await page.waitForURL(new RegExp(`/account/cases/${story.id}$`));
  await paymentSection(page).getByTestId("payment-status").filter({ hasText: "已缴费" }).waitFor();
  const receipt = page.getByRole("region", { name: "电子票据" });
  await expect(receipt.getByTestId("receipt-number").textContent()).resolves.toMatch(/^PJ\d{14}$/);
  await receipt.getByText("陈晓明").waitFor();
  await page.locator(".case-timeline").getByText("已缴费").first().waitFor();
  await checkA11y(page);
});

journey(
  "the window clerk completes the paid case by mail; the progress lookup shows the parcel",
  async (page) => {
    await signIn(page, inject("baseUrl"), "window");
    await page.waitForURL(/\/workbench$/);
    await page.goto(`/workbench/cases/${story.id}`);
    await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
    await paymentSection(page).getByTestId("payment-status").filter({ hasText: "已缴费" }).waitFor();
    await page
      .getByRole("region", { name: "办理操作" })
      .getByRole("button", { name: "办结", exact: true })
      .click();
    const dialog = page.getByRole("dialog", { name: "办结" });
    await dialog.waitFor();
    await dialog.getByRole("radio", { name: "邮寄送达" }).check();
    await dialog.getByLabel("收件人", { exact: true }).fill("陈晓明");
    await dialog.getByLabel("收件人电话").fill(CITIZEN);
    await dialog.getByLabel("邮寄地址").fill("无锡市梁溪区中山路1号");
    await dialog.getByLabel("快递公司").click();
    // The dropdown's visible entries (AntD also keeps a hidden list with the same names for screen readers).
    await page.locator(".ant-select-item-option").filter({ hasText: "顺丰速运" }).click();
    await dialog.getByLabel("运单号").fill("SF1234567890");
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(page.getByTestId("case-delivery").textContent()).resolves.toBe(
      "邮寄送达 · 顺丰速运，运单号 SF1234567890",
    );
    await checkA11y(page);

    await page.goto("/progress");
    await page.getByLabel("办件编号").fill(story.number);
    await page.getByLabel("查询码").fill(story.queryCode);
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByText("顺丰速运，运单号 SF1234567890").waitFor();
    await checkA11y(page);
  },
);
