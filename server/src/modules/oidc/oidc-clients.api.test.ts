import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { hashClientSecret } from "./client-secret.ts";
import { DEMO_OIDC_CLIENT } from "./seed-clients.ts";

describe("client systems (administrators)", () => {
  let t: TestApp;
  let admin: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await createTestApp("pglite", { PUBLIC_URL: "https://tongban.example.gov.cn" });
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  const asAdmin = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const registration = {
    name: "无锡市公积金业务系统",
    departmentId: null,
    redirectUris: ["https://gjj.wuxi.example/oidc/callback"],
    scopes: ["openid", "profile", "realname"],
  };

  it("lists the demo client without any secret, with the discovery address", async () => {
    const res = await asAdmin("GET", "/api/admin/oidc-clients");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.issuer).toBe("https://tongban.example.gov.cn/oidc");
    expect(body.discoveryUrl).toBe("https://tongban.example.gov.cn/oidc/.well-known/openid-configuration");
    expect(body.scopes).toEqual([
      "openid",
      "profile",
      "realname",
      "identifiers_masked",
      "identifiers",
      "phone",
    ]);
    const demo = body.clients.find((c: { id: string }) => c.id === DEMO_OIDC_CLIENT.id);
    expect(demo).toMatchObject({
      name: "无锡市不动产登记业务系统",
      department: { name: "无锡市不动产登记中心" },
      isPublic: false,
      disabledAt: null,
    });
    expect(JSON.stringify(body)).not.toContain(DEMO_OIDC_CLIENT.secret);
    expect(JSON.stringify(body)).not.toContain(hashClientSecret(DEMO_OIDC_CLIENT.secret));
  });

  it("is for system administrators only", async () => {
    const anonymous = await t.app.inject({ url: "/api/admin/oidc-clients" });
    expect(anonymous.statusCode).toBe(401);
    const clerk = await t.login("clerk");
    const refused = await t.app.inject({ url: "/api/admin/oidc-clients", headers: { cookie: clerk.cookie } });
    expect(refused.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const write = await t.app.inject({
      method: "POST",
      url: "/api/admin/oidc-clients",
      headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrf },
      payload: registration,
    });
    expect(write.statusCode).toBe(403);
  });

  it("registers a client, shows its secret once and keeps only a hash, audited", async () => {
    const department = await t.database.db
      .selectFrom("department")
      .select("id")
      .where("ref", "=", "dept-gongjijin")
      .executeTakeFirstOrThrow();
    const res = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      departmentId: department.id,
    });
    expect(res.statusCode).toBe(201);
    const { client, secret } = res.json();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(client).toMatchObject({
      name: "无锡市公积金业务系统",
      department: { id: department.id, name: "无锡市住房公积金管理中心" },
      redirectUris: registration.redirectUris,
      scopes: registration.scopes,
      isPublic: false,
    });
    const stored = await t.database.db
      .selectFrom("oidc_client")
      .select("secret_hash")
      .where("id", "=", client.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).toBe(hashClientSecret(secret));
    const listed = await asAdmin("GET", "/api/admin/oidc-clients");
    expect(listed.body).not.toContain(secret);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "subject_id"])
      .where("action", "=", "oidc-client.registered")
      .execute();
    expect(audit).toEqual([{ action: "oidc-client.registered", subject_id: client.id }]);
  });

  it("registers a public client (PKCE only) without a secret", async () => {
    const res = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      name: "掌上办事小程序",
      redirectUris: ["http://localhost:5500/callback"],
      isPublic: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ secret: null, client: { isPublic: true } });
  });

  it("refuses plain-http redirect URIs off this machine, scopes without openid and unknown departments", async () => {
    const http = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      redirectUris: ["http://gjj.wuxi.example/callback"],
    });
    expect(http.json()).toMatchObject({ status: 400, code: "VALIDATION_FAILED" });
    const noOpenid = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      scopes: ["profile"],
    });
    expect(noOpenid.statusCode).toBe(400);
    const unknownScope = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      scopes: ["openid", "everything"],
    });
    expect(unknownScope.statusCode).toBe(400);
    const department = await asAdmin("POST", "/api/admin/oidc-clients", {
      ...registration,
      departmentId: "00000000-0000-4000-8000-000000000000",
    });
    expect(department.json()).toMatchObject({ status: 400, code: "OIDC_DEPARTMENT_UNKNOWN" });
  });

  it("edits redirect URIs and scopes, disables and re-enables a client, each audited", async () => {
    const { client } = (await asAdmin("POST", "/api/admin/oidc-clients", registration)).json();
    const edited = await asAdmin("PATCH", `/api/admin/oidc-clients/${client.id}`, {
      redirectUris: ["https://gjj.wuxi.example/callback2"],
      scopes: ["openid", "identifiers_masked"],
    });
    expect(edited.json().client).toMatchObject({
      redirectUris: ["https://gjj.wuxi.example/callback2"],
      scopes: ["openid", "identifiers_masked"],
    });
    const disabled = await asAdmin("PATCH", `/api/admin/oidc-clients/${client.id}`, { disabled: true });
    expect(disabled.json().client.disabledAt).not.toBeNull();
    const enabled = await asAdmin("PATCH", `/api/admin/oidc-clients/${client.id}`, { disabled: false });
    expect(enabled.json().client.disabledAt).toBeNull();
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", client.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "oidc-client.registered",
      "oidc-client.updated",
      "oidc-client.disabled",
      "oidc-client.enabled",
    ]);
    expect(audit[1]?.details).toMatchObject({
      scopes: { from: ["openid", "profile", "realname"], to: ["openid", "identifiers_masked"] },
    });
    const missing = await asAdmin("PATCH", "/api/admin/oidc-clients/no-such-client", { disabled: true });
    expect(missing.json()).toMatchObject({ status: 404, code: "OIDC_CLIENT_NOT_FOUND" });
    const empty = await asAdmin("PATCH", `/api/admin/oidc-clients/${client.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it("serves discovery through the same application (the provider is mounted, not a second server)", async () => {
    const res = await t.app.inject({ url: "/oidc/.well-known/openid-configuration" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      issuer: "https://tongban.example.gov.cn/oidc",
      claims_supported: expect.arrayContaining(["real_name_level", "user_type", "citizen_id_masked"]),
    });
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    const doc = (await t.app.inject("/api/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/admin/oidc-clients",
        "/api/admin/oidc-clients/{id}",
        "/api/oidc/interactions/{uid}",
      ]),
    );
    // The provider's own endpoints are described by its discovery document, not by our OpenAPI.
    expect(Object.keys(doc.paths).filter((path) => path.startsWith("/oidc"))).toEqual([]);
    const consentPage = await t.app.inject({ url: "/oidc/consent/abcdefghijkl" });
    // Without a web bundle the client-side route is a plain 404, never the provider's.
    expect(consentPage.json()).toMatchObject({ status: 404, code: "ROUTE_NOT_FOUND" });
  });
});
