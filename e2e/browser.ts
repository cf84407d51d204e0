import { AxeBuilder } from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { stepOf, totpAt } from "../server/src/platform/totp.ts";
import { DEMO_TOTP_SECRET } from "../server/src/seed/seed-accounts.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where global-setup started the platform, e.g. http://localhost:41234. */
    baseUrl: string;
  }
}

let browser: Browser | undefined;

/** Launches one Chromium for the test file and closes it afterwards; call once at the top of a file. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

/**
 * A browser test with a fresh context (no cookies, no storage) per test. On failure it saves a
 * screenshot to /tmp so the state of the page can be seen, then rethrows.
 */
export function journey(name: string, body: (page: Page) => Promise<void>): void {
  test(name, async () => {
    if (!browser) throw new Error("call useBrowser() in the test file first");
    const context = await browser.newContext({ baseURL: inject("baseUrl"), locale: "zh-CN" });
    const page = await context.newPage();
    try {
      await body(page);
    } catch (error) {
      const file = `/tmp/e2e-${name.replace(/[^\p{L}\p{N}]+/gu, "-")}.png`;
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[e2e] failed at ${page.url()}; screenshot: ${file}`);
      throw error;
    } finally {
      await context.close();
    }
  });
}

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown; html: string; failureSummary?: string }[];
}

/** Renders axe violations as a readable list: rule, impact, help, and each offending element. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? "").replace(/\n/g, "\n        ");
          return `    - ${JSON.stringify(node.target)}\n      ${node.html}\n        ${summary}`;
        })
        .join("\n");
      return `• ${violation.id} [${violation.impact ?? "?"}]: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/** Fails when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
export async function checkA11y(page: Page): Promise<void> {
  // Check the settled page: a toast or dialog caught mid-fade has half-transparent text that fails contrast.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  if (results.violations.length === 0) return;
  throw new Error(
    `${results.violations.length} accessibility violation(s) on ${page.url()}:\n\n${formatViolations(results.violations)}`,
  );
}

/** The password of every demo account. */
export const DEMO_PASSWORD = "Tongban@2026";

/** A fresh browser context (own cookies) beside the journey's, e.g. for a second person or an admin. */
export async function openContext(): Promise<BrowserContext> {
  if (!browser) throw new Error("call useBrowser() in the test file first");
  return browser.newContext({ baseURL: inject("baseUrl"), locale: "zh-CN" });
}

const isPost = (path: string) => (response: Response) =>
  response.request().method() === "POST" && new URL(response.url()).pathname === path;

/**
 * Signs in through the login page, including the authenticator step for staff (codes computed from
 * `totpSecret`, the demo secret unless given). Returns once the page has left /login.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  login: string,
  password = DEMO_PASSWORD,
  { totpSecret = DEMO_TOTP_SECRET }: { totpSecret?: string } = {},
): Promise<void> {
  // A protected page may already have redirected here with ?next=; keep that address.
  if (new URL(page.url()).pathname !== "/login") await page.goto(`${baseUrl}/login`);
  await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
  // A sign-in left waiting for its second factor shows that step first: leave it for a fresh start.
  const passwordTab = page.getByRole("tab", { name: "密码登录" });
  const otherAccount = page.getByRole("button", { name: "换个账号登录" });
  await passwordTab.or(otherAccount).first().waitFor();
  if (await otherAccount.isVisible()) await otherAccount.click();
  await passwordTab.click();
  await page.getByLabel("账号", { exact: true }).fill(login);
  await page.getByLabel("密码", { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse(isPost("/api/session")),
    page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click(),
  ]);
  if (!response.ok()) throw new Error(`signing in as ${login} failed: ${await response.text()}`);
  // When the sign-in completes at once and `next` is a server page (an OIDC interaction), the browser
  // leaves with a full page load and the body may be gone: that can only be an active session.
  const { stage } = (await response.json().catch(() => ({ stage: "active" }))) as { stage: string };
  if (stage === "enrol") throw new Error(`${login} has no authenticator yet: use enrolAuthenticator()`);
  if (stage === "mfa") await enterAuthenticatorCode(page, totpSecret);
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** On the second-factor step of the login page: enters authenticator codes until one is accepted. */
export async function enterAuthenticatorCode(page: Page, totpSecret = DEMO_TOTP_SECRET): Promise<void> {
  await submitTotp(page, totpSecret, "/api/session/totp", "验证并登录");
}

/**
 * On the enrolment step of the login page: reads the secret shown for manual entry, confirms it with
 * a computed code, and returns the secret (for later sign-ins).
 */
export async function enrolAuthenticator(page: Page): Promise<string> {
  const shown = await page.getByTestId("totp-secret").textContent();
  const secret = (shown ?? "").replace(/\s+/g, "");
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`no authenticator secret on the page: ${shown}`);
  await submitTotp(page, secret, "/api/session/totp/enrolment/confirm", "绑定并登录");
  await page.waitForURL((url) => url.pathname !== "/login");
  return secret;
}

/**
 * Enters authenticator codes until one is accepted. The server takes a code once per 30 s step per
 * account, allowing ±1 step of drift: try this step, then the next, then wait for the next boundary.
 */
async function submitTotp(page: Page, secret: string, path: string, button: string): Promise<void> {
  await withTotpRetry(secret, async (code) => {
    await page.getByRole("textbox", { name: "动态验证码" }).fill(code);
    const [response] = await Promise.all([
      page.waitForResponse(isPost(path)),
      page.getByRole("main").getByRole("button", { name: button }).click(),
    ]);
    return response.ok() ? "ok" : problemCode(await response.text());
  });
}

function problemCode(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code);
  } catch {
    return body;
  }
}

/** Runs `attempt` with codes of fresh steps until it answers "ok"; any answer but TOTP_INVALID is fatal. */
async function withTotpRetry(secret: string, attempt: (code: string) => Promise<string>): Promise<void> {
  const tried = new Set<number>();
  for (let round = 0; round < 3; round++) {
    const current = stepOf(Date.now());
    for (const step of [current, current + 1]) {
      if (tried.has(step)) continue;
      tried.add(step);
      const answer = await attempt(totpAt(secret, step));
      if (answer === "ok") return;
      if (answer !== "TOTP_INVALID") throw new Error(`authenticator code refused: ${answer}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 300));
  }
  throw new Error("no authenticator code was accepted in three steps");
}

/**
 * Signs a context in over the API (password, then the demo authenticator for staff), for a second
 * actor a journey needs in the background, such as an administrator reading the SMS outbox.
 */
export async function signInByApi(
  context: BrowserContext,
  login: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await context.request.get("/api/session"); // hands out the CSRF cookie
  const csrf = (await context.cookies()).find((cookie) => cookie.name === "tb_csrf")?.value ?? "";
  const headers = { "X-CSRF-Token": csrf };
  const response = await context.request.post("/api/session", { data: { login, password }, headers });
  if (!response.ok()) throw new Error(`signing in as ${login} failed: ${await response.text()}`);
  const { stage } = (await response.json()) as { stage: string };
  if (stage !== "mfa") return;
  await withTotpRetry(DEMO_TOTP_SECRET, async (code) => {
    const answer = await context.request.post("/api/session/totp", { data: { code }, headers });
    return answer.ok() ? "ok" : problemCode(await answer.text());
  });
}

/**
 * Picks `option` in the Ant Design select that `opener` opens (its options render in a pop-up list).
 * A click that lands while a dialog or the list is still moving in can miss: try again, as a person would.
 */
export async function chooseOption(page: Page, opener: Locator, option: string): Promise<void> {
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await opener.click();
    await open.locator(".ant-select-item-option", { hasText: option }).first().click();
    try {
      // Let the pop-up finish closing: half-faded options would fail the contrast check.
      await expect.poll(() => open.count(), { timeout: 5_000 }).toBe(0);
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
