import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { verifyAuditChain } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";

const ChainReport = z
  .object({
    ok: z.boolean(),
    rows: z.number().int(),
    unchained: z.number().int().describe("Rows older than the chain (written before it existed)"),
    firstBrokenId: z.number().int().nullable(),
    problem: z.string().nullable(),
  })
  .meta({ id: "AuditChainReport" });

/** Verifying the audit log's hash chain (also `npm run audit:verify`). */
export function auditRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/admin/audit/verify",
    {
      schema: {
        tags: ["operations"],
        summary: "Recompute the audit log's hash chain and report the first broken row",
        security: [{ session: [] }],
        response: { 200: ChainReport, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "audit.verify");
      return verifyAuditChain(deps.db);
    },
  );
}
