import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { retryJob } from "./retry-job.ts";

const JobView = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    status: z.enum(["pending", "running", "done", "dead"]),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    runAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Job" });

/** Administrators inspect the job queue and send dead letters back for another try. */
export function jobRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["operations"];

  r.get(
    "/api/admin/jobs",
    {
      schema: {
        tags,
        summary: "Jobs by status (dead letters by default)",
        security: [{ session: [] }],
        querystring: z.object({
          status: z.enum(["pending", "running", "done", "dead"]).default("dead"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(JobView) }), 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "jobs.inspect");
      const rows = await deps.db
        .selectFrom("job")
        .selectAll()
        .where("status", "=", request.query.status)
        .orderBy("id", "desc")
        .limit(request.query.limit)
        .execute();
      return {
        items: rows.map((j) => ({
          id: j.id,
          kind: j.kind,
          status: j.status,
          attempts: j.attempts,
          maxAttempts: j.max_attempts,
          runAt: j.run_at.toISOString(),
          lastError: j.last_error,
          finishedAt: j.finished_at?.toISOString() ?? null,
        })),
      };
    },
  );

  r.post(
    "/api/admin/jobs/:id/retry",
    {
      schema: {
        tags,
        summary: "Retry a dead-lettered job",
        security: [{ session: [] }],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.undefined(), 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await retryJob(deps, request.actor, { id: request.params.id, requestId: request.id });
      return reply.code(204).send();
    },
  );
}
