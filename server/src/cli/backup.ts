import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../config.ts";
import { openPlatformDatabase } from "../start.ts";

// `npm run backup [-- file]`: a consistent copy of the embedded database. It takes the DATA_DIR lock,
// so it runs while the server is stopped; files under DATA_DIR/files are immutable and content-addressed,
// so copying that folder at any time is enough for them.
const config = loadConfig(process.env);
if (!config.embedded) {
  console.error(
    "backup: DATABASE_URL is set; back up PostgreSQL with its own tools (pg_dump / pg_basebackup).",
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(
  process.argv[2] ?? path.join(config.dataDir, "backups", `tongban-${stamp}.tar.gz`),
);
const { database, release } = await openPlatformDatabase(config, (m) => console.log(`[backup] ${m}`));
try {
  console.log("[backup] checkpointing and dumping the data directory");
  await database.checkpoint();
  const dump = await database.pglite?.dumpDataDir("gzip");
  if (!dump) throw new Error("embedded database not open");
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, new Uint8Array(await dump.arrayBuffer()), { flush: true });
  console.log(`[backup] wrote ${target} (${(dump.size / 1024 / 1024).toFixed(1)} MiB)`);
  // Personal data in the dump is encrypted; without its keys a restore cannot read it.
  const keys = path.join(config.dataDir, "keys.json");
  if (existsSync(keys)) {
    await copyFile(keys, `${target}.keys.json`);
    await chmod(`${target}.keys.json`, 0o600);
    console.log(
      `[backup] wrote ${target}.keys.json — the encryption keys: store them apart from the backup, as safely`,
    );
  }
} finally {
  await release();
}
