import { randomUUID } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";
import { createVault, type Vault } from "../platform/vault.ts";

/** A vault with fixed test keys, for database tests that seed or read personal data. */
export function testVault(): Vault {
  return createVault({ keys: [{ id: "test", key: Buffer.alloc(32, 7) }], indexKey: Buffer.alloc(32, 9) });
}

/** The database kinds a test file runs against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const databaseKinds: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/** A fresh database of the given kind, migrated; `drop` removes it (a new PostgreSQL database per call). */
export async function freshDatabase(
  kind: "pglite" | "postgres",
  options: { migrated?: boolean } = {},
): Promise<{ handle: DatabaseHandle; url: string | undefined; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const handle = await openDatabase({});
    if (options.migrated !== false) await migrate(handle.db);
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tongban_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolMax: 5 });
  if (options.migrated !== false) await migrate(handle.db);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
