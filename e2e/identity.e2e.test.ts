import type { BrowserContext, Page } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
import {
  checkA11y,
  enrolAuthenticator,
  enterAuthenticatorCode,
  journey,
  openContext,
  signIn,
  signInByApi,
  useBrowser,
} from "./browser.ts";

useBrowser();

// Each e2e run starts from a fresh database, so these numbers are not registered yet.
const WANG_MOBILE = "13900000101";
const COMPANY_LOGIN = "91320213MA2TB0015D";
const COMPANY_NAME = "无锡通办示范科技有限公司";

let admin: BrowserContext | undefined;
afterAll(async () => {
  await admin?.close().catch(() => undefined);
  admin = undefined;
});

/** An administrator's context, signed in over the API, for reading the demo SMS outbox. */
async function adminContext(): Promise<BrowserContext> {
  if (!admin) {
    admin = await openContext();
    await signInByApi(admin, "admin");
  }
  return admin;
}

/** The latest SMS code of a purpose sent to a number, read from the outbox as an administrator. */
async function smsCode(mobile: string, purpose: "register" | "login"): Promise<string> {
  const context = await adminContext();
  for (let attempt = 0; attempt < 20; attempt++) {
    const response = await context.request.get(`/api/admin/outbox?mobile=${mobile}`);
    if (!response.ok()) throw new Error(`reading the outbox failed: ${await response.text()}`);
    const { items } = (await response.json()) as { items: { template: string; body: string }[] };
    const code = items.find((m) => m.template === `otp.${purpose}`)?.body.match(/验证码 (\d{6})/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${purpose} code for ${mobile} in the outbox`);
}

/** Asks for an SMS code on the page and waits until the server has accepted the request. */
async function sendCode(page: Page): Promise<void> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === "/api/session/codes"),
    page.getByRole("button", { name: "获取验证码" }).click(),
  ]);
  expect(response.status()).toBe(202);
  await page.getByRole("button", { name: /秒后重新获取/ }).waitFor();
}

/** Signs out with the header button and waits for the home page. */
async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("banner").getByRole("link", { name: "登录" }).waitFor();
}

journey(
  "a citizen registers, verifies, signs in by SMS, authorises someone, and becomes a company's agent",
  async (page) => {
    await page.goto("/register");
    await page.getByRole("heading", { level: 1, name: "注册" }).waitFor();
    // 长辈版 stays on for the rest of this journey, so each page below is also checked in it.
    await page.getByRole("button", { name: "长辈版" }).click();
    await checkA11y(page);

    await page.getByLabel("手机号").fill(WANG_MOBILE);
    await sendCode(page);
    await page.getByRole("textbox", { name: "短信验证码" }).fill(await smsCode(WANG_MOBILE, "register"));
    await page.getByLabel("称呼").fill("王建国");
    await page.getByLabel("设置密码").fill("wang2026");
    await page.getByText("至少8位（已满足）").waitFor();
    await page.getByText("包含数字（已满足）").waitFor();
    await checkA11y(page);
    await page.getByRole("main").getByRole("button", { name: "注册", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "注册成功，欢迎您，王建国" }).waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "去实名认证" }).click();
    await page.getByRole("heading", { level: 1, name: "个人空间" }).waitFor();
    const realName = page.getByRole("region", { name: "实名认证" });
    await realName.getByLabel("真实姓名").fill("王建国");
    // The number is checked as typed (GB 11643 check digit) before anything is sent.
    await realName.getByLabel("公民身份号码").fill("320211199003150415");
    await realName.getByLabel("真实姓名").focus();
    await realName.getByText("校验码不正确", { exact: false }).waitFor();
    await checkA11y(page);
    await realName.getByLabel("公民身份号码").fill("320211199003150414");
    await realName.getByRole("button", { name: "提交认证" }).click();
    await realName.getByText("已完成实名认证").waitFor();
    await checkA11y(page);

    await page.getByRole("tab", { name: "基本信息" }).click();
    const profile = page.getByRole("region", { name: "基本信息" });
    await profile.getByText("二级 · 实名认证").first().waitFor();
    await profile.getByText("320211********0414").waitFor();
    await checkA11y(page);

    await signOut(page);
    await page.goto("/login");
    await page.getByRole("tab", { name: "短信验证码登录" }).click();
    await page.getByLabel("手机号").fill(WANG_MOBILE);
    await sendCode(page);
    await page.getByRole("textbox", { name: "短信验证码" }).fill(await smsCode(WANG_MOBILE, "login"));
    await checkA11y(page);
    await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("当前用户：王建国").waitFor();

    await page.getByRole("link", { name: "我的空间" }).click();
    await page.getByRole("tab", { name: "代办授权" }).click();
    const authorisations = page.getByRole("region", { name: "代办授权" });
    await authorisations.getByText("您还没有授权他人代办").waitFor();
    await checkA11y(page);
    await authorisations.getByLabel("代办人手机号").fill("13800510002");
    await authorisations.getByRole("combobox", { name: "事项" }).fill("居民身份证");
    await page
      .locator(".ant-select-item-option")
      .filter({ hasText: /^居民身份证首次申领$/ })
      .click();
    await authorisations.getByLabel("事由").fill("本人在外地，委托周丽华代为办理");
    await authorisations.getByRole("button", { name: "授权", exact: true }).click();
    const given = page.getByRole("region", { name: "我授权他人代办" });
    const row = given.getByRole("row").filter({ hasText: "居民身份证首次申领" });
    await row.getByRole("cell", { name: "周丽华（138****0002）" }).waitFor();
    await row.getByText("有效", { exact: true }).waitFor();
    await checkA11y(page);

    // The agent sees the authorisation from their side.
    const agent = await openContext();
    try {
      const agentPage = await agent.newPage();
      await signIn(agentPage, inject("baseUrl"), "13800510002");
      await agentPage.goto("/account?tab=authorisations");
      const received = agentPage.getByRole("region", { name: "他人授权我代办" });
      await received.getByRole("row").filter({ hasText: "居民身份证首次申领" }).getByText("王建国").waitFor();
      await checkA11y(agentPage);
    } finally {
      await agent.close();
    }

    await row.getByRole("button", { name: /^撤销对周丽华代办/ }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "撤销" }).click();
    await row.getByText("已撤销", { exact: true }).waitFor();

    // The company's legal representative makes the newly verified citizen one of its agents.
    const representative = await openContext();
    try {
      const representativePage = await representative.newPage();
      await signIn(representativePage, inject("baseUrl"), "13800510001");
      await representativePage.goto("/account?tab=company");
      await representativePage.getByRole("link", { name: `管理“${COMPANY_NAME}”的经办人` }).click();
      await representativePage.getByRole("heading", { level: 1, name: "企业经办人管理" }).waitFor();
      await representativePage.getByLabel("经办人手机号").fill(WANG_MOBILE);
      await representativePage.getByRole("combobox", { name: "授权范围" }).fill("居民身份证");
      await representativePage
        .locator(".ant-select-item-option")
        .filter({ hasText: /^居民身份证首次申领$/ })
        .click();
      await representativePage.keyboard.press("Escape");
      await representativePage.getByRole("button", { name: "添加经办人" }).click();
      const agents = representativePage.getByRole("region", { name: "经办人", exact: true });
      await agents
        .getByRole("row")
        .filter({ hasText: "王建国" })
        .getByText("有效", { exact: true })
        .waitFor();
      await checkA11y(representativePage);
    } finally {
      await representative.close();
    }

    // The agent's session now lists the company; acting for it shows in the header.
    await page.reload();
    await page.getByRole("button", { name: "切换办事身份" }).click();
    await page.getByRole("menuitem", { name: COMPANY_NAME }).click();
    await page.getByTestId("acting-for").getByText(`正在代表 ${COMPANY_NAME} 办事`).waitFor();
    await checkA11y(page);
  },
);

journey(
  "a company account adds a verified citizen as its agent, who then acts for the company",
  async (page) => {
    await signIn(page, inject("baseUrl"), COMPANY_LOGIN);
    await page.getByRole("link", { name: "我的空间" }).click();
    await page.getByRole("heading", { level: 1, name: "企业空间" }).waitFor();
    await page.getByRole("region", { name: "基本信息" }).getByText(COMPANY_LOGIN).waitFor();
    await checkA11y(page);

    await page.getByRole("tab", { name: "企业" }).click();
    await page.getByRole("link", { name: `管理“${COMPANY_NAME}”的经办人` }).click();
    await page.getByRole("heading", { level: 1, name: "企业经办人管理" }).waitFor();
    await checkA11y(page);
    await page.getByLabel("经办人手机号").fill("13800510003");
    await page.getByRole("button", { name: "添加经办人" }).click();
    const agents = page.getByRole("region", { name: "经办人", exact: true });
    const row = agents.getByRole("row").filter({ hasText: "吴思远" });
    await row.getByText("全部事项").waitFor();
    await row.getByText("有效", { exact: true }).waitFor();
    await checkA11y(page);

    const agent = await openContext();
    try {
      const agentPage = await agent.newPage();
      await signIn(agentPage, inject("baseUrl"), "13800510003");
      await agentPage.getByRole("button", { name: "切换办事身份" }).click();
      await agentPage.getByRole("menuitem", { name: COMPANY_NAME }).click();
      const banner = agentPage.getByTestId("acting-for");
      await banner.getByText(`正在代表 ${COMPANY_NAME} 办事`).waitFor();
      await checkA11y(agentPage);

      await agentPage.goto("/account?tab=company");
      await agentPage.getByRole("region", { name: "我可以代表办事的企业" }).getByText("正在代表").waitFor();
      await checkA11y(agentPage);
      await banner.getByRole("button", { name: "切换回个人身份" }).click();
      await banner.waitFor({ state: "detached" });
    } finally {
      await agent.close();
    }

    // Revoking ends the agent's authority at once.
    await row.getByRole("button", { name: "撤销吴思远的经办人授权" }).click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "撤销" }).click();
    await row.getByText("已撤销", { exact: true }).waitFor();
  },
);

journey("a window clerk signs in with the authenticator code and sees the workbench", async (page) => {
  await page.goto("/login");
  await page.getByLabel("账号", { exact: true }).fill("clerk");
  await page.getByLabel("密码", { exact: true }).fill("Tongban@2026");
  await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "输入动态验证码" }).waitFor();
  await checkA11y(page);

  await page.getByRole("textbox", { name: "动态验证码" }).fill("12345");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await page.getByText("请输入6位数字").waitFor();
  await page.getByRole("textbox", { name: "动态验证码" }).fill("000000");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await page.getByRole("alert").getByText("动态验证码错误", { exact: false }).waitFor();
  await checkA11y(page);

  await enterAuthenticatorCode(page);
  await page.waitForURL(/\/workbench$/);
  await page.getByRole("heading", { level: 1, name: "您好，李敏" }).waitFor();
  await checkA11y(page);
});

journey("a new staff member sets up an authenticator at the first sign-in", async (page) => {
  await page.goto("/login");
  await page.getByLabel("账号", { exact: true }).fill("steward");
  await page.getByLabel("密码", { exact: true }).fill("Tongban@2026");
  await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();
  await page.getByRole("heading", { level: 2, name: "绑定验证器" }).waitFor();
  await page.getByRole("img", { name: "验证器绑定二维码" }).waitFor();
  await page.getByTestId("totp-secret").waitFor();
  await checkA11y(page);

  const secret = await enrolAuthenticator(page);
  await page.waitForURL(/\/workbench$/);
  await checkA11y(page);

  // From now on the new authenticator is asked for at every sign-in.
  await signOut(page);
  await signIn(page, inject("baseUrl"), "steward", undefined, { totpSecret: secret });
  await page.waitForURL(/\/workbench$/);
});

journey("an administrator reads the SMS outbox and verifies the audit chain", async (page) => {
  // A sign-in code to a known number puts a message in the outbox whatever ran before.
  const context = page.context();
  await context.request.get("/api/session");
  const csrf = (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
  const sent = await context.request.post("/api/session/codes", {
    data: { mobile: "13800510001", purpose: "login" },
    headers: { "X-CSRF-Token": csrf },
  });
  expect([202, 429]).toContain(sent.status());

  await signIn(page, inject("baseUrl"), "admin");
  await page.getByRole("link", { name: "短信发件箱" }).click();
  await page.getByRole("heading", { level: 1, name: "短信发件箱（演示）" }).waitFor();
  await page.getByLabel("手机号").fill("13800510001");
  await page.getByRole("button", { name: "筛选" }).click();
  await page.waitForURL(/mobile=13800510001/);
  await page.getByRole("cell", { name: "138****0001" }).first().waitFor();
  await page
    .getByRole("cell", { name: /您正在登录，验证码 \d{6}/ })
    .first()
    .waitFor();
  await checkA11y(page);

  await page.getByRole("link", { name: "审计校验" }).click();
  await page.getByRole("heading", { level: 1, name: "审计日志校验" }).waitFor();
  await checkA11y(page);
  await page.getByRole("button", { name: "开始校验" }).click();
  const result = page.getByTestId("audit-result");
  await result.getByText("校验通过").waitFor();
  await checkA11y(page);
});
