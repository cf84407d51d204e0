import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

describe.each(databaseKinds)("calendar API on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const due = async (from: string, days: number, unit = "workday") =>
    (await t.app.inject({ url: "/api/calendar/due", query: { from, days: String(days), unit } })).json();

  // The vectors of standards-cn.md §9, answered from the calendar seeded into the database.
  it.each([
    ["2025-09-26", 5, "2025-10-10"],
    ["2025-09-30", 1, "2025-10-09"],
    ["2025-10-10", 1, "2025-10-11"],
    ["2025-12-31", 1, "2026-01-04"],
    ["2026-01-01", 1, "2026-01-04"],
    ["2026-02-13", 3, "2026-02-25"],
    ["2026-02-12", 20, "2026-03-18"],
    ["2026-09-30", 20, "2026-11-03"],
  ])("%s + %i working days = %s", async (from, days, expected) => {
    expect(await due(from, days)).toEqual({ due: expected, provisional: false });
  });

  it.each([
    ["2025-09-25", 7, "2025-10-09"],
    ["2026-02-08", 7, "2026-02-24"],
    ["2026-05-25", 7, "2026-06-01"],
  ])("%s + %i natural days rolls forward to %s", async (from, days, expected) => {
    expect(await due(from, days, "natural")).toEqual({ due: expected, provisional: false });
  });

  it("flags a period that reaches an unpublished year as provisional", async () => {
    expect(await due("2026-12-20", 20)).toMatchObject({ provisional: true });
  });

  it("lists a year's days off and make-up workdays", async () => {
    const res = (await t.app.inject("/api/calendar/2026")).json();
    expect(res.published).toBe(true);
    expect(res.daysOff).toHaveLength(33);
    expect(res.workdays.map((d: { date: string }) => d.date)).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    expect((await t.app.inject("/api/calendar/2031")).json()).toMatchObject({
      published: false,
      daysOff: [],
    });
  });

  it.each([
    ["from=2026-02-30&days=1", "querystring.from"],
    ["from=20260101&days=1", "querystring.from"],
    ["from=2026-01-01&days=-1", "querystring.days"],
    ["from=2026-01-01&days=abc", "querystring.days"],
    ["from=2026-01-01&days=1&unit=hour", "querystring.unit"],
  ])("refuses %s with a 400 problem naming %s", async (query, path) => {
    const res = await t.app.inject({ url: `/api/calendar/due?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("lets only a system administrator publish a year, with CSRF proof, audited", async () => {
    const body = { daysOff: [{ date: "2027-01-01", name: "元旦" }], workdays: [] };
    const anonymous = await t.app.inject({ method: "PUT", url: "/api/admin/calendar/2027", payload: body });
    expect(anonymous.statusCode).toBe(401);

    const clerk = await t.login("clerk");
    const refused = await t.app.inject({
      method: "PUT",
      url: "/api/admin/calendar/2027",
      headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrf },
      payload: body,
    });
    expect(refused.statusCode).toBe(403);

    const admin = await t.login("admin");
    const noToken = await t.app.inject({
      method: "PUT",
      url: "/api/admin/calendar/2027",
      headers: { cookie: admin.cookie },
      payload: body,
    });
    expect(noToken.json()).toMatchObject({ status: 403, code: "CSRF_REJECTED" });

    const ok = await t.app.inject({
      method: "PUT",
      url: "/api/admin/calendar/2027",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: body,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      year: 2027,
      published: true,
      daysOff: [{ date: "2027-01-01", name: "元旦" }],
    });
    expect(await due("2026-12-30", 2)).toEqual({ due: "2027-01-04", provisional: false });

    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "calendar.published")
      .where("subject_id", "=", "2027")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a notice with dates outside its year or a make-up day on a weekday", async () => {
    const admin = await t.login("admin");
    const put = (payload: unknown) =>
      t.app.inject({
        method: "PUT",
        url: "/api/admin/calendar/2028",
        headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
        payload: payload as object,
      });
    const outside = await put({ daysOff: [{ date: "2029-01-01", name: "元旦" }], workdays: [] });
    expect(outside.json()).toMatchObject({ status: 400, code: "CALENDAR_DATE_OUTSIDE_YEAR" });
    const weekday = await put({ daysOff: [], workdays: [{ date: "2028-01-05", name: "调休" }] });
    expect(weekday.json()).toMatchObject({ status: 400, code: "CALENDAR_WORKDAY_NOT_WEEKEND" });
    expect((await t.app.inject("/api/calendar/2028")).json().published).toBe(false);
  });
});
