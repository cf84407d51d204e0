import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

// 公共场所卫生许可 (卫生健康委员会, city level) practises 告知承诺: its 卫生检测或者评价报告 may be
// replaced by a written commitment. The demo reviewer 林静 (weijian) works in its department.
const ITEM = "公共场所卫生许可";
const COMPANY = "91320213MA2TB0015D";
const REPORT = "公共场所卫生检测或者评价报告";
const UPLOADED = [
  "营业执照",
  "法定代表人或负责人身份证明",
  "公共场所地址方位示意图、平面图和卫生设施平面布局图",
  "公共场所卫生管理制度",
];
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "latin1");

/** What the first journey passes on to the next. */
const story = { number: "", caseId: "" };

async function openCase(page: Page): Promise<void> {
  await page.goto("/workbench/cases?queue=precheck");
  await page.getByRole("heading", { level: 1, name: "办件" }).waitFor();
  await page.getByRole("link", { name: story.number }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
}

journey(
  "a company applies for 公共场所卫生许可, pledging the hygiene report instead of uploading it",
  async (page) => {
    await signIn(page, inject("baseUrl"), COMPANY);
    await page.goto(`/items?q=${encodeURIComponent(ITEM)}`);
    await page.getByRole("link", { name: ITEM, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
    await page.getByRole("link", { name: "在线办理" }).click();
    await page.getByRole("heading", { level: 1, name: `在线办理：${ITEM}` }).waitFor();

    await page.getByLabel("联系人").fill("张经理");
    await page.getByLabel("联系电话").fill("13800510001");
    await page.getByRole("radiogroup", { name: "是否使用集中空调通风系统？" }).getByText("否").click();
    await page.getByRole("radiogroup", { name: "是否选择告知承诺方式办理？" }).getByText("是").click();
    await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
    await page.waitForURL(/\?case=[0-9a-f-]{36}$/);

    for (const [index, name] of UPLOADED.entries()) {
      const material = page.locator("li.case-material").filter({ hasText: name });
      await material.locator("input[type=file]").setInputFiles({
        name: `材料${index + 1}.pdf`,
        mimeType: "application/pdf",
        buffer: pdf(name),
      });
      await material.getByRole("link", { name: `查看 材料${index + 1}.pdf` }).waitFor();
    }
    // The report is still owed: submitting waits for it.
    const submit = page.getByRole("button", { name: "提交申请" });
    await expect(submit.isDisabled()).resolves.toBe(true);
    // Materials the item does not mark pledgeable offer no commitment.
    const licence = page.locator("li.case-material").filter({ hasText: "营业执照" });
    await expect(licence.getByRole("button", { name: /告知承诺/ }).count()).resolves.toBe(0);

    const report = page.locator("li.case-material").filter({ hasText: REPORT });
    await report.getByRole("button", { name: `以告知承诺代替「${REPORT}」` }).click();
    const dialog = page.getByRole("dialog", { name: `告知承诺书：${REPORT}` });
    await dialog.getByText(/依法撤销据此作出的决定/).waitFor();
    await checkA11y(page);
    await dialog.getByRole("button", { name: "我承诺" }).click();
    await dialog.waitFor({ state: "hidden" });
    await report.getByText("已告知承诺").waitFor();
    await expect(submit.isDisabled()).resolves.toBe(false);
    await checkA11y(page);

    await submit.click();
    await page.getByRole("heading", { level: 1, name: "申请已提交" }).waitFor();
    story.number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
    expect(story.number).toMatch(/^[0-9A-Z]+\d{14}$/);
    await checkA11y(page);
  },
);

journey(
  "the department's reviewer accepts the case, then finds the commitment untrue in the post-verification task",
  async (page) => {
    await signIn(page, inject("baseUrl"), "weijian");
    await openCase(page);
    story.caseId = new URL(page.url()).pathname.split("/").pop() ?? "";
    const pledges = page.getByRole("region", { name: "告知承诺" });
    await pledges.getByRole("cell", { name: REPORT }).waitFor();
    await pledges.getByText("受理后将创建事后核查任务。").waitFor();
    await checkA11y(page);

    await page
      .getByRole("region", { name: "办理操作" })
      .getByRole("button", { name: "受理", exact: true })
      .click();
    const accept = page.getByRole("dialog", { name: "受理" });
    await accept.getByRole("button", { name: "确定" }).click();
    await accept.waitFor({ state: "hidden" });
    await pledges.getByText("待核查").waitFor();
    await checkA11y(page);

    await page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("link", { name: "告知承诺核查" })
      .click();
    await page.getByRole("heading", { level: 1, name: "告知承诺事后核查" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: story.number });
    await row.getByText(REPORT).waitFor();
    await row.getByText("待核查").waitFor();
    await checkA11y(page);

    await row.getByRole("button", { name: "承诺不实" }).click();
    const resolve = page.getByRole("dialog", { name: `承诺不实：${story.number}` });
    await resolve.getByText(/依法撤销据此作出的决定/).waitFor();
    await resolve.getByRole("button", { name: "确定" }).click();
    await resolve.getByText("请填写核查情况").waitFor();
    await resolve.getByLabel("核查情况").fill("现场核查：该场所未经卫生检测，承诺与事实不符");
    await checkA11y(page);
    await resolve.getByRole("button", { name: "确定" }).click();
    await resolve.waitFor({ state: "hidden" });
    await page.getByText("已记录核查结果").waitFor();
    await page.getByRole("row").filter({ hasText: story.number }).waitFor({ state: "detached" });

    await page.getByRole("navigation", { name: "核查任务筛选" }).getByRole("link", { name: "全部" }).click();
    await page.getByRole("row").filter({ hasText: story.number }).getByText("承诺不实").waitFor();
    await checkA11y(page);
  },
);

journey("the company sees the untrue finding on its case's timeline", async (page) => {
  await signIn(page, inject("baseUrl"), COMPANY);
  await page.goto(`/account/cases/${story.caseId}`);
  await page.getByRole("heading", { level: 1, name: `办件 ${story.number}` }).waitFor();
  const timeline = page.getByRole("region", { name: "办理过程" });
  await timeline.getByText("告知承诺核查不实", { exact: true }).waitFor();
  await timeline.getByText("告知承诺", { exact: true }).first().waitFor();
  await checkA11y(page);
});
