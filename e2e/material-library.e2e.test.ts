import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, chooseOption, journey, openContext, signIn, signInByApi, useBrowser } from "./browser.ts";

useBrowser();

// 材料库: a citizen who gave a 营业执照 in an earlier application picks it again in a new one instead of
// uploading it. 吴思远 is used by no other journey, so his library holds only what this file gives it.
const CITIZEN = "13800510003";
const ITEM = "食品经营许可";
const LICENCE = "营业执照";
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "latin1");

/** Calls the API as the signed-in person (their cookies, the CSRF header the server asks for). */
async function callApi(page: Page, method: "GET" | "POST", url: string, data?: unknown) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === "tb_csrf")?.value ?? "";
  const response = await page.request.fetch(url, {
    method,
    headers: {
      "x-csrf-token": csrf,
      ...(Buffer.isBuffer(data) ? { "content-type": "application/octet-stream" } : {}),
    },
    ...(data === undefined ? {} : { data: data as object }),
  });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return response;
}

journey("a citizen with an earlier application reuses its file from the material library", async (page) => {
  await signIn(page, inject("baseUrl"), CITIZEN);
  // The earlier application: a draft with the licence given, made through the API as the citizen.
  const found = await (await callApi(page, "GET", `/api/items?q=${encodeURIComponent(ITEM)}`)).json();
  const itemId = (found.items as { id: string; name: string }[]).find((i) => i.name === ITEM)?.id;
  if (!itemId) throw new Error(`no item ${ITEM}`);
  const earlier = await (
    await callApi(page, "POST", "/api/cases", {
      itemId,
      answers: {},
      form: { contactName: "吴思远", contactPhone: CITIZEN },
    })
  ).json();
  await callApi(
    page,
    "POST",
    `/api/cases/${earlier.id}/materials?materialId=m2&name=${encodeURIComponent("营业执照-2025.pdf")}`,
    pdf("licence"),
  );

  // The new application, in the browser.
  await page.goto(`/apply/${itemId}`);
  await page.getByRole("heading", { level: 1, name: `在线办理：${ITEM}` }).waitFor();
  await page.getByLabel("联系电话").fill(CITIZEN);
  await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
  await page.getByText(/草稿已于 .* 自动保存/).waitFor();
  const licence = page.locator("li.case-material").filter({ hasText: LICENCE }).first();
  await licence.getByRole("button", { name: `从材料库选择 ${LICENCE}` }).click();
  const picker = page.getByRole("dialog", { name: `材料库：${LICENCE}` });
  await picker.getByText("营业执照-2025.pdf").waitFor();
  // Files given for a material of the same name come first, marked as such.
  await picker.getByText("同名材料").first().waitFor();
  await checkA11y(page);
  await picker.getByRole("button", { name: "使用 营业执照-2025.pdf" }).click();
  await picker.waitFor({ state: "hidden" });
  const link = licence.getByRole("link", { name: "查看 营业执照-2025.pdf" });
  await link.waitFor();
  await checkA11y(page);

  // The reused file is the same bytes, attached to the new case, and stays there after a reload.
  const served = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(served.status()).toBe(200);
  expect((await served.body()).toString("latin1")).toContain("licence");
  const newCase = new URL(page.url()).searchParams.get("case");
  expect(newCase).not.toBe(earlier.id);
  await page.reload();
  await page
    .locator("li.case-material")
    .filter({ hasText: LICENCE })
    .first()
    .getByRole("link", { name: "查看 营业执照-2025.pdf" })
    .waitFor();
  const detail = await (await callApi(page, "GET", `/api/cases/${newCase}`)).json();
  const reused = (detail.events as { action: string; details: { reusedFrom?: { caseId: string } } }[]).filter(
    (e) => e.details.reusedFrom,
  );
  expect(reused.map((e) => [e.action, e.details.reusedFrom?.caseId])).toEqual([["upload", earlier.id]]);
});

journey("the city clerk sends a case to a district centre (转办) through the case page", async (page) => {
  // An online application of 周丽华's, filed and submitted over the API: every question answered 否
  // where it can be, every required material given.
  const citizen = await openContext();
  try {
    await signInByApi(citizen, "13800510002");
    const csrf = (await citizen.cookies()).find((c) => c.name === "tb_csrf")?.value ?? "";
    const headers = { "x-csrf-token": csrf };
    const found = await (await citizen.request.get(`/api/items?q=${encodeURIComponent(ITEM)}`)).json();
    const itemId = (found.items as { id: string; name: string }[]).find((i) => i.name === ITEM)?.id ?? "";
    const guide = await (await citizen.request.get(`/api/items/${itemId}`)).json();
    const answers = Object.fromEntries(
      (guide.content.situations as { id: string; options: { label: string }[] }[]).map((s) => [
        s.id,
        s.options.find((o) => o.label === "否")?.label ?? s.options[0]?.label,
      ]),
    );
    const form = { contactName: "周丽华", contactPhone: "13800510002" };
    const created = await citizen.request.post("/api/cases", { headers, data: { itemId, answers, form } });
    const draft = await created.json();
    for (const m of draft.checklist.materials as { id: string; required: boolean }[]) {
      if (!m.required) continue;
      await citizen.request.post(`/api/cases/${draft.id}/materials?materialId=${m.id}&name=${m.id}.pdf`, {
        headers: { ...headers, "content-type": "application/octet-stream" },
        data: pdf(m.id),
      });
    }
    const submitted = await citizen.request.post(`/api/cases/${draft.id}/actions/submit`, {
      headers,
      data: {},
    });
    if (!submitted.ok()) throw new Error(`submit: ${await submitted.text()}`);
    const { id, number } = (await submitted.json()) as { id: string; number: string };

    await signIn(page, inject("baseUrl"), "window");
    await page.waitForURL(/\/workbench$/);
    await page.goto(`/workbench/cases/${id}`);
    await page.getByRole("heading", { level: 1, name: `办件 ${number}` }).waitFor();
    await page
      .getByRole("region", { name: "办理操作" })
      .getByRole("button", { name: "转办", exact: true })
      .click();
    const dialog = page.getByRole("dialog", { name: "转办" });
    await dialog.getByRole("combobox", { name: "转办至" }).waitFor();
    await dialog.getByLabel("理由").fill("申请人在梁溪区就近办理");
    await checkA11y(page);
    await chooseOption(page, dialog.getByRole("combobox", { name: "转办至" }), "梁溪区政务服务中心");
    await dialog.getByRole("button", { name: "确定" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("region", { name: "办理过程" }).getByText("转办").first().waitFor();
    await checkA11y(page);
    const detail = await (await page.request.get(`/api/cases/${id}`)).json();
    const reassigned = (detail.events as { action: string; details: { to?: { name: string } } }[]).find(
      (e) => e.action === "reassign",
    );
    expect(reassigned?.details.to?.name).toBe("梁溪区政务服务中心");
  } finally {
    await citizen.close();
  }
});
