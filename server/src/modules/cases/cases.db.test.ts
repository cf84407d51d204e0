import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { seedDemo } from "../../seed/seed-demo.ts";
import { databaseKinds, freshDatabase, testVault } from "../../test/databases.ts";
import { nextSequence } from "./queries.ts";

describe.each(databaseKinds)("case tables (%s)", (kind) => {
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
      .where("ref", "=", "shipin-jingying-xuke")
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
        channel: "web",
        answers: "{}",
        form: JSON.stringify({ contactName: "x", contactPhone: "13800510001" }),
        department_id: item.department_id,
        region_code: item.region_code,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    caseId = created.id;
    await db
      .insertInto("case_event")
      .values({
        case_id: caseId,
        action: "create",
        from_status: null,
        to_status: "draft",
        actor_id: applicant.id,
        on_behalf_of_id: null,
        channel: "web",
        comment: null,
        details: "{}",
      })
      .execute();
  });
  afterAll(() => drop());

  it("refuses to update, delete or truncate case events", async () => {
    const db = handle.db;
    await expect(
      db.updateTable("case_event").set({ comment: "forged" }).where("case_id", "=", caseId).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("case_event").where("case_id", "=", caseId).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`TRUNCATE case_event`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom("case_event").select("comment").where("case_id", "=", caseId).execute();
    expect(rows).toEqual([{ comment: null }]);
  });

  it("raises due-soon and overdue at most once per case", async () => {
    const db = handle.db;
    const alert = {
      case_id: caseId,
      action: "case.overdue",
      from_status: "accepted",
      to_status: "accepted",
      actor_id: null,
      on_behalf_of_id: null,
      channel: "web",
      comment: null,
      details: "{}",
    };
    await db.insertInto("case_event").values(alert).execute();
    await expect(db.insertInto("case_event").values(alert).execute()).rejects.toThrow();
  });

  it("keeps a submitted case numbered (number and query code together)", async () => {
    await expect(
      handle.db.updateTable("cases").set({ status: "submitted" }).where("id", "=", caseId).execute(),
    ).rejects.toThrow();
  });

  it("gives concurrent submissions distinct consecutive numbers", async () => {
    const code = "11320200MB32000756332000000000";
    const takes = await Promise.all(
      Array.from({ length: 20 }, () =>
        handle.db.transaction().execute((tx) => nextSequence(tx, code, "2026-03-02")),
      ),
    );
    expect([...takes].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each day starts again at 1.
    expect(await handle.db.transaction().execute((tx) => nextSequence(tx, code, "2026-03-03"))).toBe(1);
  });
});
