import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds, freshDatabase } from "../../test/databases.ts";
import { systemActor } from "../actor.ts";
import { recordAudit } from "../audit.ts";
import { openDatabase } from "./database.ts";
import { isMigrated, migrate, migrationsDir, readMigrations } from "./migrate.ts";

describe.each(databaseKinds)("migrations and audit on %s", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(kind, { migrated: false });
  });
  afterAll(() => fresh.drop());

  it("applies every migration once, even when two instances start together", async () => {
    const db = fresh.handle.db;
    expect(await isMigrated(db)).toBe(false);
    const second = kind === "postgres" ? await openDatabase({ url: fresh.url }) : undefined;
    const results = await Promise.all([migrate(db), migrate(second?.db ?? db)]);
    await second?.close();
    const files = await readMigrations();
    expect(results.flat().sort((a, b) => a - b)).toEqual(files.map((f) => f.version));
    expect(await isMigrated(db)).toBe(true);
    expect(await migrate(db)).toEqual([]);
  });

  it("refuses to run when an applied migration file was edited", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tongban-migrations-"));
    for (const file of await readMigrations()) {
      await writeFile(
        path.join(dir, `${file.name}.sql`),
        await readFile(path.join(migrationsDir, `${file.name}.sql`)),
      );
    }
    const first = (await readMigrations())[0];
    if (!first) throw new Error("no migrations");
    await writeFile(path.join(dir, `${first.name}.sql`), `${first.sql}\n-- edited`);
    await expect(migrate(fresh.handle.db, { dir })).rejects.toThrow(/forward-only/);
  });

  it("keeps the audit log append-only: rows can be added, never changed or removed", async () => {
    const db = fresh.handle.db;
    await db
      .transaction()
      .execute((tx) =>
        recordAudit(tx, systemActor, { action: "test.happened", subjectType: "test", details: { n: 1 } }),
      );
    const row = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "test.happened")
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({ n: 1 });
    await expect(db.updateTable("audit_log").set({ action: "forged" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("rolls the audit record back with a failed change", async () => {
    const db = fresh.handle.db;
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, systemActor, { action: "test.rolled-back", subjectType: "test" });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    const rows = await db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "test.rolled-back")
      .execute();
    expect(rows).toHaveLength(0);
  });
});
