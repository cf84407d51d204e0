import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Db } from "./database.ts";

/** Where the numbered plain-SQL migrations live. */
export const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../migrations",
);

// One constant key for pg_advisory_xact_lock, so two instances starting together apply each file once.
const MIGRATION_LOCK_KEY = 7_420_260_001;

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads NNNN_name.sql files in order; their checksums catch edits to applied files. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f)).sort();
  return Promise.all(
    names.map(async (file) => {
      const text = await readFile(path.join(dir, file), "utf8");
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ""),
        sql: text,
        checksum: createHash("sha256").update(text).digest("hex"),
      };
    }),
  );
}

/**
 * Applies pending migrations forward-only, each in its own transaction under an advisory lock.
 * Reports progress through `onProgress` and returns the versions it applied.
 */
export async function migrate(
  db: Db,
  options: { dir?: string; onProgress?: (message: string) => void } = {},
): Promise<number[]> {
  const files = await readMigrations(options.dir);
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
    await sql`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(tx);
  });
  const applied: number[] = [];
  for (const [index, file] of files.entries()) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(tx);
      const existing = await tx
        .selectFrom("schema_migrations")
        .select(["checksum"])
        .where("version", "=", file.version)
        .executeTakeFirst();
      if (existing) {
        if (existing.checksum !== file.checksum) {
          throw new Error(
            `migration ${file.name} was changed after it was applied; migrations are forward-only — add a new file`,
          );
        }
        return false;
      }
      await sql.raw(file.sql).execute(tx);
      await tx
        .insertInto("schema_migrations")
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      return true;
    });
    if (done) {
      applied.push(file.version);
      options.onProgress?.(`migration ${index + 1}/${files.length} applied: ${file.name}`);
    }
  }
  return applied;
}

let onDisk: Promise<MigrationFile[]> | undefined;

/** True when every migration file on disk has been applied (what /readyz checks). */
export async function isMigrated(db: Db): Promise<boolean> {
  onDisk ??= readMigrations();
  const files = await onDisk;
  const rows = await db
    .selectFrom("schema_migrations")
    .select(["version"])
    .execute()
    .catch(() => []);
  const have = new Set(rows.map((r) => r.version));
  return files.every((f) => have.has(f.version));
}
