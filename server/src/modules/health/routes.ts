import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";
import type { DatabaseHandle } from "../../platform/db/database.ts";
import { isMigrated } from "../../platform/db/migrate.ts";
import type { Metrics } from "../../platform/http/metrics.ts";

const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.enum(["pglite", "postgres"]).optional(),
    checks: z.record(z.string(), z.boolean()).optional(),
  })
  .meta({ id: "Health" });

/** Liveness, readiness (database reachable, migrations applied) and Prometheus metrics. */
export function healthRoutes(app: FastifyInstance, database: DatabaseHandle, metrics: Metrics): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["operations"];

  r.get(
    "/healthz",
    { schema: { tags, summary: "The process is alive", response: { 200: Health } } },
    async () => ({ status: "ok" as const }),
  );

  r.get(
    "/readyz",
    {
      schema: {
        tags,
        summary: "Ready to serve: database reachable and every migration applied",
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const reachable = await sql`select 1`
        .execute(database.db)
        .then(() => true)
        .catch(() => false);
      const migrated = reachable && (await isMigrated(database.db));
      const ok = reachable && migrated;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? "ok" : "unavailable",
        database: database.kind,
        checks: { database: reachable, migrations: migrated },
      });
    },
  );

  r.get(
    "/metrics",
    {
      schema: {
        tags,
        summary: "Prometheus metrics",
        response: { 200: z.string().describe("Prometheus text exposition format") },
      },
    },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
