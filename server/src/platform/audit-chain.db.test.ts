import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../test/databases.ts";
import { systemActor } from "./actor.ts";
import { recordAudit, verifyAuditChain } from "./audit.ts";
import type { DatabaseHandle } from "./db/database.ts";

describe.each(databaseKinds)("audit hash chain on %s", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let database: DatabaseHandle;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    database = fresh.handle;
    for (let i = 0; i < 6; i++) {
      await database.db.transaction().execute((tx) =>
        recordAudit(tx, systemActor, {
          action: "test.step",
          subjectType: "test",
          subjectId: String(i),
          details: { i, b: { z: 1, a: [1, "x"] } },
        }),
      );
    }
  });
  afterAll(() => fresh.drop());

  // Tampering needs the append-only triggers out of the way, as an attacker with database access would.
  const tamper = async (statement: ReturnType<typeof sql>) => {
    await database.db.transaction().execute(async (tx) => {
      await sql`alter table audit_log disable trigger user`.execute(tx);
      await statement.execute(tx);
      await sql`alter table audit_log enable trigger user`.execute(tx);
    });
  };
  const ids = async () =>
    (await database.db.selectFrom("audit_log").select("id").orderBy("id").execute()).map((r) => r.id);

  it("verifies an intact chain, written concurrently", async () => {
    await Promise.all(
      [1, 2, 3].map((n) =>
        database.db.transaction().execute((tx) =>
          recordAudit(tx, systemActor, {
            action: "test.parallel",
            subjectType: "test",
            subjectId: String(n),
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db, 4)).toMatchObject({ ok: true, rows: 9, firstBrokenId: null });
  });

  it("detects an altered row", async () => {
    const [, second] = await ids();
    await tamper(sql`update audit_log set details = '{"i": 99}' where id = ${second}`);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: false, firstBrokenId: second });
    expect(report.problem).toContain("altered");
  });

  it("detects a deleted row in the middle and rows cut from the end", async () => {
    const all = await ids();
    await tamper(sql`delete from audit_log where id = ${all[1] ?? 0}`);
    const middle = await verifyAuditChain(database.db);
    expect(middle).toMatchObject({ ok: false, firstBrokenId: all[2] });
    expect(middle.problem).toContain("removed");
  });

  it("detects a truncated tail through the chain head", async () => {
    const other = await freshDatabase(kind);
    try {
      for (let i = 0; i < 3; i++) {
        await other.handle.db
          .transaction()
          .execute((tx) => recordAudit(tx, systemActor, { action: "test.tail", subjectType: "test" }));
      }
      const last = (
        await other.handle.db
          .selectFrom("audit_log")
          .select("id")
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow()
      ).id;
      await other.handle.db.transaction().execute(async (tx) => {
        await sql`alter table audit_log disable trigger user`.execute(tx);
        await sql`delete from audit_log where id = ${last}`.execute(tx);
        await sql`alter table audit_log enable trigger user`.execute(tx);
      });
      const report = await verifyAuditChain(other.handle.db);
      expect(report.ok).toBe(false);
      expect(report.problem).toContain("missing");
    } finally {
      await other.drop();
    }
  });
});
