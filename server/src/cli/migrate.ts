import { loadConfig } from "../config.ts";
import { openPlatformDatabase } from "../start.ts";

// `npm run migrate`: apply pending migrations to DATABASE_URL or the embedded database, then exit.
const config = loadConfig(process.env);
const { release } = await openPlatformDatabase(config, (m) => console.log(`[migrate] ${m}`));
await release();
console.log("[migrate] database is up to date");
