import { addDays, createCalendar } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import { loadCalendarYears } from "../calendar/queries.ts";
import { type CaseClient, closeCaseWorld, expectStatus, openCaseWorld, submitFoodCase } from "./fixtures.ts";
import { sweepDeadlines } from "./sweep-deadlines.ts";
import { setCaseTodayForTests } from "./today.ts";

describe.each(databaseKinds)("the legal clock of a case (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let reviewer: CaseClient;
  let chief: CaseClient;
  let food: string;

  beforeAll(async () => {
    ({ t, citizen, cityClerk, reviewer, chief, food } = await openCaseWorld(kind));
  });
  afterAll(() => closeCaseWorld(t));

  const acceptedOn = async (day: string) => {
    setCaseTodayForTests(day);
    const submitted = await submitFoodCase(citizen, food);
    return expectStatus(await cityClerk.act(submitted.id, "accept"), 200);
  };

  it("suspension moves both due dates by exactly the suspended working days; extension adds days", async () => {
    const calendar = createCalendar(await loadCalendarYears(t.database.db));
    // Accepted Friday 2026-09-25, just before 国庆/中秋: the 10-working-day statutory limit spans the holiday.
    const accepted = await acceptedOn("2026-09-25");
    const { promised, statutory } = accepted.clock;
    expectStatus(await reviewer.act(accepted.id, "start-review"), 200);
    setCaseTodayForTests("2026-09-28");
    const suspended = expectStatus(
      await reviewer.act(accepted.id, "suspend", { reason: "组织专家评审" }),
      200,
    );
    expect(suspended.clock.promised.stopped).toBe(true);
    expect((await reviewer.act(accepted.id, "suspend", { reason: "again" })).statusCode).toBe(409);
    setCaseTodayForTests("2026-10-12");
    const resumed = expectStatus(await reviewer.act(accepted.id, "resume"), 200);
    expect(resumed.status).toBe("under-review");
    // Working days from 09-28 (inclusive) to 10-12 (exclusive) did not count.
    let suspendedWorkdays = 0;
    for (let d = "2026-09-28"; d < "2026-10-12"; d = addDays(d, 1))
      if (calendar.isWorkday(d)) suspendedWorkdays++;
    expect(suspendedWorkdays).toBeGreaterThan(0);
    expect(resumed.clock.promised.due).toBe(calendar.addWorkdays(promised.due, suspendedWorkdays).due);
    expect(resumed.clock.statutory.due).toBe(calendar.addWorkdays(statutory.due, suspendedWorkdays).due);
    const row = await t.database.db
      .selectFrom("cases")
      .selectAll()
      .where("id", "=", accepted.id)
      .executeTakeFirstOrThrow();
    expect(row.due_on).toBe(resumed.clock.promised.due);
    expect(row.statutory_due_on).toBe(resumed.clock.statutory.due);

    // 行政许可法 §42: an extension by the decision maker, with reasons, adds days in the limit's unit.
    expect((await reviewer.act(accepted.id, "extend", { reason: "情况复杂", days: 10 })).statusCode).toBe(
      403,
    );
    expect((await chief.act(accepted.id, "extend", { reason: "情况复杂" })).json().code).toBe(
      "CASE_DAYS_REQUIRED",
    );
    const extended = expectStatus(
      await chief.act(accepted.id, "extend", { reason: "情况复杂", days: 10 }),
      200,
    );
    expect(extended.clock.statutory.due).toBe(calendar.addWorkdays(resumed.clock.statutory.due, 10).due);
    expect(extended.events.at(-1).details).toMatchObject({ reason: "情况复杂", days: 10 });
  });

  it("the deadline sweep raises due-soon and overdue once each and tells the handler", async () => {
    const accepted = await acceptedOn("2026-03-02");
    const due = accepted.clock.promised.due as string; // 3 working days: 2026-03-05
    expect(due).toBe("2026-03-05");
    expect(await sweepDeadlines(t, t.database.db, "2026-03-02")).toMatchObject({ dueSoon: 0 });
    expect(await sweepDeadlines(t, t.database.db, "2026-03-03")).toMatchObject({ dueSoon: 1, overdue: 0 });
    expect(await sweepDeadlines(t, t.database.db, "2026-03-04")).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect(await sweepDeadlines(t, t.database.db, "2026-03-06")).toMatchObject({ overdue: 1 });
    expect(await sweepDeadlines(t, t.database.db, "2026-03-09")).toMatchObject({ dueSoon: 0, overdue: 0 });
    const events = await t.database.db
      .selectFrom("case_event")
      .select("action")
      .where("case_id", "=", accepted.id)
      .where("action", "like", "case.%")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["case.due-soon", "case.overdue"]);
    const clerkId = (
      await t.database.db
        .selectFrom("account")
        .select("id")
        .where("username", "=", "city-clerk")
        .executeTakeFirstOrThrow()
    ).id;
    const messages = await t.database.db
      .selectFrom("notification")
      .select("template")
      .where("recipient_index", "=", t.vault.index(`site:${clerkId}`))
      .where("case_id", "=", accepted.id)
      .where("template", "like", "case.%due%")
      .execute();
    expect(messages.map((m) => m.template).sort()).toEqual(["case.due-soon", "case.overdue"]);
    setCaseTodayForTests("2026-03-09");
    const overdue = expectStatus(await cityClerk.get("/api/workbench/cases?queue=overdue"), 200);
    expect(overdue.items.find((c: { id: string }) => c.id === accepted.id)).toMatchObject({
      overdue: true,
      left: -2,
    });
  });
});
