import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../../platform/deps.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { exportCatalog } from "./export-catalog.ts";
import { importCatalog } from "./import-catalog.ts";
import { CatalogFile, ExportQuery, ImportQuery, ImportResult } from "./schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Spreadsheet = z.string().meta({ format: "binary", description: "An .xlsx workbook" });

// Fastify sends a Buffer as it is; the response schema only documents the download.
const binary = (buffer: Buffer) => buffer as unknown as string;

/** The whole catalog out and in: JSON or .xlsx, the import all or nothing and governed by change requests. */
export async function catalogTransferRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Own scope: the raw spreadsheet body parser applies to these routes only.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      [XLSX, "application/octet-stream"],
      { parseAs: "buffer" },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["catalog-admin"];
    const security = [{ session: [] }];

    r.get(
      "/api/admin/catalog/export",
      {
        schema: {
          tags,
          security,
          summary: "The catalog in force (active items' effective content, version and ref) as JSON or .xlsx",
          querystring: ExportQuery,
          produces: ["application/json", XLSX],
          response: { 200: z.union([CatalogFile, Spreadsheet]), 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (request, reply) => {
        const result = await exportCatalog(deps, request.actor, { ...request.query, requestId: request.id });
        if (result.format === "json") return result.records;
        const name = `事项目录-${new Date().toISOString().slice(0, 10)}.xlsx`;
        return reply
          .type(XLSX)
          .header(
            "content-disposition",
            `attachment; filename="catalog.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(binary(result.workbook));
      },
    );

    r.post(
      "/api/admin/catalog/import",
      {
        // A whole city's catalog as JSON is under a megabyte; leave room for larger deployments.
        bodyLimit: 32 * 1024 * 1024,
        schema: {
          tags,
          security,
          summary:
            "Import the catalog from the JSON file or the .xlsx workbook (raw request body), all or nothing: " +
            "any row error → nothing written and `errors` lists each (sheet, row, field, message); otherwise " +
            "each new or changed item becomes a change request submitted to legality review",
          querystring: ImportQuery,
          consumes: ["application/json", XLSX, "application/octet-stream"],
          body: z.unknown().describe("The CatalogFile JSON, or the .xlsx workbook's bytes"),
          response: { 200: ImportResult, 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (request) =>
        importCatalog(deps, request.actor, { ...request.query, body: request.body, requestId: request.id }),
    );
  });
}
