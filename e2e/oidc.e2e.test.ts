import { createHash, randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import { DEMO_OIDC_CLIENT } from "../server/src/modules/oidc/seed-clients.ts";
import { checkA11y, DEMO_PASSWORD, journey, signIn, useBrowser } from "./browser.ts";

useBrowser();

const CALLBACK = DEMO_OIDC_CLIENT.redirectUris[0];

journey(
  "a demo client system signs a citizen in with their Tongban account (OpenID Connect)",
  async (page) => {
    const base = inject("baseUrl");
    const verifier = randomBytes(32).toString("base64url");
    const state = randomBytes(16).toString("base64url");
    const authorization = new URL("/oidc/auth", base);
    authorization.search = new URLSearchParams({
      client_id: DEMO_OIDC_CLIENT.id,
      response_type: "code",
      redirect_uri: CALLBACK,
      scope: "openid profile realname identifiers_masked identifiers",
      state,
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }).toString();

    await page.goto(authorization.href);
    await page.waitForURL(/\/login\?next=%2Foidc%2Finteraction%2F/);
    // Signing in here rather than with signIn(): the login page leaves at once for the server's interaction
    // route (a full page load), before a helper could read the sign-in response.
    await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
    await page.getByRole("tab", { name: "密码登录" }).click();
    await page.getByLabel("账号", { exact: true }).fill("13800510001");
    await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click();

    await page.waitForURL(/\/oidc\/consent\//);
    await page.getByRole("heading", { level: 1, name: "授权登录" }).waitFor();
    await page.getByText("无锡市不动产登记业务系统", { exact: false }).first().waitFor();
    await page.getByText("当前登录账号：陈晓明").waitFor();
    const fullIdentifier = page.getByRole("checkbox", { name: "同时提供完整的证件号码" });
    await expect(fullIdentifier.isChecked()).resolves.toBe(false);
    await checkA11y(page);

    // Nothing listens at the demo client's address; what matters is where the browser is sent.
    const [sent] = await Promise.all([
      page.waitForRequest((request) => request.url().startsWith(CALLBACK)),
      page.getByRole("button", { name: "同意并登录" }).click(),
    ]);
    const callback = new URL(sent.url());
    expect(callback.searchParams.get("state")).toBe(state);
    const code = callback.searchParams.get("code");
    expect(code).toBeTruthy();

    // The client system redeems the code on its server; the full identifier was not ticked, so not released.
    const token = await fetch(new URL("/oidc/token", base), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${DEMO_OIDC_CLIENT.id}:${DEMO_OIDC_CLIENT.secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: code ?? "",
        redirect_uri: CALLBACK,
        code_verifier: verifier,
      }),
    });
    expect(token.status).toBe(200);
    const { id_token: idToken, scope } = (await token.json()) as { id_token: string; scope: string };
    const claims = JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      name: "陈晓明",
      user_type: "natural_person",
      citizen_id_masked: "320202********0130",
    });
    expect(claims).not.toHaveProperty("citizen_id");
    expect(scope.split(" ")).not.toContain("identifiers");
  },
);

journey("an administrator registers a client system, sees its secret once and disables it", async (page) => {
  const base = inject("baseUrl");
  await signIn(page, base, "admin");
  await page.getByRole("link", { name: "单点登录" }).click();
  await page.getByRole("heading", { level: 1, name: "单点登录客户端系统" }).waitFor();
  await page.getByText("/oidc/.well-known/openid-configuration", { exact: false }).first().waitFor();
  await page.getByRole("cell", { name: `无锡市不动产登记业务系统 ${DEMO_OIDC_CLIENT.id}` }).waitFor();
  await checkA11y(page);

  await page.getByRole("button", { name: "登记客户端系统" }).click();
  const form = page.getByRole("dialog", { name: "登记客户端系统" });
  await form.getByLabel("系统名称").fill("无锡市公积金业务系统");
  await form.getByLabel("回调地址").fill("https://gjj.wuxi.example/oidc/callback");
  await checkA11y(page);
  await form.getByRole("button", { name: "登记" }).click();

  const issued = page.getByRole("dialog", { name: "已登记“无锡市公积金业务系统”" });
  await issued.getByText("客户端密钥只显示这一次", { exact: false }).waitFor();
  const secret = await issued.getByTestId("issued-client-secret").textContent();
  expect(secret).toMatch(/[\w-]{43}/);
  await issued.getByRole("button", { name: "我已保存" }).click();
  await expect(page.getByText(secret ?? "-").count()).resolves.toBe(0);

  await page.getByRole("button", { name: "停用 无锡市公积金业务系统" }).click();
  await page.getByRole("button", { name: "停用", exact: true }).click();
  await page.getByRole("button", { name: "启用 无锡市公积金业务系统" }).waitFor();
  await checkA11y(page);
});
