import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { totpAt } from "../server/src/platform/totp.ts";
import { DEMO_TOTP_SECRET } from "../server/src/seed/seed-accounts.ts";
import { type LoadFigures, loadCasesAndSweep } from "./case-load.ts";
import {
  cleanupAll,
  freePort,
  makeTempDir,
  onCleanup,
  repoRoot,
  startChild,
  stopChild,
  waitReady,
} from "./processes.ts";
import { type DatabaseKind, describeMachine } from "./report.ts";

// `npm run bench:cases`: full case lifecycles through the HTTP API with many open cases already loaded,
// per-transition latency, and the deadline sweep over all of them. The platform runs in a child process
// (as `npm start` runs it); this process is the load generator and, between runs, the data loader.

const HOST = "127.0.0.1";
const SECONDS = positiveInt(process.env.BENCH_SECONDS, 20);
const WORKERS = positiveInt(process.env.BENCH_CASE_WORKERS, 4);
const LOADED: Record<DatabaseKind, number> = {
  pglite: positiveInt(process.env.BENCH_CASES_PGLITE, 100_000),
  postgres: positiveInt(process.env.BENCH_CASES_POSTGRES, 1_000_000),
};
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const kinds: DatabaseKind[] = adminUrl ? ["pglite", "postgres"] : ["pglite"];
const steps = ["create", "upload", "submit", "accept", "start-review", "decide", "complete"] as const;
type StepName = (typeof steps)[number];

const log = (message: string) => process.stdout.write(`[bench:cases] ${message}\n`);

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** A signed-in HTTP client: session cookie and CSRF token, as a browser would send them. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as in the API tests
type Json = any;

class Client {
  private cookies = new Map<string, string>();
  private base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call(
    method: string,
    url: string,
    body?: unknown,
    raw?: Buffer,
  ): Promise<{ status: number; json: Json }> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      "x-csrf-token": this.cookies.get("tb_csrf") ?? "",
    };
    if (raw) headers["content-type"] = "application/octet-stream";
    else if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(this.base + url, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async expect(status: number, method: string, url: string, body?: unknown, raw?: Buffer) {
    const res = await this.call(method, url, body, raw);
    if (res.status !== status) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  /** Password, then (staff) the demo authenticator; a code already spent in this step waits for the next. */
  async signIn(login: string): Promise<this> {
    await this.call("GET", "/api/session");
    const first = await this.expect(200, "POST", "/api/session", { login, password: "Tongban@2026" });
    if (first.stage !== "mfa") return this;
    for (let attempt = 0; attempt < 3; attempt++) {
      const step = Math.floor(Date.now() / 30_000) + attempt;
      if (attempt > 0) await new Promise((r) => setTimeout(r, step * 30_000 - Date.now() + 300));
      const res = await this.call("POST", "/api/session/totp", { code: totpAt(DEMO_TOTP_SECRET, step) });
      if (res.status === 200) return this;
    }
    throw new Error(`${login}: no authenticator code accepted`);
  }
}

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

interface Actors {
  citizen: Client;
  clerk: Client;
  reviewer: Client;
  chief: Client;
  itemId: string;
}

/** One whole lifecycle; each request's latency goes to its step's list. */
async function lifecycle(a: Actors, latencies: Map<StepName, number[]>): Promise<void> {
  const time = async <T>(step: StepName, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await run();
    latencies.get(step)?.push(performance.now() - started);
    return value;
  };
  const answers = { s1: "食品销售", s2: "否", agent: "否" };
  const form = { contactName: "陈晓明", contactPhone: "13800510001" };
  const created = await time("create", () =>
    a.citizen.expect(201, "POST", "/api/cases", { itemId: a.itemId, answers, form }),
  );
  const id: string = created.id;
  for (const m of created.checklist.materials as { id: string; required: boolean }[]) {
    if (!m.required) continue;
    const url = `/api/cases/${id}/materials?materialId=${m.id}&name=${m.id}.pdf`;
    await time("upload", () => a.citizen.expect(201, "POST", url, undefined, pdf(m.id)));
  }
  const act = (client: Client, step: StepName, action: string, body: unknown = {}) =>
    time(step, () => client.expect(200, "POST", `/api/cases/${id}/actions/${action}`, body));
  await act(a.citizen, "submit", "submit");
  await act(a.clerk, "accept", "accept");
  await act(a.reviewer, "start-review", "start-review");
  await act(a.chief, "decide", "decide", { outcome: "approved", comment: "符合条件，准予许可" });
  await act(a.clerk, "complete", "complete", { delivery: { method: "electronic" } });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface KindResult {
  database: DatabaseKind;
  load: LoadFigures;
  lifecycles: number;
  seconds: number;
  perSecond: number;
  transitions: Record<StepName, { count: number; p50: number; p95: number; max: number }>;
  failures: string[];
}

async function createDatabase(url: string): Promise<string> {
  const name = `tongban_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => client.end());
  });
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function benchKind(database: DatabaseKind): Promise<KindResult> {
  const env: Record<string, string> = {
    HOST,
    DATA_DIR: await makeTempDir("tongban-bench-cases-"),
    LOG_LEVEL: "warn",
    JOBS: "false",
    RATE_LIMIT_MAX: "100000000",
    AUTH_RATE_LIMIT_MAX: "100000",
    WEB_DIST: "/nonexistent",
    // With DATABASE_URL the personal-data keys must be given (every instance shares them).
    DATA_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    BLIND_INDEX_KEY: randomBytes(32).toString("hex"),
    ...(database === "postgres" && adminUrl ? { DATABASE_URL: await createDatabase(adminUrl) } : {}),
  };
  const start = async () => {
    const port = await freePort();
    const child = startChild(`platform (${database})`, "server/src/main.ts", { ...env, PORT: String(port) });
    await waitReady(child, `http://${HOST}:${port}/readyz`, 300_000);
    return { child, base: `http://${HOST}:${port}` };
  };
  log(`${database}: first start (migrations and demo seed)`);
  await stopChild((await start()).child);
  log(`${database}: loading ${LOADED[database].toLocaleString("en")} open cases`);
  const load = await loadCasesAndSweep(env, LOADED[database], log);
  log(`${database}: loaded in ${load.loadSeconds.toFixed(1)} s`);

  const { child, base } = await start();
  const latencies = new Map<StepName, number[]>(steps.map((s) => [s, []]));
  const failures: string[] = [];
  let lifecycles = 0;
  let seconds = 0;
  try {
    const items = await new Client(base).expect(200, "GET", "/api/items?q=食品经营许可&pageSize=5");
    const itemId = items.items.find((i: { name: string }) => i.name === "食品经营许可")?.id;
    if (!itemId) throw new Error("食品经营许可 not in the catalog");
    // One session per person, shared by the workers, as several browser tabs would share it.
    const shared: Actors = {
      citizen: await new Client(base).signIn("13800510001"),
      clerk: await new Client(base).signIn("window"),
      reviewer: await new Client(base).signIn("reviewer"),
      chief: await new Client(base).signIn("chief"),
      itemId,
    };
    const actors: Actors[] = Array.from({ length: WORKERS }, () => shared);
    log(`${database}: ${WORKERS} workers, ${SECONDS} s of lifecycles`);
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      actors.map(async (a) => {
        while (performance.now() < until) {
          try {
            await lifecycle(a, latencies);
            lifecycles++;
          } catch (err) {
            failures.push(err instanceof Error ? err.message : String(err));
            if (failures.length > 20) return;
          }
        }
      }),
    );
    seconds = (performance.now() - started) / 1000;
  } finally {
    await stopChild(child);
  }
  const transitions = Object.fromEntries(
    steps.map((step) => {
      const list = (latencies.get(step) ?? []).sort((x, y) => x - y);
      const round = (n: number) => Math.round(n * 10) / 10;
      return [
        step,
        {
          count: list.length,
          p50: round(percentile(list, 50)),
          p95: round(percentile(list, 95)),
          max: round(list.at(-1) ?? 0),
        },
      ];
    }),
  ) as KindResult["transitions"];
  const perSecond = lifecycles / seconds;
  log(`${database}: ${lifecycles} lifecycles in ${seconds.toFixed(1)} s = ${perSecond.toFixed(2)}/s`);
  return { database, load, lifecycles, seconds, perSecond, transitions, failures };
}

