import { expect, inject } from "vitest";
import { readPdf } from "../server/src/platform/pdf/read-pdf.ts";
import { checkA11y, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

// 食品经营许可 is a city-level item; the city centre's window clerk (`window`, 王芳, region 320200)
// takes the walk-in application and accepts it on the spot.
const ITEM = "食品经营许可";
const WALK_IN = { mobile: "13800510003", masked: "吴**", name: "吴思远" };
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "latin1");
const REQUIRED = [
  "食品经营许可申请书",
  "营业执照",
  "与食品经营相适应的主要设备设施、经营布局、操作流程等文件",
  "食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度",
];

/** The case the first journey files, which the second opens as its applicant. */
const walkInCase = { number: "" };

journey("a walk-in case goes through the window and leaves with a printed receipt", async (page) => {
  await signIn(page, inject("baseUrl"), "window");
  await page.waitForURL(/\/workbench$/);
  await page.getByRole("link", { name: "办件", exact: true }).click();
  await page.getByRole("link", { name: "窗口收件" }).click();
  await page.getByRole("heading", { level: 1, name: "窗口收件" }).waitFor();

  await page.getByRole("textbox", { name: "号码" }).fill(WALK_IN.mobile);
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByText(WALK_IN.masked).waitFor();
  await page.getByRole("button", { name: "为此人办理" }).click();
  await page.getByRole("combobox", { name: "办理事项" }).fill(ITEM);
  await page.locator(".ant-select-item-option").filter({ hasText: ITEM }).first().click();
  await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
  await page.getByLabel("联系人").fill(WALK_IN.name);
  await page.getByLabel("联系电话").fill(WALK_IN.mobile);
  await page.getByRole("radiogroup", { name: "经营项目？" }).getByText("食品销售").click();
  await page.getByRole("radiogroup", { name: "是否选择告知承诺方式办理？" }).getByText("否").click();
  await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
  for (const [index, name] of REQUIRED.entries()) {
    const material = page.locator("li.case-material").filter({ hasText: name });
    await material.locator("input[type=file]").setInputFiles({
      name: `窗口扫描${index + 1}.pdf`,
      mimeType: "application/pdf",
      buffer: pdf(`scan ${name}`),
    });
    await material.getByRole("link", { name: `查看 窗口扫描${index + 1}.pdf` }).waitFor();
  }
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 1, name: "已代为提交" }).waitFor();
  const number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
  expect(number).toMatch(/^[0-9A-Z]+\d{14}$/);

  await page.getByRole("link", { name: "打开办件" }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${number}` }).waitFor();
  // Nothing to print before acceptance.
  await expect(page.getByRole("link", { name: "打印受理回执" }).count()).resolves.toBe(0);
  await page
    .getByRole("region", { name: "办理操作" })
    .getByRole("button", { name: "受理", exact: true })
    .click();
  const dialog = page.getByRole("dialog", { name: "受理" });
  await dialog.getByRole("button", { name: "确定" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.locator(".case-summary").getByText("已受理").waitFor();

  const print = page.getByRole("link", { name: "打印受理回执" });
  await print.waitFor();
  await page.getByRole("region", { name: "办件文书" }).getByRole("link", { name: "下载 受理回执" }).waitFor();
  // Check the page once the "done" toast has gone: mid-fade its text fails the contrast rule.
  await page.locator(".ant-message-notice").waitFor({ state: "detached" });
  await checkA11y(page);
  const href = (await print.getAttribute("href")) ?? "";
  expect(href).toMatch(/\/api\/cases\/[0-9a-f-]{36}\/documents\/acceptance-receipt$/);
  const [popup] = await Promise.all([page.waitForEvent("popup"), print.click()]);
  await popup.close();

  // The same document the new tab opened, fetched with the clerk's session.
  const served = await page.request.get(href);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  const bytes = await served.body();
  expect(bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  const receipt = readPdf(bytes);
  expect(receipt.pageCount).toBeGreaterThanOrEqual(1);
  const text = receipt.text.replace(/\n/g, "");
  expect(text).toContain("受理回执");
  expect(text).toContain(`办件编号：${number}`);
  expect(text).toContain(`申请人：${WALK_IN.name}`);
  expect(text).toContain("申请方式：窗口办理");
  expect(text).toContain("受理人：王芳");
  walkInCase.number = number;
});

journey("the walk-in applicant finds the same receipt among their case's documents", async (page) => {
  await signIn(page, inject("baseUrl"), WALK_IN.mobile);
  await page.goto("/account/cases");
  await page.getByRole("link", { name: walkInCase.number }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${walkInCase.number}` }).waitFor();
  const documents = page.getByRole("region", { name: "办件文书" });
  const open = documents.getByRole("link", { name: "查看 / 打印 受理回执" });
  await open.waitFor();
  // The prominent print button is the window's; the applicant has the list.
  await expect(page.getByRole("link", { name: "打印受理回执" }).count()).resolves.toBe(0);
  await checkA11y(page);
  const served = await page.request.get((await open.getAttribute("href")) ?? "");
  expect(served.status()).toBe(200);
  expect(readPdf(await served.body()).text).toContain(walkInCase.number);
});
