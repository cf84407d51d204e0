import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { pgliteDialect } from "./pglite-driver.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: queries take this so callers choose the boundary. */
export type Queryable = Db | Tx;

/** Pool figures for /metrics; the embedded database has one connection. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** An open database of either kind, with what the platform needs beyond queries. */
export interface DatabaseHandle {
  db: Db;
  kind: "pglite" | "postgres";
  poolStats(): PoolStats;
  /** Flushes the embedded database to disk (PGlite does not fsync on its own schedule). */
  checkpoint(): Promise<void>;
  /** The embedded engine, for backup; undefined on PostgreSQL. */
  pglite: PGlite | undefined;
  close(): Promise<void>;
}

// Dates stay local dates ("2026-10-09"), never instants; counts come back as numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const asString = (v: string) => v;

/** Opens PostgreSQL at `url`, or the embedded PGlite in `dataDir` (created if missing). */
export async function openDatabase(options: {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolMax?: number;
}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") => {
      if (oid === DATE_OID) return asString;
      if (oid === INT8_OID) return Number;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: "tongban" });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    db,
    kind: "postgres",
    pglite: undefined,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    checkpoint: async () => {},
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [DATE_OID]: asString, [INT8_OID]: Number, [NUMERIC_OID]: asString },
  });
  const db = new Kysely<Database>({ dialect: pgliteDialect(pglite) });
  let closed = false;
  return {
    db,
    kind: "pglite",
    pglite,
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    checkpoint: async () => {
      await sql`checkpoint`.execute(db);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await sql`checkpoint`.execute(db).catch(() => {});
      await db.destroy();
      await pglite.close();
    },
  };
}
