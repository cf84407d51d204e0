import { PGlite } from "@electric-sql/pglite";
import Fastify from "fastify";
import pg from "pg";

// The floor the platform is compared against: bare Fastify, no plugins, no validation, no query
// builder, one query per request. Run by bench/run.ts as its own process, configured by env:
// PORT, HOST, and either DATABASE_URL (an already seeded database) or DATA_DIR (fresh PGlite).

const ITEM_COUNT = 125; // what the demo seed publishes, so both sides sort and return the same amount
const LIST_SQL = "select id, name from item order by name limit 20";

interface ItemRow {
  id: string;
  name: string;
}

/** The one operation the baseline needs from either database kind. */
interface Store {
  list(): Promise<ItemRow[]>;
  close(): Promise<void>;
}

async function openPglite(dataDir: string): Promise<Store> {
  const db = await PGlite.create({ dataDir });
  await db.exec(`
    create table item (id uuid primary key default gen_random_uuid(), name text not null);
    insert into item (name) select '事项 ' || lpad(g::text, 3, '0') from generate_series(1, ${ITEM_COUNT}) g;
  `);
  return {
    list: async () => (await db.query<ItemRow>(LIST_SQL)).rows,
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Store> {
  // Same pool size as the platform's DATABASE_POOL_MAX default, so neither side gets more connections.
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: "tongban-bench-baseline" });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it and the next query reports any real fault.
  });
  await pool.query("select 1");
  return {
    list: async () => (await pool.query<ItemRow>(LIST_SQL)).rows,
    close: () => pool.end(),
  };
}

const port = Number(process.env.PORT ?? "0");
const host = process.env.HOST ?? "127.0.0.1";
const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR;
if (!databaseUrl && !dataDir) {
  process.stderr.write("baseline-server: set DATABASE_URL or DATA_DIR\n");
  process.exit(2);
}

const store = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(dataDir ?? "");
const app = Fastify({ logger: false });
app.get("/items", async () => ({ items: await store.list() }));
await app.listen({ port, host });
process.stdout.write(`baseline listening on http://${host}:${port}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  app
    .close()
    .then(() => store.close())
    .then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`baseline shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
