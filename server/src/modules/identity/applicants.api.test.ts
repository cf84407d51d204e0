import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieValue, createTestApp, type Signed, type TestApp } from "../../test/test-app.ts";
import { loadAccountClaims } from "./claims.ts";

describe("citizens and companies: register, verify, authorise, act for a company", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  const send = async (
    method: "POST" | "PUT" | "DELETE" | "GET",
    url: string,
    payload?: object,
    signed?: Signed,
  ) => {
    const s = signed ?? (await t.anonymous());
    return t.app.inject({
      method,
      url,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      ...(payload ? { payload } : {}),
    });
  };
  const latestCode = async (mobile: string) => {
    const admin = await t.login("admin");
    const outbox = (await send("GET", `/api/admin/outbox?mobile=${mobile}`, undefined, admin)).json();
    return {
      count: outbox.items.length as number,
      code: /验证码 (\d{6})/.exec(outbox.items[0]?.body ?? "")?.[1] ?? "",
    };
  };
  const signedFrom = async (res: { cookies: { name: string; value: string }[] }) => {
    const { csrf } = await t.anonymous();
    return { cookie: `tb_csrf=${csrf}; tb_session=${cookieValue(res as never, "tb_session")}`, csrf };
  };

  let newcomer: Signed;

  it("registers a citizen with an SMS code from the outbox, storing the number only encrypted", async () => {
    expect(
      (await send("POST", "/api/session/codes", { mobile: "13900000001", purpose: "register" })).statusCode,
    ).toBe(202);
    const { code } = await latestCode("13900000001");
    expect(code).toMatch(/^\d{6}$/);
    const res = await send("POST", "/api/registrations", {
      mobile: "13900000001",
      code,
      displayName: "王建国",
      password: "Wang2026pass",
    });
    expect(res.json()).toMatchObject({
      stage: "active",
      user: { kind: "citizen", realNameLevel: 1, mobileMasked: "139****0001" },
    });
    newcomer = await signedFrom(res);
    const row = await t.database.db
      .selectFrom("account")
      .selectAll()
      .where("mobile_masked", "=", "139****0001")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain("13900000001");
    expect(t.vault.decrypt(row.mobile_enc ?? "")).toBe("13900000001");
    const again = await send("POST", "/api/session/codes", { mobile: "13900000001", purpose: "register" });
    expect(again.json()).toMatchObject({ status: 429, code: "CODE_TOO_SOON" });
  });

  it("refuses weak passwords and wrong codes", async () => {
    const weak = await send("POST", "/api/registrations", {
      mobile: "13900000002",
      code: "123456",
      displayName: "x",
      password: "short",
    });
    expect(weak.json().code).toBe("VALIDATION_FAILED");
    const wrong = await send("POST", "/api/registrations", {
      mobile: "13900000002",
      code: "123456",
      displayName: "x",
      password: "Good2026pass",
    });
    expect(wrong.json()).toMatchObject({ status: 400, code: "CODE_INVALID" });
  });

  it("sends no code to register a number that has an account, but answers the same", async () => {
    const before = (await latestCode("13800510001")).count;
    expect(
      (await send("POST", "/api/session/codes", { mobile: "13800510001", purpose: "register" })).statusCode,
    ).toBe(202);
    expect((await latestCode("13800510001")).count).toBe(before);
  });

  it("signs a citizen in with an SMS code", async () => {
    await send("POST", "/api/session/codes", { mobile: "13800510003", purpose: "login" });
    const { code } = await latestCode("13800510003");
    const res = await send("POST", "/api/session", { mobile: "13800510003", code });
    expect(res.json()).toMatchObject({ stage: "active", user: { displayName: "吴思远" } });
    const reuse = await send("POST", "/api/session", { mobile: "13800510003", code });
    expect(reuse.json().code).toBe("CODE_INVALID");
  });

  it("raises the real-name level only when the identity service confirms name and number", async () => {
    const mismatch = await send(
      "POST",
      "/api/account/real-name",
      { name: "王建军", citizenId: "320211199003150414" },
      newcomer,
    );
    expect(mismatch.json()).toMatchObject({ status: 400, code: "REAL_NAME_MISMATCH" });
    const bad = await send(
      "POST",
      "/api/account/real-name",
      { name: "王建国", citizenId: "320211199003150415" },
      newcomer,
    );
    expect(bad.json()).toMatchObject({ code: "CITIZEN_ID_INVALID", details: { reason: "checksum" } });
    const ok = await send(
      "POST",
      "/api/account/real-name",
      { name: "王建国", citizenId: "320211199003150414" },
      newcomer,
    );
    expect(ok.json().user).toMatchObject({
      realNameLevel: 2,
      legalName: "王建国",
      citizenIdMasked: "320211********0414",
    });
    const other = await t.login("13800510002");
    const taken = await send(
      "POST",
      "/api/account/real-name",
      { name: "王建国", citizenId: "320211199003150414" },
      other,
    );
    expect(taken.json()).toMatchObject({ status: 409, code: "CITIZEN_ID_BOUND" });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "like", "account.real-name-%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["account.real-name-rejected", "account.real-name-verified"]);
    expect(JSON.stringify(audit)).not.toContain("320211199003150414");
  });

  it("releases the full identifier only through the claims loader, decrypted", async () => {
    const row = await t.database.db
      .selectFrom("account")
      .select("id")
      .where("legal_name", "=", "王建国")
      .executeTakeFirstOrThrow();
    expect(await loadAccountClaims({ db: t.database.db, vault: t.vault } as never, row.id)).toMatchObject({
      kind: "citizen",
      realNameLevel: 2,
      citizenId: "320211199003150414",
      citizenIdMasked: "320211********0414",
    });
  });

  it("lets an applicant authorise someone to act for them on one item, and withdraw it", async () => {
    const grantor = await t.login("13800510001");
    const created = await send(
      "POST",
      "/api/account/authorisations",
      {
        agentMobile: "13800510002",
        itemRef: "sfz-shouci-shenling",
        purpose: "代为办理首次申领",
        validFrom: "2026-01-01",
        validTo: "2030-12-31",
      },
      grantor,
    );
    expect(created.statusCode).toBe(201);
    const given = (await send("GET", "/api/account/authorisations", undefined, grantor)).json().items;
    expect(given[0]).toMatchObject({
      direction: "given",
      agentMobile: "138****0002",
      itemName: "居民身份证首次申领",
      revoked: false,
    });
    const agent = await t.login("13800510002");
    const received = (await send("GET", "/api/account/authorisations", undefined, agent)).json().items;
    expect(received[0]).toMatchObject({ direction: "received", grantorName: "陈晓明" });
    expect(
      (await send("DELETE", `/api/account/authorisations/${created.json().id}`, undefined, agent)).statusCode,
    ).toBe(404);
    expect(
      (await send("DELETE", `/api/account/authorisations/${created.json().id}`, undefined, grantor))
        .statusCode,
    ).toBe(204);
  });

  it("lets a company's legal representative add an agent (经办人), who then acts for the company", async () => {
    const rep = await t.login("13800510001");
    const company = await t.database.db
      .selectFrom("account")
      .select("id")
      .where("kind", "=", "company")
      .executeTakeFirstOrThrow();
    const repSession = (await send("GET", "/api/session", undefined, rep)).json();
    expect(repSession.representedCompanies).toEqual([
      { id: company.id, name: "无锡通办示范科技有限公司", creditCode: "91320213MA2TB0015D" },
    ]);
    const outsider = await t.login("13800510003");
    expect((await send("GET", `/api/companies/${company.id}/agents`, undefined, outsider)).statusCode).toBe(
      404,
    );

    const unknownScope = await send(
      "POST",
      `/api/companies/${company.id}/agents`,
      { agentMobile: "13800510002", scope: ["no-such-item"], validFrom: "2026-01-01", validTo: "2030-12-31" },
      rep,
    );
    expect(unknownScope.json()).toMatchObject({ status: 400, code: "SCOPE_UNKNOWN_ITEM" });
    // 王建国 (the newcomer) verified his real name above, so he may become an agent.
    const grant = await send(
      "POST",
      `/api/companies/${company.id}/agents`,
      { agentMobile: "13900000001", scope: [], validFrom: "2026-01-01", validTo: "2030-12-31" },
      rep,
    );
    expect(grant.statusCode).toBe(201);

    const session = (await send("GET", "/api/session", undefined, newcomer)).json();
    expect(session.companies.map((c: { id: string }) => c.id)).toContain(company.id);
    const acting = await send("PUT", "/api/session/acting-for", { companyId: company.id }, newcomer);
    expect(acting.json().actingFor).toMatchObject({ id: company.id, name: "无锡通办示范科技有限公司" });
    const actingSession = await signedFrom(acting);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["on_behalf_of"])
      .where("action", "=", "session.acting-for-company")
      .executeTakeFirstOrThrow();
    expect(audit.on_behalf_of).toBe(company.id);

    expect(
      (await send("DELETE", `/api/companies/${company.id}/agents/${grant.json().id}`, undefined, rep))
        .statusCode,
    ).toBe(204);
    expect((await send("GET", "/api/session", undefined, actingSession)).json().actingFor).toBeNull();
    const refused = await send("PUT", "/api/session/acting-for", { companyId: company.id }, actingSession);
    expect(refused.json()).toMatchObject({ status: 404, code: "COMPANY_NOT_FOUND" });
  });
});
