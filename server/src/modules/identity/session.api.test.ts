import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepOf, totpAt } from "../../platform/totp.ts";
import { cookieValue, createTestApp, demoTotp, type TestApp } from "../../test/test-app.ts";

describe("staff sign-in with a second factor", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  const post = async (url: string, payload: object, cookie = "") => {
    const { csrf } = await t.anonymous();
    return t.app.inject({
      method: "POST",
      url,
      headers: { cookie: `tb_csrf=${csrf}${cookie ? `; ${cookie}` : ""}`, "x-csrf-token": csrf },
      payload,
    });
  };

  it("opens only a pending session on the password; the TOTP code completes it with a new token", async () => {
    const first = await post("/api/session", { login: "clerk", password: "Tongban@2026" });
    expect(first.json()).toMatchObject({ stage: "mfa", user: null });
    const pending = `tb_session=${cookieValue(first, "tb_session")}`;
    expect((await t.app.inject({ url: "/api/admin/jobs", headers: { cookie: pending } })).statusCode).toBe(
      401,
    );

    const wrong = await post("/api/session/totp", { code: "000000" }, pending);
    expect(wrong.json()).toMatchObject({ status: 400, code: "TOTP_INVALID" });
    const done = await post("/api/session/totp", { code: demoTotp() }, pending);
    expect(done.json()).toMatchObject({ stage: "active", user: { username: "clerk", kind: "staff" } });
    expect(done.json().abilities).toMatchObject({ "workbench.use": true, "calendar.publish": false });
    const active = `tb_session=${cookieValue(done, "tb_session")}`;
    expect(active).not.toBe(pending);
    // The pre-MFA token is worthless now (no session fixation).
    expect((await t.app.inject({ url: "/api/session", headers: { cookie: pending } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/session", headers: { cookie: active } })).json().stage).toBe(
      "active",
    );
  });

  it("refuses a code used once already (replay)", async () => {
    const code = totpAt("TONGBANDEMOTOTPSECRETKEYFORSTAFF", stepOf(Date.now()) + 1);
    const a = await post("/api/session", { login: "reviewer", password: "Tongban@2026" });
    expect(
      (await post("/api/session/totp", { code }, `tb_session=${cookieValue(a, "tb_session")}`)).statusCode,
    ).toBe(200);
    const b = await post("/api/session", { login: "reviewer", password: "Tongban@2026" });
    const replay = await post("/api/session/totp", { code }, `tb_session=${cookieValue(b, "tb_session")}`);
    expect(replay.json()).toMatchObject({ code: "TOTP_INVALID" });
  });

  it("makes a staff member without an authenticator enrol one before signing in", async () => {
    const first = await post("/api/session", { login: "steward", password: "Tongban@2026" });
    expect(first.json().stage).toBe("enrol");
    const pending = `tb_session=${cookieValue(first, "tb_session")}`;
    const enrolment = await post("/api/session/totp/enrolment", {}, pending);
    const { secret, uri } = enrolment.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const done = await post(
      "/api/session/totp/enrolment/confirm",
      { code: totpAt(secret, stepOf(Date.now())) },
      pending,
    );
    expect(done.json()).toMatchObject({ stage: "active", user: { username: "steward" } });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "account.totp-enrolled")
      .execute();
    expect(audit).toHaveLength(1);
    const stored = await t.database.db
      .selectFrom("account")
      .select("totp_secret_enc")
      .where("username", "=", "steward")
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_enc).not.toContain(secret);
  });

  it("locks the account after five wrong codes, ending the pending session", async () => {
    const first = await post("/api/session", { login: "supervisor", password: "Tongban@2026" });
    const pending = `tb_session=${cookieValue(first, "tb_session")}`;
    for (let i = 0; i < 4; i++) await post("/api/session/totp", { code: "123456" }, pending);
    const fifthTry = await post("/api/session/totp", { code: "123456" }, pending);
    expect(fifthTry.json()).toMatchObject({ status: 401, code: "ACCOUNT_LOCKED" });
    const after = await post("/api/session/totp", { code: demoTotp() }, pending);
    expect(after.json()).toMatchObject({ status: 401, code: "NO_PENDING_LOGIN" });
    const supervisor = await t.database.db
      .selectFrom("account")
      .select("id")
      .where("username", "=", "supervisor")
      .executeTakeFirstOrThrow();
    const failures = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "session.totp-failed")
      .where("subject_id", "=", supervisor.id)
      .execute();
    expect(failures).toHaveLength(5);
    const again = await post("/api/session", { login: "supervisor", password: "Tongban@2026" });
    expect(again.json()).toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("refuses a wrong password with one message for unknown and known accounts, and locks after five", async () => {
    const a = await post("/api/session", { login: "admin", password: "x" });
    const b = await post("/api/session", { login: "nobody", password: "x" });
    expect(a.json()).toMatchObject({ status: 401, code: "LOGIN_FAILED", title: "账号或密码错误" });
    expect(b.json()).toMatchObject({ status: 401, code: "LOGIN_FAILED", title: "账号或密码错误" });
    for (let i = 0; i < 5; i++) await post("/api/session", { login: "editor", password: "wrong" });
    expect((await post("/api/session", { login: "editor", password: "Tongban@2026" })).json()).toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "account.locked")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("marks the session cookie httpOnly and SameSite=Lax, and refuses cross-site sign-in", async () => {
    const res = await post("/api/session", { login: "13800510001", password: "Tongban@2026" });
    expect(res.cookies.find((c) => c.name === "tb_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
    });
    const cross = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { login: "13800510001", password: "Tongban@2026" },
    });
    expect(cross.json()).toMatchObject({ status: 403, code: "CSRF_REJECTED" });
  });

  it("signs out one device, or every device", async () => {
    const one = await post("/api/session", { login: "13800510002", password: "Tongban@2026" });
    const two = await post("/api/session", { login: "13800510002", password: "Tongban@2026" });
    const { csrf } = await t.anonymous();
    const cookieOne = `tb_csrf=${csrf}; tb_session=${cookieValue(one, "tb_session")}`;
    const cookieTwo = `tb_csrf=${csrf}; tb_session=${cookieValue(two, "tb_session")}`;
    const everywhere = await t.app.inject({
      method: "DELETE",
      url: "/api/sessions",
      headers: { cookie: cookieOne, "x-csrf-token": csrf },
    });
    expect(everywhere.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/session", headers: { cookie: cookieTwo } })).statusCode).toBe(
      401,
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "session.logout-everywhere")
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ ended: 2 });
  });

  it("validates the sign-in body", async () => {
    expect((await post("/api/session", { login: "" })).json()).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
    });
    expect((await post("/api/session", { mobile: "12345", code: "1" })).statusCode).toBe(400);
  });
});
