import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { seedDemo } from "../../seed/seed-demo.ts";
import { databaseKinds, freshDatabase, testVault } from "../../test/databases.ts";

// Migration 0010: the status 终止办理, the 容缺 reminder once per case, and the inbox's read marks.
describe.each(databaseKinds)("terminated cases, reminders and read marks (%s)", (kind) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let caseId: string;

  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    handle = fresh.handle;
    drop = fresh.drop;
    await seedDemo(handle.db, testVault());
    const db = handle.db;
    const item = await db
      .selectFrom("item")
      .select(["id", "version", "department_id", "region_code"])
      .where("ref", "=", "linshi-jiuzhu")
      .executeTakeFirstOrThrow();
    const applicant = await db
      .selectFrom("account")
      .select("id")
      .where("kind", "=", "citizen")
      .executeTakeFirstOrThrow();
    const created = await db
      .insertInto("cases")
      .values({
        item_id: item.id,
        item_version: item.version,
        applicant_id: applicant.id,
        number: "11320200MB320075633320000000002026030200000001",
        query_code: "ABCDEF",
        status: "accepted-pending",
        channel: "window",
        answers: "{}",
        form: JSON.stringify({ contactName: "x", contactPhone: "13800510003" }),
        department_id: item.department_id,
        region_code: item.region_code,
        accepted_on: "2026-03-02",
        pending_due_on: "2026-03-09",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    caseId = created.id;
  });
  afterAll(() => drop());

  it("replaces the status check under its own name, now allowing terminated and still refusing the unknown", async () => {
    const db = handle.db;
    const checks = await sql<{ conname: string; def: string }>`
      SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'cases'::regclass AND conname = 'cases_status_check'`.execute(db);
    expect(checks.rows).toHaveLength(1);
    expect(checks.rows[0]?.def).toContain("terminated");
    await db.updateTable("cases").set({ status: "terminated" }).where("id", "=", caseId).execute();
    await expect(
      db
        .updateTable("cases")
        .set({ status: "stopped" as never })
        .where("id", "=", caseId)
        .execute(),
    ).rejects.toThrow(/cases_status_check/);
    await db.updateTable("cases").set({ status: "accepted-pending" }).where("id", "=", caseId).execute();
  });

  it("finds owed cases by date through their own index and reminds each at most once", async () => {
    const db = handle.db;
    const indexes = await sql<{ indexname: string }>`
      SELECT indexname FROM pg_indexes WHERE indexname IN ('cases_pending_due', 'case_event_reminded_once', 'notification_unread')`.execute(
      db,
    );
    expect(indexes.rows.map((r) => r.indexname).sort()).toEqual([
      "case_event_reminded_once",
      "cases_pending_due",
      "notification_unread",
    ]);
    const reminder = {
      case_id: caseId,
      action: "pending.reminder",
      from_status: "accepted-pending",
      to_status: "accepted-pending",
      actor_id: null,
      on_behalf_of_id: null,
      channel: "window",
      comment: null,
      details: "{}",
    };
    await db.insertInto("case_event").values(reminder).execute();
    await expect(db.insertInto("case_event").values(reminder).execute()).rejects.toThrow();
  });

  it("keeps messages unread until read, linked to their case", async () => {
    const db = handle.db;
    const row = await db
      .insertInto("notification")
      .values({
        channel: "site",
        recipient_enc: "x",
        recipient_masked: "陈**",
        recipient_index: "site-index",
        template: "case.accept",
        body: "已受理",
        case_id: caseId,
      })
      .returning(["id", "read_at", "case_id"])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ read_at: null, case_id: caseId });
    await expect(
      db
        .insertInto("notification")
        .values({
          channel: "site",
          recipient_enc: "x",
          recipient_masked: "x",
          recipient_index: "x",
          template: "t",
          body: "b",
          case_id: "00000000-0000-4000-8000-000000000000",
        })
        .execute(),
    ).rejects.toThrow();
  });
});
