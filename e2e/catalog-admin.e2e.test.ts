import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import {
  checkA11y,
  DEMO_PASSWORD,
  enrolAuthenticator,
  journey,
  openContext,
  signIn,
  signInByApi,
  useBrowser,
} from "./browser.ts";

useBrowser();

const ITEM = "往来港澳通行证及签注签发";

journey(
  "an item change goes from the editor through both reviews to the public guide, with history, diff, report and export",
  async (page) => {
    const baseUrl = inject("baseUrl");
    // The demo steward enrols an authenticator at the first sign-in; another journey may have done so already.
    await resetAuthenticator("steward");
    try {
      // The editor drafts a change: the 工本费 goes from 60 to 80 元.
      await signIn(page, baseUrl, "editor");
      await page.getByRole("link", { name: "事项管理" }).click();
      await page.getByRole("heading", { level: 1, name: "事项目录管理" }).waitFor();
      await page.getByLabel("按事项名称或编码搜索").fill("港澳");
      await page.getByLabel("按事项名称或编码搜索").press("Enter");
      await page.getByRole("link", { name: ITEM }).waitFor();
      await checkA11y(page);
      await page.getByRole("link", { name: ITEM }).click();
      await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
      const itemId = new URL(page.url()).pathname.split("/").pop() ?? "";
      await checkA11y(page);

      await page.getByRole("button", { name: "变更事项" }).click();
      await page.getByRole("heading", { level: 1, name: `变更事项：${ITEM}` }).waitFor();
      await page.getByTestId("completeness").waitFor();
      await page.getByRole("tab", { name: "时限、收费与结果" }).click();
      const fee = page.getByRole("group", { name: "收费项目 第 1 项" });
      await expect(fee.getByLabel("收费金额").inputValue()).resolves.toBe("60.00");
      await fee.getByLabel("收费金额").fill("80.5x");
      await fee.getByText("请输入金额（元），最多两位小数").waitFor();
      await fee.getByLabel("收费金额").fill("80");
      await page.getByTestId("field-error-count").getByText("要素格式校验通过").waitFor();
      await page.getByLabel("变更理由").fill("执行新的出入境证件收费标准");
      await checkA11y(page);
      await page.getByRole("button", { name: "提交审查" }).click();
      await page.waitForURL(/\/admin\/catalog\/changes\/[0-9a-f-]{36}$/);
      const changeUrl = new URL(page.url()).pathname;
      await page.getByRole("heading", { level: 1, name: /^变更申请 BG\d{12}$/ }).waitFor();
      const number = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").replace(
        "变更申请 ",
        "",
      );
      await page.getByText("待合法性审查").first().waitFor();
      const diff = page.locator(".catalog-diff");
      await diff.locator(".catalog-diff-before").getByText("金额（分）：6000").waitFor();
      await diff.locator(".catalog-diff-after").getByText("金额（分）：8000").waitFor();
      await checkA11y(page);
      await page
        .getByRole("navigation", { name: "事项管理" })
        .getByRole("link", { name: "我的变更" })
        .click();
      await page.getByRole("heading", { level: 1, name: "我的变更申请" }).waitFor();
      await page.getByRole("link", { name: number }).waitFor();
      await checkA11y(page);
      // A new item starts empty; its editor is as accessible as the change's.
      await page
        .getByRole("navigation", { name: "事项管理" })
        .getByRole("link", { name: "事项目录" })
        .click();
      await page.getByRole("button", { name: "新增事项" }).click();
      await page.getByRole("heading", { level: 1, name: "新增事项" }).waitFor();
      await page.getByTestId("field-error-count").getByText("处要素需要修改", { exact: false }).waitFor();
      await checkA11y(page);
      await signOut(page);

      // 合法性审查: the legality reviewer approves from the queue.
      await signIn(page, baseUrl, "legal");
      await page.goto("/admin/catalog/review/legality");
      await page.getByRole("heading", { level: 1, name: "合法性审查" }).waitFor();
      await page.getByRole("link", { name: number }).waitFor();
      await checkA11y(page);
      await page.getByRole("link", { name: number }).click();
      await page.getByRole("button", { name: "审查通过" }).click();
      await page.getByText("待一致性审核").first().waitFor();
      // Approved once, the change leaves the legality reviewer's hands.
      await expect(page.getByRole("button", { name: "审查通过" }).count()).resolves.toBe(0);
      await signOut(page);

      // 一致性审核: the office's data steward (enrolling an authenticator first) approves and publishes.
      await page.goto("/login");
      await page.getByLabel("账号", { exact: true }).fill("steward");
      await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();
      await enrolAuthenticator(page);
      await page.goto("/admin/catalog/review/consistency");
      await page.getByRole("heading", { level: 1, name: "一致性审核" }).waitFor();
      await page.getByRole("link", { name: number }).waitFor();
      await checkA11y(page);
      await page.goto(changeUrl);
      await page.getByRole("button", { name: "审查通过" }).click();
      await page.getByText("已发布").first().waitFor();
      await page.getByRole("cell", { name: "吴静", exact: true }).waitFor();

      // The new version is live on the public guide.
      await page.goto(`/items/${itemId}`);
      await page.getByRole("heading", { level: 1, name: ITEM }).waitFor();
      await page.getByText("80.00", { exact: false }).first().waitFor();

      // The old version stays in the history, and the diff of the two shows the change.
      await page.goto(`/admin/catalog/items/${itemId}`);
      const versions = page.getByRole("region", { name: "版本历史" });
      await versions.getByRole("cell", { name: "1", exact: true }).waitFor();
      await versions.getByRole("cell", { name: "2", exact: true }).waitFor();
      await versions.getByText("合法性审查：吴静", { exact: false }).waitFor();
      const compare = page.getByRole("region", { name: "版本对比" });
      await compare.locator(".catalog-diff-after").getByText("金额（分）：8000").waitFor();
      await checkA11y(page);

      // The consistency report shows findings across the catalog.
      await page
        .getByRole("navigation", { name: "事项管理" })
        .getByRole("link", { name: "一致性报告" })
        .click();
      await page.getByRole("heading", { level: 1, name: "一致性校验报告" }).waitFor();
      const findingsTitle = page.getByRole("heading", { level: 2, name: /^发现的问题（\d+）$/ });
      await findingsTitle.waitFor();
      const count = Number(/（(\d+)）/.exec((await findingsTitle.textContent()) ?? "")?.[1]);
      expect(count).toBeGreaterThan(0);
      await checkA11y(page);

      // An Excel export downloads.
      await page
        .getByRole("navigation", { name: "事项管理" })
        .getByRole("link", { name: "导入导出" })
        .click();
      await page.getByRole("heading", { level: 1, name: "事项导入导出" }).waitFor();
      await checkA11y(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "导出 Excel" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(await download.failure()).toBeNull();
    } finally {
      // Leave the steward as the demo data has it, waiting to enrol, for whichever journey runs next.
      await resetAuthenticator("steward");
    }
  },
);

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** Clears a staff member's authenticator as the administrator, if they have one. */
async function resetAuthenticator(username: string): Promise<void> {
  const context = await openContext();
  try {
    await signInByApi(context, "admin");
    const csrf = (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
    const list = await context.request.get(`/api/admin/staff?q=${encodeURIComponent(username)}`);
    const { items } = (await list.json()) as {
      items: { id: string; username: string; hasAuthenticator: boolean }[];
    };
    const member = items.find((s) => s.username === username);
    if (!member?.hasAuthenticator) return;
    const reset = await context.request.post(`/api/admin/staff/${member.id}/reset-second-factor`, {
      headers: { "X-CSRF-Token": csrf },
    });
    if (!reset.ok()) throw new Error(`resetting ${username}'s authenticator failed: ${await reset.text()}`);
  } finally {
    await context.close();
  }
}
