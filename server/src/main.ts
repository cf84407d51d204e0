import { ConfigError } from "./config.ts";
import { DataDirLockedError } from "./platform/data-dir-lock.ts";
import { DEMO_TOTP_SECRET, demoLogins } from "./seed/seed-demo.ts";
import { type Platform, startPlatform } from "./start.ts";

// `npm start`: run the platform until SIGINT/SIGTERM, then drain requests, stop jobs and checkpoint.
const progress = (message: string) => process.stdout.write(`[tongban] ${message}\n`);

let platform: Platform | undefined;
try {
  platform = await startPlatform(process.env, progress);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

const running = platform;
const lines = [
  "",
  `通办 Tongban is running at ${running.url}`,
  `  portal ${running.url}/   workbench ${running.url}/workbench   admin ${running.url}/admin`,
  `  API docs ${running.url}/api/docs   database: ${running.config.embedded ? `embedded PGlite in ${running.config.pgliteDir}` : "PostgreSQL"}`,
];
if (running.config.SEED_DEMO) {
  lines.push("  demo logins (password for all: Tongban@2026; staff also need the demo authenticator code —");
  lines.push(`  add secret ${DEMO_TOTP_SECRET} to a TOTP app, or run \`npm run demo:totp\`):`);
  for (const login of await demoLogins()) lines.push(`    ${login.username.padEnd(14)} ${login.description}`);
}
process.stdout.write(`${lines.join("\n")}\n\n`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  progress(`${signal} received: shutting down`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  running.close().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`shutdown failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
