import { mkdir, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import type { LoadResult } from "./load.ts";

/** Which database engine a row was measured on. */
export type DatabaseKind = "pglite" | "postgres";

/** One line of the results table. */
export interface Row {
  database: DatabaseKind;
  target: "platform" | "baseline";
  endpoint: string;
  result: LoadResult;
}

/** platform-list req/s ÷ baseline req/s for one database kind. */
export interface Ratio {
  database: DatabaseKind;
  platformListRps: number;
  baselineRps: number;
  ratio: number;
}

/** The platform's list endpoint as the bench calls it; the ratio is taken on this row. */
export const LIST_ENDPOINT = "GET /api/items?page=1&pageSize=20";

/** The machine the figures come from, recorded with them because they mean little without it. */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string | undefined;
}

/** CPU, memory and Node of this machine; the PostgreSQL version is asked of the server by the caller. */
export function describeMachine(postgres: string | undefined): Machine {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
  };
}

/** The list-to-baseline ratio for each database kind that has both rows. */
export function ratios(rows: Row[]): Ratio[] {
  const out: Ratio[] = [];
  for (const database of ["pglite", "postgres"] as const) {
    const list = rows.find((r) => r.database === database && r.endpoint === LIST_ENDPOINT);
    const baseline = rows.find((r) => r.database === database && r.target === "baseline");
    if (!list || !baseline || baseline.result.requestsPerSecond === 0) continue;
    out.push({
      database,
      platformListRps: list.result.requestsPerSecond,
      baselineRps: baseline.result.requestsPerSecond,
      ratio: list.result.requestsPerSecond / baseline.result.requestsPerSecond,
    });
  }
  return out;
}

const fixed = (n: number, digits: number) => n.toFixed(digits);

/** The results as an aligned plain-text table (also valid Markdown, for pasting into the docs). */
export function formatTable(rows: Row[]): string {
  const header = ["database", "target", "endpoint", "req/s", "mean ms", "p50 ms", "p99 ms", "errors/non-2xx"];
  const body = rows.map((r) => [
    r.database,
    r.target,
    r.endpoint,
    fixed(r.result.requestsPerSecond, 0),
    fixed(r.result.latencyMs.mean, 2),
    fixed(r.result.latencyMs.p50, 0),
    fixed(r.result.latencyMs.p99, 0),
    `${r.result.errors}/${r.result.non2xx}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]?.length ?? 0)));
  const numeric = (i: number) => i >= 3;
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  // The same rule style the repository's Markdown formatter writes, so the output pastes into docs unchanged.
  const rule = `| ${widths.map((w, i) => (numeric(i) ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(header), rule, ...body.map(line)].join("\n");
}

/** One line per database kind: "pglite: platform list 1234 req/s ÷ baseline 5678 req/s = 0.22". */
export function formatRatios(list: Ratio[]): string {
  return list
    .map(
      (r) =>
        `${r.database}: platform list ${fixed(r.platformListRps, 0)} req/s ÷ baseline ${fixed(r.baselineRps, 0)} req/s = ${fixed(r.ratio, 2)}`,
    )
    .join("\n");
}

/** Writes var/bench/results-<YYYY-MM-DD>.json under `root` and returns its path. */
export async function writeResults(
  root: string,
  data: {
    startedAt: Date;
    settings: { seconds: number; warmupSeconds: number; connections: number };
    machine: Machine;
    rows: Row[];
    ratios: Ratio[];
    failures: string[];
  },
): Promise<string> {
  const dir = path.join(root, "var", "bench");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `results-${data.startedAt.toISOString().slice(0, 10)}.json`);
  await writeFile(file, `${JSON.stringify({ ...data, startedAt: data.startedAt.toISOString() }, null, 2)}\n`);
  return file;
}
