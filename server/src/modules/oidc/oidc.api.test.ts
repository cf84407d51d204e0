import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/seed-demo.ts";
import { type Platform, startPlatform } from "../../start.ts";
import { databaseKinds, freshDatabase } from "../../test/databases.ts";
import { httpLogin } from "../../test/spawn-platform.ts";
import { testKeys } from "../../test/test-app.ts";
import { DEMO_OIDC_CLIENT } from "./seed-clients.ts";
import { type TestBrowser, testBrowser } from "./test-browser.ts";

const CITIZEN = "13800510001"; // 陈晓明, real-name verified in the demo population register
const OTHER_CITIZEN = "13800510002"; // 周丽华
const CALLBACK = DEMO_OIDC_CLIENT.redirectUris[1];
const ALL_SCOPES = DEMO_OIDC_CLIENT.scopes.join(" ");

/** A port nobody listens on now, so PUBLIC_URL (the issuer) can name it before the platform starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(databaseKinds)("Tongban as an OpenID Connect provider (%s)", (kind) => {
  let platform: Platform;
  let base: string;
  let issuer: string;
  let dataDir: string;
  let dropDatabase: () => Promise<void> = async () => {};
  let rp: client.Configuration;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    issuer = `${base}/oidc`;
    dataDir = await mkdtemp(path.join(tmpdir(), "tongban-oidc-"));
    let databaseUrl: string | undefined;
    if (kind === "postgres") {
      const fresh = await freshDatabase("postgres", { migrated: false });
      await fresh.handle.close();
      databaseUrl = fresh.url;
      dropDatabase = fresh.drop;
    }
    platform = await startPlatform({
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: base,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      WEB_DIST: path.join(dataDir, "no-web"),
      LOG_LEVEL: "silent",
      JOBS: "false",
      ...testKeys,
    });
    rp = await relyingParty(DEMO_OIDC_CLIENT.id, DEMO_OIDC_CLIENT.secret);
  });

  afterAll(async () => {
    await platform?.close();
    await dropDatabase();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** openid-client configured by discovery, checking id token signatures against the JWKS. */
  async function relyingParty(clientId: string, secret: string | undefined): Promise<client.Configuration> {
    return client.discovery(
      new URL(issuer),
      clientId,
      undefined,
      secret ? client.ClientSecretBasic(secret) : client.None(),
      { execute: [client.allowInsecureRequests, client.enableNonRepudiationChecks] },
    );
  }

  /** A fresh authorization request with PKCE and state, as a client system starts a sign-in. */
  async function authorizationRequest(
    config: client.Configuration,
    scope: string,
    extra: Record<string, string> = {},
  ) {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      ...extra,
    });
    return { url: url.href, verifier, state };
  }

  /** Signs `login` in when the provider sends the browser to the login page, and continues to consent. */
  async function signInAtLoginPage(browser: TestBrowser, loginUrl: string, login: string) {
    const next = new URL(loginUrl).searchParams.get("next");
    expect(next).toMatch(/^\/oidc\/interaction\//);
    await browser.signIn(login, DEMO_PASSWORD);
    return browser.open(next ?? "", ["/oidc/consent/", CALLBACK]);
  }

  async function consent(
    browser: TestBrowser,
    consentUrl: string,
    decision: { approve: boolean; scopes?: string[] },
  ) {
    const uid = new URL(consentUrl).pathname.split("/").pop();
    const { status, json } = await browser.api(`/api/oidc/interactions/${uid}`, {
      method: "POST",
      body: decision,
    });
    expect(status).toBe(200);
    return browser.open((json as { redirectTo: string }).redirectTo, [CALLBACK]);
  }

  it("publishes discovery and a JWKS whose private half is sealed in the database", async () => {
    expect(rp.serverMetadata()).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      code_challenge_methods_supported: ["S256"],
      response_types_supported: ["code"],
    });
    expect(rp.serverMetadata().scopes_supported).toEqual(expect.arrayContaining(["realname", "identifiers"]));
    const jwks = (await (await fetch(`${issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const stored = await platform.database.db.selectFrom("oidc_key").selectAll().execute();
    expect(stored.map((k) => k.purpose).sort()).toEqual(["cookie", "signing"]);
    for (const key of stored) {
      expect(key.secret_enc).toMatch(/^v1:/);
      expect(key.secret_enc).not.toContain('"d"');
    }
  });

  it("signs a demo citizen into the demo client: login, consent with the full identifier, tokens, userinfo", async () => {
    const browser = testBrowser(base);
    const request = await authorizationRequest(rp, ALL_SCOPES);
    const login = await browser.open(request.url, ["/login"]);
    expect(login.url).toContain("/login?next=");

    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    expect(consentPage.url).toMatch(/\/oidc\/consent\/[\w-]+$/);
    const uid = new URL(consentPage.url).pathname.split("/").pop();
    const asked = await browser.api(`/api/oidc/interactions/${uid}`);
    expect(asked.status).toBe(200);
    expect(asked.json).toEqual({
      uid,
      client: {
        id: DEMO_OIDC_CLIENT.id,
        name: "无锡市不动产登记业务系统",
        department: "无锡市不动产登记中心",
      },
      account: { displayName: "陈晓明" },
      scopes: [
        { name: "openid", explicit: false },
        { name: "profile", explicit: false },
        { name: "realname", explicit: false },
        { name: "identifiers_masked", explicit: false },
        { name: "identifiers", explicit: true },
        { name: "phone", explicit: false },
      ],
    });

    const back = await consent(browser, consentPage.url, {
      approve: true,
      scopes: [...DEMO_OIDC_CLIENT.scopes],
    });
    const callback = new URL(back.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get("state")).toBe(request.state);

    const tokens = await client.authorizationCodeGrant(rp, callback, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({
      iss: issuer,
      aud: DEMO_OIDC_CLIENT.id,
      name: "陈晓明",
      real_name_level: 2,
      user_type: "natural_person",
      citizen_id_masked: "320202********0130",
      citizen_id: "320202198503120130",
      phone_number_masked: "138****0001",
    });
    expect(tokens.scope?.split(" ").sort()).toEqual([...DEMO_OIDC_CLIENT.scopes].sort());

    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, claims?.sub ?? "");
    expect(userinfo).toMatchObject({
      sub: claims?.sub,
      citizen_id: "320202198503120130",
      user_type: "natural_person",
    });

    const audit = await platform.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "on_behalf_of", "subject_id", "details"])
      .where("action", "in", ["oidc.consent-granted", "oidc.token-issued"])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["oidc.consent-granted", "oidc.token-issued"]);
    expect(audit[0]).toMatchObject({ actor_id: claims?.sub, subject_id: DEMO_OIDC_CLIENT.id });
    expect(audit[1]).toMatchObject({ on_behalf_of: claims?.sub, subject_id: DEMO_OIDC_CLIENT.id });

    // Single sign-on: the next sign-in from this browser needs neither the login page nor consent again.
    const again = await authorizationRequest(rp, ALL_SCOPES);
    const straight = await browser.open(again.url, [CALLBACK, "/login", "/oidc/consent/"]);
    expect(straight.url.startsWith(CALLBACK)).toBe(true);
    const second = await client.authorizationCodeGrant(rp, new URL(straight.url), {
      pkceCodeVerifier: again.verifier,
      expectedState: again.state,
    });
    expect(second.claims()?.sub).toBe(claims?.sub);
  });

  it("releases only masked identifiers unless the person ticks the full one", async () => {
    const browser = testBrowser(base);
    const request = await authorizationRequest(rp, ALL_SCOPES);
    const login = await browser.open(request.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    const back = await consent(browser, consentPage.url, { approve: true });
    const tokens = await client.authorizationCodeGrant(rp, new URL(back.url), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const claims = tokens.claims();
    expect(claims).toMatchObject({ citizen_id_masked: "320202********0130", real_name_level: 2 });
    expect(claims).not.toHaveProperty("citizen_id");
    expect(tokens.scope?.split(" ")).not.toContain("identifiers");
    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, claims?.sub ?? "");
    expect(userinfo).not.toHaveProperty("citizen_id");
  });

  it("returns access_denied to the client when the person declines", async () => {
    const browser = testBrowser(base);
    const request = await authorizationRequest(rp, "openid profile");
    const login = await browser.open(request.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    const back = await consent(browser, consentPage.url, { approve: false });
    const callback = new URL(back.url);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(request.state);
    await expect(
      client.authorizationCodeGrant(rp, callback, {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      }),
    ).rejects.toMatchObject({ error: "access_denied" });
    const denied = await platform.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "oidc.consent-denied")
      .execute();
    expect(denied).toHaveLength(1);
  });

  it("hides a pending consent from anyone but the person it belongs to", async () => {
    const browser = testBrowser(base);
    const request = await authorizationRequest(rp, "openid profile");
    const login = await browser.open(request.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    const uid = new URL(consentPage.url).pathname.split("/").pop();

    const visitor = testBrowser(base);
    expect((await visitor.api(`/api/oidc/interactions/${uid}`)).status).toBe(401);
    const someoneElse = testBrowser(base);
    await someoneElse.signIn(OTHER_CITIZEN, DEMO_PASSWORD);
    expect((await someoneElse.api(`/api/oidc/interactions/${uid}`)).status).toBe(404);
    const taken = await someoneElse.api(`/api/oidc/interactions/${uid}`, {
      method: "POST",
      body: { approve: true },
    });
    expect(taken.status).toBe(404);
    // Opening another browser's interaction does not continue it either: it has no interaction cookie.
    const hijack = await someoneElse.open(`/oidc/interaction/${uid}`, [CALLBACK, "/oidc/consent/"]);
    expect(hijack.url).toBe(`${base}/oidc/consent/${uid}`);
  });

  it("signs the client in as whoever is signed in to Tongban now, not as the previous person", async () => {
    const browser = testBrowser(base);
    const first = await authorizationRequest(rp, "openid profile");
    const login = await browser.open(first.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    await consent(browser, consentPage.url, { approve: true });

    // At a shared computer: the first person signs out of Tongban, the next one signs in.
    expect((await browser.api("/api/session", { method: "DELETE" })).status).toBe(204);
    const next = await authorizationRequest(rp, "openid profile");
    const asked = await browser.open(next.url, ["/login", CALLBACK]);
    expect(asked.url).toContain("/login?next=");
    const secondConsent = await signInAtLoginPage(browser, asked.url, OTHER_CITIZEN);
    const back = await consent(browser, secondConsent.url, { approve: true });
    const tokens = await client.authorizationCodeGrant(rp, new URL(back.url), {
      pkceCodeVerifier: next.verifier,
      expectedState: next.state,
    });
    expect(tokens.claims()?.name).toBe("周丽华");
  });

  it("answers prompt=login with login_required when the Tongban sign-in predates the request", async () => {
    const browser = testBrowser(base);
    const first = await authorizationRequest(rp, "openid");
    const login = await browser.open(first.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    await consent(browser, consentPage.url, { approve: true });
    // auth_time has a resolution of one second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await authorizationRequest(rp, "openid", { prompt: "login" });
    const back = new URL((await browser.open(again.url, [CALLBACK, "/login"])).url);
    expect(back.searchParams.get("error")).toBe("login_required");
    expect(back.searchParams.get("state")).toBe(again.state);
  });

  it("refuses a redirect URI that is not registered, without redirecting to it", async () => {
    const request = await authorizationRequest(rp, "openid", { redirect_uri: "http://127.0.0.1:9/steal" });
    const page = await testBrowser(base).open(request.url);
    expect(page.status).toBe(400);
    expect(page.body).toContain("redirect_uri");
    expect(page.body).toContain("登录请求无法完成");
  });

  it("refuses an authorization request without PKCE", async () => {
    const url = client.buildAuthorizationUrl(rp, { redirect_uri: CALLBACK, scope: "openid", state: "s1" });
    const back = await testBrowser(base).open(url.href, [CALLBACK]);
    const callback = new URL(back.url);
    expect(callback.searchParams.get("error")).toBe("invalid_request");
    expect(callback.searchParams.get("error_description")).toContain("PKCE");
  });

  it("refuses a scope the client system is not allowed", async () => {
    const admin = await httpLogin(base, "admin", DEMO_PASSWORD);
    const created = await fetch(`${base}/api/admin/oidc-clients`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        name: "梁溪区社区服务系统",
        departmentId: null,
        redirectUris: [CALLBACK],
        scopes: ["openid", "profile", "identifiers_masked"],
      }),
    });
    expect(created.status).toBe(201);
    const { client: registered, secret } = (await created.json()) as {
      client: { id: string };
      secret: string;
    };
    const community = await relyingParty(registered.id, secret);

    const greedy = await authorizationRequest(community, "openid identifiers");
    const refused = new URL((await testBrowser(base).open(greedy.url, [CALLBACK])).url);
    expect(refused.searchParams.get("error")).toBe("invalid_scope");

    // A code obtained before the system was disabled cannot be redeemed afterwards.
    const browser = testBrowser(base);
    const request = await authorizationRequest(community, "openid profile");
    const login = await browser.open(request.url, ["/login"]);
    const consentPage = await signInAtLoginPage(browser, login.url, CITIZEN);
    const back = await consent(browser, consentPage.url, { approve: true });
    const disabled = await fetch(`${base}/api/admin/oidc-clients/${registered.id}`, {
      method: "PATCH",
      headers: admin,
      body: JSON.stringify({ disabled: true }),
    });
    expect(disabled.status).toBe(200);
    await expect(
      client.authorizationCodeGrant(community, new URL(back.url), {
        pkceCodeVerifier: request.verifier,
        expectedState: request.state,
      }),
    ).rejects.toMatchObject({ status: 401, cause: [{ parameters: { error: "invalid_client" } }] });
    const again = await authorizationRequest(community, "openid");
    const page = await testBrowser(base).open(again.url, [CALLBACK]);
    expect(page.status).toBe(400);
    expect(page.body).toContain("invalid_client");
  });
});
