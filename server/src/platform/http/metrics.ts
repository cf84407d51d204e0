import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseHandle } from "../db/database.ts";

/** The platform's Prometheus registry and the instruments other parts record into. */
export interface Metrics {
  registry: Registry;
  jobFinished: Counter<"kind" | "outcome">;
  jobDuration: Histogram<"kind">;
}

/** Creates the registry: HTTP per route, jobs (depth, lag, outcomes), the database pool, and Node itself. */
export function createMetrics(database: DatabaseHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tongban_" });
  const jobFinished = new Counter({
    name: "tongban_jobs_finished_total",
    help: "Jobs finished, by kind and outcome (done, retry, dead)",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "tongban_job_duration_seconds",
    help: "Time spent running a job",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "tongban_jobs",
    help: "Jobs in the queue by status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await sql<{ status: string; n: number }>`
        select status, count(*)::int as n from job group by status`.execute(database.db);
      this.reset();
      for (const s of ["pending", "running", "done", "dead"]) {
        this.set({ status: s }, rows.rows.find((r) => r.status === s)?.n ?? 0);
      }
    },
  });
  new Gauge({
    name: "tongban_jobs_lag_seconds",
    help: "How long the oldest due pending job has waited",
    registers: [registry],
    async collect() {
      const row = await sql<{ lag: number | null }>`
        select extract(epoch from now() - min(run_at))::float8 as lag
        from job where status = 'pending' and run_at <= now()`.execute(database.db);
      this.set(Math.max(0, row.rows[0]?.lag ?? 0));
    },
  });
  const pool = new Gauge({
    name: "tongban_db_pool_connections",
    help: "Database pool connections by state",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      pool.set({ state: "total" }, s.total);
      pool.set({ state: "idle" }, s.idle);
      pool.set({ state: "waiting" }, s.waiting);
    },
  });
  return { registry, jobFinished, jobDuration };
}

/** Records request count and latency per route template (not per raw URL, so ids don't explode labels). */
export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  const requests = new Counter({
    name: "tongban_http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [metrics.registry],
  });
  const latency = new Histogram({
    name: "tongban_http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics.registry],
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
