import { randomBytes } from "node:crypto";
import pg from "pg";
import { type LoadResult, runLoad, stopLoad } from "./load.ts";
import {
  type Child,
  cleanupAll,
  freePort,
  isRunning,
  makeTempDir,
  onCleanup,
  repoRoot,
  startChild,
  stopAllChildren,
  stopChild,
  waitReady,
} from "./processes.ts";
import {
  type DatabaseKind,
  describeMachine,
  formatRatios,
  formatTable,
  LIST_ENDPOINT,
  type Row,
  ratios,
  writeResults,
} from "./report.ts";

// `npm run bench`: the platform and a bare-Fastify baseline, each in its own child process, driven by
// autocannon from this process so the load generator never competes for the servers' event loop.

const SECONDS = positiveInt(process.env.BENCH_SECONDS, 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 10;
// The first start on a fresh data directory runs every migration and seeds the demo data.
const READY_TIMEOUT_MS = 180_000;
const HOST = "127.0.0.1"; // not "localhost": it may resolve to ::1 for one side and 127.0.0.1 for the other

const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const kinds: DatabaseKind[] = adminUrl ? ["pglite", "postgres"] : ["pglite"];

const rows: Row[] = [];
const failures: string[] = [];
let postgresVersion: string | undefined;
let interrupted = false;

const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  process.stderr.write(`[bench] BENCH_SECONDS must be a positive integer, got "${value}"\n`);
  process.exit(2);
}

function describeProblems(result: LoadResult): string | undefined {
  if (result.errors === 0 && result.non2xx === 0) return undefined;
  const codes = Object.entries(result.statusCodes)
    .map(([code, count]) => `${code}×${count}`)
    .join(", ");
  return `${result.errors} errors/timeouts, ${result.non2xx} non-2xx (status codes: ${codes || "none"})`;
}

/** Warm-up, then the measured run; records the row and any error, non-2xx or crash as a failure. */
async function measure(
  database: DatabaseKind,
  target: Row["target"],
  endpoint: string,
  url: string,
  server: Child,
): Promise<void> {
  const label = `${database} ${target} ${endpoint}`;
  log(`${label}: warm-up ${WARMUP_SECONDS} s`);
  const warm = await runLoad(url, WARMUP_SECONDS, CONNECTIONS);
  if (interrupted) return;
  const warmProblems = describeProblems(warm);
  if (warmProblems) failures.push(`${label} (warm-up): ${warmProblems}`);
  log(`${label}: measuring ${SECONDS} s with ${CONNECTIONS} connections`);
  const result = await runLoad(url, SECONDS, CONNECTIONS);
  if (interrupted) return;
  rows.push({ database, target, endpoint, result });
  log(
    `${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx`,
  );
  const problems = describeProblems(result);
  if (problems) failures.push(`${label}: ${problems}`);
  if (!isRunning(server)) failures.push(`${label}: ${server.name} exited during the run:\n${server.tail()}`);
}

/** GETs a JSON body, failing on anything but 200. */
async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** The `items` array of a list response, checked to be non-empty. */
async function listItems(url: string): Promise<{ id: string }[]> {
  const body = (await getJson(url)) as { items?: { id?: unknown }[] };
  const items = body.items ?? [];
  if (items.length === 0 || typeof items[0]?.id !== "string") {
    throw new Error(`GET ${url} returned no items: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return items as { id: string }[];
}

/** Creates tongban_bench_<random> on the admin server, dropped (WITH FORCE) at cleanup; returns its URL. */
async function createBenchDatabase(url: string): Promise<string> {
  const name = `tongban_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const version = await admin.query<{ server_version: string }>("show server_version");
    postgresVersion = version.rows[0]?.server_version;
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      log(`dropped database ${name}`);
    } finally {
      await client.end();
    }
  });
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  log(`created database ${name}`);
  return databaseUrl.toString();
}

