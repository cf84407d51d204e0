import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../../platform/deps.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { buildReport } from "./build-report.ts";
import { CatalogReport } from "./schemas.ts";

/** The consistency report page's data. */
export function catalogReportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/admin/catalog/report",
    {
      schema: {
        tags: ["catalog-admin"],
        security: [{ session: [] }],
        summary:
          "Consistency report: findings of every active item (checkItem) and across the catalog (四级四同), " +
          "completeness per item and averaged per department, within the reader's region",
        response: { 200: CatalogReport, 401: Problem, 403: Problem },
      },
    },
    async (request) => buildReport(deps, request.actor),
  );
}
