import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { addDays, createCalendar } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { loadCalendarYears } from "../modules/calendar/queries.ts";
import { caseToday } from "../modules/cases/today.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { localStorage } from "../platform/files/local-storage.ts";
import { createVault, loadVaultKeys } from "../platform/vault.ts";
import { databaseKinds, freshDatabase } from "../test/databases.ts";
import { testKeys } from "../test/test-app.ts";
import { demoCases } from "./demo-case-plans.ts";
import { seedDemoCases } from "./seed-cases.ts";
import { seedDemo } from "./seed-demo.ts";

// The status each demo case ends in, in the order of demoCases.
const expectedStatuses = [
  "draft",
  "submitted",
  "submitted",
  "submitted",
  "correction-requested",
  "accepted",
  "accepted-pending",
  "under-review",
  "accepted",
  "accepted",
  "under-review",
  "accepted",
  "suspended",
  "decided",
  "completed",
  "completed",
  "not-accepted",
  "withdrawn",
];

describe.each(databaseKinds)("demo cases (%s)", (kind) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let dir: string;
  let seconds = 0;

  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    handle = fresh.handle;
    drop = fresh.drop;
    dir = await mkdtemp(path.join(tmpdir(), "tongban-seed-cases-"));
    const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dir, WEB_DIST: dir, ...testKeys });
    const vault = createVault(await loadVaultKeys(config));
    await seedDemo(handle.db, vault);
    const { app, deps } = await buildApp({
      config,
      database: handle,
      files: localStorage(config.filesDir),
      vault,
    });
    const started = performance.now();
    await seedDemoCases(deps);
    seconds = (performance.now() - started) / 1000;
    await app.close();
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The seeded cases in the order they were filed, with their status and deadline facts. */
  const seeded = () =>
    handle.db
      .selectFrom("cases as c")
      .innerJoin("case_event as e", "e.case_id", "c.id")
      .select((eb) => [
        "c.id",
        "c.status",
        "c.due_on",
        "c.number",
        eb.fn.min("e.id").as("first"),
        eb.fn.count<number>("e.id").filterWhere("e.action", "=", "case.due-soon").as("dueSoon"),
        eb.fn.count<number>("e.id").filterWhere("e.action", "=", "case.overdue").as("overdue"),
      ])
      .groupBy(["c.id", "c.status", "c.due_on", "c.number"])
      .orderBy("first")
      .execute();

  it("files every case in the status its steps lead to, one in each status", async () => {
    const rows = await seeded();
    expect(rows.map((row) => row.status)).toEqual(expectedStatuses);
    expect(rows.filter((row) => row.status !== "draft").every((row) => row.number)).toBe(true);
    console.log(`[seed] ${rows.length} demo cases in ${seconds.toFixed(2)} s (${kind})`);
  });

  it("puts the planned cases due soon or overdue today, and the sweep has raised their events", async () => {
    const today = caseToday();
    const calendar = createCalendar(await loadCalendarYears(handle.db));
    const soon = calendar.addWorkdays(today, 2).due;
    const rows = await seeded();
    rows.forEach((row, index) => {
      const planned = demoCases[index]?.deadline;
      expect([Number(row.dueSoon), Number(row.overdue)], `case ${index}`).toEqual([
        planned === "due-soon" ? 1 : 0,
        planned === "overdue" ? 1 : 0,
      ]);
      if (planned === "due-soon") expect(row.due_on && row.due_on >= today && row.due_on <= soon).toBe(true);
      if (planned === "overdue") expect(row.due_on && row.due_on < today).toBe(true);
    });
    // Staff responsible for them were told (at least one message each).
    const told = await handle.db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("template", "in", ["case.due-soon", "case.overdue"])
      .executeTakeFirstOrThrow();
    expect(Number(told.n)).toBeGreaterThanOrEqual(demoCases.filter((plan) => plan.deadline).length);
  });

  it("dates each step on its own past working day (the suspension started four working days ago)", async () => {
    const calendar = createCalendar(await loadCalendarYears(handle.db));
    let day = caseToday();
    while (!calendar.isWorkday(day)) day = addDays(day, -1);
    for (let left = 4; left > 0; ) {
      day = addDays(day, -1);
      if (calendar.isWorkday(day)) left--;
    }
    const suspension = await handle.db
      .selectFrom("case_event")
      .select("details")
      .where("action", "=", "suspend")
      .executeTakeFirstOrThrow();
    expect((suspension.details as { on: string }).on).toBe(day);
    // Every required file is a stored PDF.
    const files = await handle.db.selectFrom("case_material").select(["media_type", "size"]).execute();
    expect(files.length).toBeGreaterThan(40);
    expect(files.every((file) => file.media_type === "application/pdf" && file.size > 400)).toBe(true);
  });
});
