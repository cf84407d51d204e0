import { existsSync } from "node:fs";
import { chmod, copyFile, readdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../config.ts";
import { lockDataDir } from "../platform/data-dir-lock.ts";

// `npm run restore -- file [--force]`: replaces the embedded database with a backup. The current data
// directory is kept beside it (pgdata.before-restore-…) rather than deleted, so a wrong restore is undoable.
const config = loadConfig(process.env);
const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
const force = process.argv.includes("--force");
if (!config.embedded) {
  console.error("restore: DATABASE_URL is set; restore PostgreSQL with its own tools (pg_restore / psql).");
  process.exit(2);
}
if (!file || !existsSync(file)) {
  console.error("usage: npm run restore -- <backup.tar.gz> [--force]");
  process.exit(2);
}
const lock = await lockDataDir(config.dataDir);
try {
  const hasData = existsSync(config.pgliteDir) && (await readdir(config.pgliteDir)).length > 0;
  if (hasData && !force) {
    console.error(
      `restore: ${config.pgliteDir} already holds a database; add --force to replace it (it is kept aside).`,
    );
    process.exitCode = 2;
  } else {
    if (hasData) {
      const aside = `${config.pgliteDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      await rename(config.pgliteDir, aside);
      console.log(`[restore] current database moved to ${aside}`);
    }
    const keys = `${file}.keys.json`;
    if (existsSync(keys)) {
      await copyFile(keys, path.join(config.dataDir, "keys.json"));
      await chmod(path.join(config.dataDir, "keys.json"), 0o600);
      console.log(`[restore] encryption keys restored from ${keys}`);
    } else if (!config.DATA_KEYS) {
      console.log(
        "[restore] no keys file beside the backup: personal data stays readable only with the original keys",
      );
    }
    console.log(`[restore] loading ${file}`);
    const blob = new Blob([new Uint8Array(await readFile(file))]);
    const pg = await PGlite.create({ dataDir: config.pgliteDir, loadDataDir: blob });
    const rows = await pg.query<{ n: number }>("select count(*)::int as n from schema_migrations");
    await pg.exec("checkpoint");
    await pg.close();
    console.log(
      `[restore] restored (${rows.rows[0]?.n ?? 0} migrations recorded); start the platform as usual`,
    );
  }
} finally {
  await lock.release();
}