function table(results: KindResult[]): string {
  const lines = [
    "| database | loaded cases | load s | lifecycles/s | first sweep s (raised) | quiet sweep s |",
  ];
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const raised = r.load.firstSweep.dueSoon + r.load.firstSweep.overdue;
    lines.push(
      `| ${r.database} | ${r.load.cases.toLocaleString("en")} | ${r.load.loadSeconds.toFixed(1)} | ${r.perSecond.toFixed(2)} | ${r.load.firstSweep.seconds.toFixed(1)} (${raised}) | ${r.load.quietSweep.seconds.toFixed(2)} |`,
    );
  }
  lines.push(
    "",
    "| database | transition | requests | p50 ms | p95 ms | max ms |",
    "| --- | --- | ---: | ---: | ---: | ---: |",
  );
  for (const r of results)
    for (const step of steps) {
      const t = r.transitions[step];
      lines.push(`| ${r.database} | ${step} | ${t.count} | ${t.p50} | ${t.p95} | ${t.max} |`);
    }
  return lines.join("\n");
}

const results: KindResult[] = [];
let failed = false;
try {
  for (const kind of kinds) {
    const result = await benchKind(kind);
    results.push(result);
    if (result.failures.length > 0) {
      failed = true;
      log(`${kind}: ${result.failures.length} failed lifecycles, first: ${result.failures[0]}`);
    }
  }
} catch (err) {
  failed = true;
  log(`failed: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await cleanupAll();
}
process.stdout.write(
  `\n${table(results)}\n\n${results.map((r) => `${r.database} sweep plan:\n${r.load.plan}`).join("\n\n")}\n`,
);
const dir = path.join(repoRoot, "var", "bench");
await mkdir(dir, { recursive: true });
const file = path.join(dir, `cases-${new Date().toISOString().slice(0, 10)}.json`);
await writeFile(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), settings: { SECONDS, WORKERS, LOADED }, machine: describeMachine(undefined), results }, null, 2)}\n`,
);
log(`results written to ${file}`);
if (failed) process.exitCode = 1;
