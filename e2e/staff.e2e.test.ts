import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { checkA11y, enrolAuthenticator, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

journey(
  "Tab from the top of a page reaches the skip link first, and it moves focus to main",
  async (page) => {
    await page.goto("/login");
    await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
    await checkA11y(page);

    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("跳到主要内容");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
  },
);

journey("a window clerk signs in and sees the workbench", async (page) => {
  await page.goto("/workbench");
  await page.waitForURL(/\/login\?next=/);

  await signIn(page, inject("baseUrl"), "clerk");
  await page.waitForURL(/\/workbench$/);
  await page.getByRole("heading", { level: 1, name: "您好，李敏" }).waitFor();
  const profile = page.getByRole("region", { name: "我的信息" });
  await profile.getByText("综合窗口人员").waitFor();
  await profile.getByText("clerk", { exact: true }).waitFor();
  await expect(page.getByRole("region", { name: "办理期限计算" }).isVisible()).resolves.toBe(true);
  await expect(page.getByRole("region", { name: "证件号码校验" }).isVisible()).resolves.toBe(true);
  // A clerk is staff but not an administrator: no administration link.
  await expect(page.getByRole("link", { name: "系统管理" }).count()).resolves.toBe(0);
  await checkA11y(page);

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: "登录" }).waitFor();
});

journey(
  "an administrator publishes a year's holiday notice and deadlines stop being provisional",
  async (page) => {
    await signIn(page, inject("baseUrl"), "admin");
    await page.waitForURL(/\/workbench$/);
    await page.getByRole("link", { name: "系统管理" }).click();
    await page.getByRole("heading", { level: 1, name: "工作日历管理" }).waitFor();

    // The calendar opens on the current year in Asia/Shanghai; choose 2026 explicitly all the same.
    const year = page.getByRole("spinbutton", { name: "年度" });
    await year.fill("2026");
    await year.press("Enter");
    await expect(year.inputValue()).resolves.toBe("2026");
    await page.getByTestId("calendar-status").getByText("已发布").waitFor();
    const daysOff = page.getByRole("region", { name: "放假日期" });
    await daysOff.getByRole("cell", { name: "国庆节" }).first().waitFor();
    await expect(daysOff.getByText("2026-10-01", { exact: false }).count()).resolves.toBeGreaterThan(0);
    await checkA11y(page);
    await page.getByRole("tab", { name: "月历" }).click();
    await page.getByRole("table", { name: "2026 年 10 月" }).waitFor();
    await checkA11y(page);

    await page.getByRole("button", { name: "下一年" }).click();
    await page.waitForURL(/year=2027/);
    await page.getByTestId("calendar-status").getByText("未发布").waitFor();
    await expectDue(page, "2027-01-04", { provisional: true });

    await page.getByRole("link", { name: "系统管理" }).click();
    await page.getByRole("spinbutton", { name: "年度" }).fill("2027");
    await page.getByRole("spinbutton", { name: "年度" }).press("Enter");
    await page.getByTestId("calendar-status").getByText("未发布").waitFor();
    await page.getByRole("button", { name: "添加放假日期" }).click();
    await page.getByLabel("放假日期 第 1 行 日期").fill("2027-01-01");
    await page.getByLabel("放假日期 第 1 行 名称").fill("元旦");
    await checkA11y(page);
    await page.getByRole("button", { name: "发布 2027 年安排" }).click();
    await page.getByTestId("calendar-status").getByText("已发布").waitFor();
    await page.getByRole("region", { name: "放假日期" }).getByRole("cell", { name: "元旦" }).waitFor();

    await expectDue(page, "2027-01-04", { provisional: false });
  },
);

/** Uses the portal calculator to count 10 working days from `from` and checks whether it is provisional. */
async function expectDue(page: Page, from: string, { provisional }: { provisional: boolean }): Promise<void> {
  await page.getByRole("link", { name: "便民工具" }).click();
  const calculator = page.getByRole("region", { name: "办理期限计算" });
  await calculator.getByLabel("起算日期").fill(from);
  await calculator.getByLabel("期限天数").fill("10");
  await calculator.getByRole("button", { name: "计算到期日" }).click();
  const result = calculator.getByRole("status");
  await result.getByText("到期日", { exact: false }).waitFor();
  const text = await result.textContent();
  expect(text).toContain(provisional ? "暂定结果" : "结果确定");
}

journey(
  "an administrator adds a staff member, who then signs in and enrols an authenticator",
  async (page) => {
    await signIn(page, inject("baseUrl"), "admin");
    await page.waitForURL(/\/workbench$/);
    await page.getByRole("link", { name: "工作人员" }).click();
    await page.getByRole("heading", { level: 1, name: "工作人员管理" }).waitFor();
    await page.getByRole("cell", { name: "clerk", exact: true }).waitFor();
    await checkA11y(page);

    await page.getByRole("button", { name: "新增工作人员" }).click();
    const dialog = page.getByRole("dialog", { name: "新增工作人员" });
    await dialog.getByLabel("用户名").fill("huishan.clerk");
    await dialog.getByLabel("姓名").fill("惠山窗口员");
    await dialog.getByLabel("角色").click();
    await page.locator(".ant-select-item-option").getByText("综合窗口人员").click();
    await page.keyboard.press("Escape");
    // The option list is checked once it has closed: Ant Design's open listbox carries no name of its own.
    await page.locator(".ant-select-dropdown").waitFor({ state: "hidden" });
    await dialog.getByLabel("行政区划代码").fill("320206");
    await checkA11y(page);
    await dialog.getByRole("button", { name: "保存" }).click();
    const password = (await page.getByTestId("temporary-password").innerText()).trim();
    expect(password).toMatch(/^Tb-/);
    await page.getByRole("button", { name: "我已记下" }).click();
    await page.getByRole("cell", { name: "huishan.clerk", exact: true }).waitFor();
    await page
      .getByRole("row", { name: /huishan\.clerk/ })
      .getByText("未绑定验证器")
      .waitFor();

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/login");
    await page.getByLabel("账号").fill("huishan.clerk");
    await page.getByLabel("密码", { exact: true }).fill(password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await enrolAuthenticator(page);
    await page.waitForURL(/\/workbench$/);
    await page.getByRole("heading", { level: 1, name: "您好，惠山窗口员" }).waitFor();
  },
);
