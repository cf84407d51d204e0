import path from "node:path";
import { loadConfig } from "../config.ts";
import { copyDatabase } from "../platform/db/copy-database.ts";
import { openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";
import { openPlatformDatabase } from "../start.ts";

// `DATABASE_URL=postgres://… npm run migrate-to-postgres`: moves the embedded database in DATA_DIR
// into an empty PostgreSQL database (schema by the same migrations, then every row in one transaction).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("migrate-to-postgres: set DATABASE_URL to the (empty) PostgreSQL database to move into.");
  process.exit(2);
}
const say = (m: string) => console.log(`[migrate-to-postgres] ${m}`);
const embedded = loadConfig({ ...process.env, DATABASE_URL: undefined });
const source = await openPlatformDatabase(embedded, say);
const target = await openDatabase({ url });
try {
  await migrate(target.db, { onProgress: say });
  const counts = await copyDatabase(source.database.db, target.db, say);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  say(
    `done: ${rows} rows in ${Object.keys(counts).length} tables. Start with DATABASE_URL set to use PostgreSQL.`,
  );
  // The copied personal data is sealed with the embedded keys; PostgreSQL mode takes keys only from the
  // environment, so they must move too (and be kept as secrets from now on).
  if (!process.env.DATA_KEYS) {
    say(
      `personal data is encrypted with the keys in ${path.join(embedded.dataDir, "keys.json")}: set DATA_KEYS and ` +
        "BLIND_INDEX_KEY to those values wherever the server runs on this database.",
    );
  }
} finally {
  await target.close();
  await source.release();
}
