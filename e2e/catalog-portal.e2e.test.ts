import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

const ITEM = "居住证申领";
const AGENT_QUESTION = "是否委托他人办理？";

/** Replaces the print dialog (which would block a headless page) with a marker the test can read. */
async function stubPrintDialog(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
}

journey(
  "a citizen browses by theme and tag, answers the situation questions and prints the checklist",
  async (page) => {
    await page.goto("/");
    const themes = page.getByRole("region", { name: "按主题查找" });
    const household = themes.getByRole("link", { name: /^户籍（\d+）$/ });
    await household.waitFor();
    await themes.getByRole("link", { name: /^企业开办（\d+）$/ }).waitFor();
    await checkA11y(page);

    // By theme: the life event 户籍 for individuals.
    await household.click();
    await page.waitForURL((url) => url.searchParams.get("theme") === "户籍");
    expect(new URL(page.url()).searchParams.get("audience")).toBe("citizen");
    await page
      .getByRole("status")
      .filter({ hasText: /^共 \d+ 项事项$/ })
      .waitFor();
    await page.getByRole("link", { name: ITEM }).waitFor();
    const filters = page.getByRole("region", { name: "筛选条件" });
    await expect(
      filters.getByRole("link", { name: /^户籍（\d+）$/ }).getAttribute("aria-current"),
    ).resolves.toBe("true");
    await checkA11y(page);

    // And by feature tag, on top of the theme: 就近办.
    await filters.getByRole("link", { name: /^就近办（\d+）$/ }).click();
    await page.waitForURL((url) => url.searchParams.get("tag") === "nearby");
    expect(new URL(page.url()).searchParams.get("theme")).toBe("户籍");
    // The list refetches after the URL changes; read the total from the settled list, not a loading state.
    const totalStatus = page.getByRole("status").filter({ hasText: /^共 \d+ 项事项$/ });
    await totalStatus.waitFor();
    const total = Number((await totalStatus.textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(0);
    await checkA11y(page);

    await page.getByRole("link", { name: ITEM }).click();
    await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
    const materials = page.getByRole("region", { name: "申请材料" });
    await materials.getByText("居民身份证", { exact: true }).waitFor();
    await expect(materials.textContent()).resolves.toContain("免证办");
    await expect(page.getByRole("region", { name: "办理时限" }).textContent()).resolves.toContain(
      "7 个工作日",
    );
    await expect(page.getByRole("region", { name: "办理方式" }).textContent()).resolves.toContain("Ⅲ级");
    await expect(page.getByRole("region", { name: "救济途径" }).textContent()).resolves.toContain("行政复议");
    // A visitor is sent to sign in first, and back to this guide afterwards.
    const applyOnline = page.getByRole("link", { name: "在线办理" });
    await expect(applyOnline.getAttribute("href")).resolves.toMatch(
      /^\/login\?next=%2Fitems%2F[0-9a-f-]{36}$/,
    );

    // 情形引导: the agent question adds the letter of authorisation and the agent's ID.
    const checklist = page.getByRole("region", { name: "您的材料清单" });
    await checklist.getByText("居民身份证", { exact: true }).waitFor();
    await expect(checklist.textContent()).resolves.not.toContain("授权委托书");
    await checkA11y(page);

    await page.getByRole("group", { name: AGENT_QUESTION }).getByRole("radio", { name: "是" }).check();
    await checklist.getByText("授权委托书", { exact: true }).waitFor();
    await checklist.getByText("受托人身份证件", { exact: true }).waitFor();
    await expect(checklist.textContent()).resolves.toContain(`因“${AGENT_QUESTION}”的回答而需要`);
    await checklist.getByRole("status").filter({ hasText: "还有 1 个问题未回答" }).waitFor();
    await page
      .getByRole("group", { name: "申领依据的条件？" })
      .getByRole("radio", { name: "合法稳定就业" })
      .check();
    await checklist.getByRole("status").filter({ hasText: "已根据您的全部回答生成清单" }).waitFor();
    await checkA11y(page);

    // Print the checklist: only the item, the date, the answers and the checklist are on paper.
    await stubPrintDialog(page);
    await page.getByRole("button", { name: "打印材料清单" }).click();
    await expect(page.locator("body").getAttribute("data-printed")).resolves.toBe("yes");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "主导航" }).isVisible()).resolves.toBe(false);
    await expect(page.locator(".app-footer").isVisible()).resolves.toBe(false);
    await expect(page.locator("#legalBasis").isVisible()).resolves.toBe(false);
    await expect(page.locator("#materials").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("radio", { name: "是" }).first().isVisible()).resolves.toBe(false);
    await expect(checklist.isVisible()).resolves.toBe(true);
    await expect(checklist.getByText("授权委托书", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("办事材料清单", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".checklist-print-item").textContent()).resolves.toBe(ITEM);
    await expect(page.getByText(/^打印日期：\d{4}-\d{2}-\d{2}$/).isVisible()).resolves.toBe(true);
    const answers = page.locator(".checklist-answers");
    await expect(answers.isVisible()).resolves.toBe(true);
    await expect(answers.textContent()).resolves.toContain(`${AGENT_QUESTION}是`);

    // After the dialog closes the page prints as the whole guide again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await expect(page.locator("#legalBasis").isVisible()).resolves.toBe(true);
    await expect(page.locator(".checklist-answers").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "screen" });
  },
);

journey(
  "a visitor who follows 在线办理 signs in and lands on the application for that item",
  async (page) => {
    await page.goto("/items?q=居住证");
    await page.getByRole("link", { name: ITEM }).click();
    await page.getByRole("link", { name: "在线办理" }).click();
    await page.waitForURL(/\/login\?next=/);
    await signIn(page, inject("baseUrl"), "13800510002");
    await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
    await page.getByRole("link", { name: "在线办理" }).click();
    await page.waitForURL(/\/apply\//);
    await checkA11y(page);
  },
);

journey("in 长辈版 the portal browses with plain drop-downs and the guide stays accessible", async (page) => {
  await page.goto("/");
  const elderly = page.getByRole("button", { name: "长辈版" });
  await elderly.click();
  await expect(elderly.getAttribute("aria-pressed")).resolves.toBe("true");
  await page
    .getByRole("region", { name: "按主题查找" })
    .getByRole("link", { name: /^户籍（\d+）$/ })
    .waitFor();
  await checkA11y(page);

  await page.goto("/items");
  await page
    .getByRole("status")
    .filter({ hasText: /^共 \d+ 项事项$/ })
    .waitFor();
  await page.getByRole("combobox", { name: "主题", exact: true }).selectOption("户籍");
  await page.waitForURL((url) => url.searchParams.get("theme") === "户籍");
  await page.getByRole("combobox", { name: "特色服务", exact: true }).selectOption("nearby");
  await page.waitForURL((url) => url.searchParams.get("tag") === "nearby");
  await page.getByRole("link", { name: ITEM }).waitFor();
  await checkA11y(page);

  await page.getByRole("link", { name: ITEM }).click();
  await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
  await page.getByRole("group", { name: AGENT_QUESTION }).getByRole("radio", { name: "是" }).check();
  await page.getByRole("region", { name: "您的材料清单" }).getByText("授权委托书", { exact: true }).waitFor();
  const print = await page.getByRole("button", { name: "打印材料清单" }).boundingBox();
  expect(print?.height ?? 0).toBeGreaterThanOrEqual(44);
  await checkA11y(page);
});
