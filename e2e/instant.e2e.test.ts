import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

// 租赁住房提取住房公积金 is a 秒批 item: an adult 无锡 depositor whose form carries their own verified
// name and 公民身份号码 and a rent of at most 3000 yuan is approved and completed on submission.
const ITEM = "租赁住房提取住房公积金";
const CITIZEN = "13800510001";
const REQUIRED = ["居民身份证", "本人及配偶名下无房证明（数据共享核验）"];
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, "latin1");

/** What each journey passes on to the next: the application page, the failed case's number. */
const story = { applyPath: "", failedNumber: "" };

/** Signs in, opens the item's application, answers, fills the rent and uploads; returns at the submit button. */
async function fillApplication(page: Page, rent: string): Promise<void> {
  await signIn(page, inject("baseUrl"), CITIZEN);
  if (story.applyPath) {
    await page.goto(story.applyPath);
  } else {
    await page.goto(`/items?q=${encodeURIComponent(ITEM)}`);
    await page.getByRole("link", { name: ITEM, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
    await page.getByRole("link", { name: "在线办理" }).click();
    story.applyPath = new URL(page.url()).pathname;
  }
  await page.getByRole("heading", { level: 1, name: `在线办理：${ITEM}` }).waitFor();

  // The name and the 公民身份号码 come from the verified profile.
  await expect(page.getByLabel("申请人姓名").inputValue()).resolves.toBe("陈晓明");
  await page.getByRole("radiogroup", { name: "提取方式？" }).getByText("按实际租金提取").click();
  await page.getByRole("radiogroup", { name: "是否委托他人办理？" }).getByText("否").click();
  await page.waitForURL(/\?case=[0-9a-f-]{36}$/);
  await page.getByLabel("月租金（元）").fill(rent);
  await page.getByLabel("租房所在地区").click();
  await page.locator(".ant-select-item-option").filter({ hasText: "梁溪区" }).click();
  await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
  await page.getByLabel("联系电话").fill(CITIZEN);

  for (const [index, name] of REQUIRED.entries()) {
    const material = page.locator("li.case-material").filter({ hasText: name });
    await material.locator("input[type=file]").setInputFiles({
      name: `材料${index + 1}.pdf`,
      mimeType: "application/pdf",
      buffer: pdf(name),
    });
    await material.getByRole("link", { name: `查看 材料${index + 1}.pdf` }).waitFor();
  }
}

journey("a citizen applies for a 秒批 item and sees it completed at once", async (page) => {
  await fillApplication(page, "2500");
  await checkA11y(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 1, name: "已秒批办结" }).waitFor();
  const number = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
  expect(number).toMatch(/^[0-9A-Z]+\d{14}$/);
  await checkA11y(page);

  await page.getByRole("link", { name: "查看办件" }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${number}` }).waitFor();
  await page.locator(".case-summary").getByText("已办结").waitFor();
  const result = page.getByRole("region", { name: "秒批结果" });
  await result.getByText("已秒批办结").waitFor();
  await result.getByText("「月租金（元）」不超过 3000").waitFor();
  await expect(result.locator("li.instant-rule-passed").count()).resolves.toBe(5);
  await expect(result.locator("li.instant-rule-failed").count()).resolves.toBe(0);
  // The system took the step, recorded on the timeline.
  await page.getByRole("region", { name: "办理过程" }).getByText("秒批办结").waitFor();
  await checkA11y(page);
});

journey("a rent over the cap goes to people, and the applicant sees which rule failed", async (page) => {
  await fillApplication(page, "3600");
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByRole("heading", { level: 1, name: "申请已提交" }).waitFor();
  story.failedNumber = ((await page.getByTestId("case-number").textContent()) ?? "").trim();
  await page.getByRole("link", { name: "查看办件" }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${story.failedNumber}` }).waitFor();
  await page.locator(".case-summary").getByText("待预审").waitFor();
  const result = page.getByRole("region", { name: "秒批结果" });
  await result.getByText("未通过秒批，已转人工办理").waitFor();
  // The applicant sees only what was not met.
  await expect(result.locator("li").count()).resolves.toBe(1);
  await result.getByText("「月租金（元）」不超过 3000").waitFor();
  await result.getByText("（填写的是「3600」）").waitFor();
  await checkA11y(page);
});

journey("the window clerk sees every rule of the failed case, and no 秒批 button", async (page) => {
  await signIn(page, inject("baseUrl"), "window");
  await page.waitForURL(/\/workbench$/);
  await page.goto("/workbench/cases?queue=precheck");
  await page.getByRole("heading", { level: 1, name: "办件" }).waitFor();
  await page.getByRole("link", { name: story.failedNumber }).click();
  await page.getByRole("heading", { level: 1, name: `办件 ${story.failedNumber}` }).waitFor();
  const result = page.getByRole("region", { name: "秒批结果" });
  await result.getByText("未通过秒批，已转人工办理").waitFor();
  await expect(result.locator("li.instant-rule-passed").count()).resolves.toBe(4);
  await expect(result.locator("li.instant-rule-failed").count()).resolves.toBe(1);
  await result.getByText(/（申请人 \d+ 周岁）/).waitFor();
  await page.getByRole("region", { name: "办理过程" }).getByText("秒批未通过，转人工办理").waitFor();
  const actions = page.getByRole("region", { name: "办理操作" });
  await actions.getByRole("button", { name: "受理", exact: true }).waitFor();
  await expect(actions.getByRole("button", { name: "秒批办结" }).count()).resolves.toBe(0);
  await checkA11y(page);
});

journey("the catalog editor shows the item's 秒批 rules in words and refuses broken ones", async (page) => {
  await signIn(page, inject("baseUrl"), "editor");
  const itemId = story.applyPath.split("/").pop() ?? "";
  await page.goto(`/admin/catalog/edit?item=${itemId}`);
  await page.getByRole("heading", { level: 1, name: `变更事项：${ITEM}` }).waitFor();
  await page.getByRole("tab", { name: "办理方式" }).click();
  const preview = page.getByRole("region", { name: "规则说明" });
  await preview.getByText("申请人年满 18 周岁").waitFor();
  await preview.getByText("「申请人姓名」与经核验的姓名一致").waitFor();
  await expect(preview.locator("li").count()).resolves.toBe(5);
  await checkA11y(page);

  const rules = page.getByLabel("秒批规则（JSON）");
  await rules.fill('[{"kind":"age-at-least","years":18},{"kind":"resident-of","regionCodes":["3"]}]');
  await page.getByRole("alert").filter({ hasText: "第 2 条规则有误" }).waitFor();
  await rules.fill('[{"kind":"field-at-most","field":"monthlyRent","value":2000}]');
  await preview.getByText("「月租金（元）」不超过 2000").waitFor();
});