/** The platform's two endpoints, then the baseline, on one database kind; one server at a time. */
async function benchKind(kind: DatabaseKind): Promise<void> {
  const databaseUrl = kind === "postgres" && adminUrl ? await createBenchDatabase(adminUrl) : undefined;

  const platformPort = await freePort();
  const platformBase = `http://${HOST}:${platformPort}`;
  log(`${kind}: starting the platform on ${platformBase} (first start migrates and seeds demo data)`);
  const started = Date.now();
  const platform = startChild(`platform (${kind})`, "server/src/main.ts", {
    PORT: String(platformPort),
    HOST,
    DATA_DIR: await makeTempDir("tongban-bench-platform-"),
    LOG_LEVEL: "warn",
    JOBS: "false",
    RATE_LIMIT_MAX: "100000000",
    WEB_DIST: "/nonexistent",
    // With DATABASE_URL the personal-data keys must be given (every instance shares them).
    DATA_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("hex"),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  await waitReady(platform, `${platformBase}/readyz`, READY_TIMEOUT_MS);
  const listUrl = `${platformBase}/api/items?page=1&pageSize=20`;
  const items = await listItems(listUrl);
  log(
    `${kind}: platform ready in ${((Date.now() - started) / 1000).toFixed(1)} s, list returns ${items.length}`,
  );
  await measure(kind, "platform", LIST_ENDPOINT, listUrl, platform);
  await measure(
    kind,
    "platform",
    "GET /api/items/{id}",
    `${platformBase}/api/items/${items[0]?.id}`,
    platform,
  );
  const platformExit = await stopChild(platform);
  if (platformExit !== 0 && !interrupted)
    failures.push(`${platform.name} exited with ${platformExit} on SIGTERM`);
  if (interrupted) return;

  const baselinePort = await freePort();
  const baselineBase = `http://${HOST}:${baselinePort}`;
  log(`${kind}: starting the baseline on ${baselineBase}`);
  const baseline = startChild(`baseline (${kind})`, "bench/baseline-server.ts", {
    PORT: String(baselinePort),
    HOST,
    // On PostgreSQL the baseline reads the database the platform just seeded; on PGlite it seeds its own.
    ...(databaseUrl
      ? { DATABASE_URL: databaseUrl }
      : { DATA_DIR: await makeTempDir("tongban-bench-baseline-") }),
  });
  const baselineUrl = `${baselineBase}/items`;
  await waitReady(baseline, baselineUrl, READY_TIMEOUT_MS);
  log(`${kind}: baseline ready, list returns ${(await listItems(baselineUrl)).length}`);
  await measure(kind, "baseline", "GET /items", baselineUrl, baseline);
  const baselineExit = await stopChild(baseline);
  if (baselineExit !== 0 && !interrupted)
    failures.push(`${baseline.name} exited with ${baselineExit} on SIGTERM`);
}

// Ctrl-C: stop the load, stop the servers, remove temp dirs, drop the database, then exit.
// A second Ctrl-C exits at once; the exit hook in processes.ts still kills children and removes dirs.
const onSignal = (signal: NodeJS.Signals) => {
  if (interrupted) {
    log(`${signal} again: exiting without waiting (a PostgreSQL bench database may be left behind)`);
    process.exit(130);
  }
  interrupted = true;
  log(`${signal}: stopping and cleaning up`);
  stopLoad();
  cleanupAll().finally(() => process.exit(130));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const startedAt = new Date();
log(
  `databases: ${kinds.join(", ")}; ${SECONDS} s per endpoint after ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections; load generator pid ${process.pid}`,
);
try {
  for (const kind of kinds) {
    try {
      await benchKind(kind);
    } catch (err) {
      if (interrupted) break;
      const message = err instanceof Error ? err.message : String(err);
      failures.push(`${kind}: ${message}`);
      log(`${kind} failed: ${message}`);
      await stopAllChildren();
    }
    if (interrupted) break;
  }
} finally {
  if (!interrupted) await cleanupAll();
}

// When interrupted, the signal handler owns the rest (cleanup, then exit 130).
if (!interrupted) {
  const ratioList = ratios(rows);
  process.stdout.write(`\n${formatTable(rows)}\n\n${formatRatios(ratioList)}\n\n`);
  const file = await writeResults(repoRoot, {
    startedAt,
    settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS },
    machine: describeMachine(postgresVersion),
    rows,
    ratios: ratioList,
    failures,
  });
  log(`results written to ${file}`);
  if (failures.length > 0) {
    process.stderr.write(`\n[bench] FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}\n`);
    process.exitCode = 1;
  }
}
