import { expect } from "vitest";
import { checkA11y, journey, useBrowser } from "./browser.ts";

useBrowser();

journey("a citizen browses by department and reads an item's guide", async (page) => {
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: "一网通办，办事更便捷" }).waitFor();
  const department = page.getByRole("link", { name: /^无锡市公安局 \d/ });
  await department.waitFor();
  await checkA11y(page);

  await department.click();
  await page.waitForURL(/\/items\?department=/);
  await page
    .getByRole("status")
    .filter({ hasText: /^共 \d+ 项事项$/ })
    .waitFor();
  const item = page.getByRole("link", { name: "居民身份证首次申领" });
  await item.waitFor();
  await checkA11y(page);

  await item.click();
  await page.getByRole("heading", { level: 1, name: "居民身份证首次申领" }).waitFor();
  const materials = page.getByRole("region", { name: "申请材料" });
  await expect(materials.getByText("居民户口簿", { exact: true }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole("region", { name: "情形引导" }).textContent()).resolves.toContain(
    "申请人是否未满十六周岁？",
  );
  await expect(page.getByRole("region", { name: "办理时限" }).textContent()).resolves.toContain(
    "15 个工作日",
  );
  await checkA11y(page);
});

journey("the UI speaks English after switching, and 长辈版 enlarges type and persists", async (page) => {
  await page.goto("/items");
  await page.getByRole("heading", { level: 1, name: "办事指南" }).waitFor();

  await page.getByRole("button", { name: "Switch to English" }).click();
  await page.getByRole("heading", { level: 1, name: "Service guides" }).waitFor();
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en-US");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).isVisible()).resolves.toBe(true);
  await checkA11y(page);

  const bodyFontSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
  expect(await bodyFontSize()).toBeLessThan(18);
  const elderly = page.getByRole("button", { name: "Senior mode" });
  await elderly.click();
  await expect(elderly.getAttribute("aria-pressed")).resolves.toBe("true");
  expect(await bodyFontSize()).toBeGreaterThanOrEqual(18);
  await checkA11y(page);

  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Service guides" }).waitFor();
  expect(await bodyFontSize()).toBeGreaterThanOrEqual(18);
  await expect(page.locator("html").getAttribute("class")).resolves.toContain("elderly");
  await expect(page.getByRole("button", { name: "Senior mode" }).getAttribute("aria-pressed")).resolves.toBe(
    "true",
  );
  // Click targets in 长辈版 are at least 44px high.
  const searchButton = await page.getByRole("button", { name: "Search" }).boundingBox();
  expect(searchButton?.height ?? 0).toBeGreaterThanOrEqual(44);
});

journey("the public tools compute a deadline and explain an invalid ID", async (page) => {
  await page.goto("/tools");
  await page.getByRole("heading", { level: 1, name: "便民工具" }).waitFor();
  await checkA11y(page);

  const calculator = page.getByRole("region", { name: "办理期限计算" });
  await calculator.getByLabel("起算日期").fill("2026-09-30");
  await calculator.getByLabel("期限天数").fill("20");
  await calculator.getByRole("radio", { name: "工作日" }).check();
  await calculator.getByRole("button", { name: "计算到期日" }).click();
  const due = calculator.getByRole("status");
  await due.getByText("2026-11-03", { exact: false }).waitFor();
  await expect(due.textContent()).resolves.toContain("结果确定");

  const checker = page.getByRole("region", { name: "证件号码校验" });
  await checker.getByRole("radio", { name: "公民身份号码" }).check();
  await checker.getByLabel("号码", { exact: true }).fill("110105198001010015");
  await checker.getByRole("button", { name: "校验" }).click();
  await checker.getByRole("status").getByText("号码无效：校验码不正确", { exact: false }).waitFor();
  await checkA11y(page);

  await checker.getByLabel("号码", { exact: true }).fill("11010519491231002X");
  await checker.getByRole("button", { name: "校验" }).click();
  await checker.getByRole("status").getByText("号码有效").waitFor();
});

journey("an unknown address or item shows a not-found page", async (page) => {
  await page.goto("/no-such-page");
  await page.getByRole("heading", { level: 1, name: "页面不存在" }).waitFor();
  await checkA11y(page);

  await page.goto("/items/00000000-0000-4000-8000-000000000000");
  await page.getByRole("heading", { level: 1, name: "未找到该事项" }).waitFor();
  await page.getByRole("link", { name: "返回事项列表" }).waitFor();
});
