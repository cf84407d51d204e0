import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stepOf, totpAt } from "../../platform/totp.ts";
import { cookieValue, createTestApp, type Signed, type TestApp } from "../../test/test-app.ts";

describe("staff administration", () => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await createTestApp("pglite");
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  const send = (method: "GET" | "POST" | "PATCH", url: string, who: Signed, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, "x-csrf-token": who.csrf },
      ...(payload ? { payload } : {}),
    });

  /** Signs a new staff member in through the enrolment a first sign-in requires. */
  const firstSignIn = async (username: string, password: string): Promise<Signed> => {
    const { csrf } = await t.anonymous();
    const post = (url: string, cookie: string, payload: object) =>
      t.app.inject({
        method: "POST",
        url,
        headers: { cookie: `tb_csrf=${csrf}${cookie}`, "x-csrf-token": csrf },
        payload,
      });
    const first = await post("/api/session", "", { login: username, password });
    expect(first.json().stage).toBe("enrol");
    const pending = `; tb_session=${cookieValue(first, "tb_session")}`;
    const { secret } = (await post("/api/session/totp/enrolment", pending, {})).json();
    const done = await post("/api/session/totp/enrolment/confirm", pending, {
      code: totpAt(secret, stepOf(Date.now())),
    });
    expect(done.json().stage).toBe("active");
    return { cookie: `tb_csrf=${csrf}; tb_session=${cookieValue(done, "tb_session")}`, csrf };
  };

  it("creates a staff account whose first sign-in enrols an authenticator", async () => {
    const { items: departments } = (await t.app.inject("/api/departments")).json();
    const created = await send("POST", "/api/admin/staff", admin, {
      username: "liangxi.admin",
      displayName: "梁溪区管理员",
      roles: ["system-admin"],
      regionCode: "320213",
      departmentId: null,
    });
    expect(created.statusCode).toBe(201);
    const county = await firstSignIn("liangxi.admin", created.json().temporaryPassword);
    const session = (await send("GET", "/api/session", county)).json();
    expect(session.user).toMatchObject({ regionCode: "320213", roles: ["system-admin"] });
    expect(departments.length).toBeGreaterThan(0);
  });

  it("keeps each administrator inside their region: others' staff are invisible and look missing", async () => {
    const far = await send("POST", "/api/admin/staff", admin, {
      username: "jiangyin.clerk",
      displayName: "江阴窗口",
      roles: ["window-clerk"],
      regionCode: "320281",
      departmentId: null,
    });
    const county = await firstSignIn(
      "liangxi.admin2",
      (
        await send("POST", "/api/admin/staff", admin, {
          username: "liangxi.admin2",
          displayName: "梁溪区管理员二",
          roles: ["system-admin"],
          regionCode: "320213",
          departmentId: null,
        })
      ).json().temporaryPassword,
    );
    const visible = (await send("GET", "/api/admin/staff", county))
      .json()
      .items.map((s: { username: string }) => s.username);
    expect(visible).toContain("clerk");
    expect(visible).not.toContain("jiangyin.clerk");
    const hidden = await send("PATCH", `/api/admin/staff/${far.json().id}`, county, {
      roles: ["system-admin"],
    });
    expect(hidden.json()).toMatchObject({ status: 404, code: "STAFF_NOT_FOUND" });
    const outside = await send("POST", "/api/admin/staff", county, {
      username: "x.clerk",
      displayName: "x",
      roles: ["window-clerk"],
      regionCode: "320281",
      departmentId: null,
    });
    expect(outside.json()).toMatchObject({ status: 403, code: "REGION_OUT_OF_SCOPE" });
  });

  it("audits role changes with before and after, and ends the person's sessions", async () => {
    const clerk = await t.login("clerk");
    const list = (await send("GET", "/api/admin/staff?q=clerk", admin)).json().items;
    const target = list.find((s: { username: string }) => s.username === "clerk");
    expect(target.abilities.update).toBe(true);
    expect(
      (await send("PATCH", `/api/admin/staff/${target.id}`, admin, { roles: ["window-clerk", "reviewer"] }))
        .statusCode,
    ).toBe(204);
    expect((await send("GET", "/api/session", clerk)).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "staff.roles-changed")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      before: { roles: ["window-clerk"] },
      after: { roles: ["window-clerk", "reviewer"] },
    });
  });

  it("refuses to let administrators change themselves, and refuses other roles", async () => {
    const me = (await send("GET", "/api/session", admin)).json().user;
    expect(
      (await send("PATCH", `/api/admin/staff/${me.id}`, admin, { disabled: true })).json(),
    ).toMatchObject({ code: "STAFF_SELF_CHANGE" });
    const reviewer = await t.login("reviewer");
    expect((await send("GET", "/api/admin/staff", reviewer)).statusCode).toBe(403);
  });

  it("resets a lost authenticator", async () => {
    const list = (await send("GET", "/api/admin/staff?q=legal", admin)).json().items;
    const legal = list.find((s: { username: string }) => s.username === "legal");
    expect(legal.hasAuthenticator).toBe(true);
    expect((await send("POST", `/api/admin/staff/${legal.id}/reset-second-factor`, admin)).statusCode).toBe(
      204,
    );
    const { csrf } = await t.anonymous();
    const again = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { cookie: `tb_csrf=${csrf}`, "x-csrf-token": csrf },
      payload: { login: "legal", password: "Tongban@2026" },
    });
    expect(again.json().stage).toBe("enrol");
  });
});
