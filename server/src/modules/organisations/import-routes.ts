import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { exportOrganisations } from "./export-organisations.ts";
import { sheetNames, writeWorkbook } from "./import-format.ts";
import { importOrganisations } from "./import-organisations.ts";
import { ImportRequest, ImportResult } from "./schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const Spreadsheet = z.string().meta({ format: "binary", description: "An .xlsx workbook" });
const Rows = z.array(z.record(z.string(), z.string()));
const OrganisationFile = z
  .object({ regions: Rows, departments: Rows, places: Rows, windows: Rows })
  .meta({ id: "OrganisationFile", description: "The JSON import format: one array of rows per table" });

// Fastify sends a Buffer as it is; the response schema only documents the download.
const binary = (buffer: Buffer) => buffer as unknown as string;

const attachment = (name: string) =>
  `attachment; filename="organisations.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The Excel template, the all-or-nothing import, and the export in the same format. */
export function importRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const security = [{ session: [] }];

  r.get(
    "/api/admin/organisations/template.xlsx",
    {
      schema: {
        tags,
        security,
        summary: "The Excel import template: 区划, 部门, 场所 and 窗口 sheets with an instructions sheet",
        produces: [XLSX],
        response: { 200: Spreadsheet, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      authorize(request.actor, "organisation.manage");
      const empty = Object.fromEntries(sheetNames.map((s) => [s, []])) as unknown as Parameters<
        typeof writeWorkbook
      >[0];
      const buffer = await writeWorkbook(empty);
      return reply
        .type(XLSX)
        .header("content-disposition", attachment("组织机构导入模板.xlsx"))
        .send(binary(buffer));
    },
  );

  r.post(
    "/api/admin/organisations/import",
    {
      // A base64 spreadsheet of a whole city's places and windows stays well under this.
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        security,
        summary:
          "Import regions, departments, places and windows from JSON or .xlsx, all or nothing; " +
          "IMPORT_INVALID lists each bad row (sheet, row, column, message) in details.rows",
        body: ImportRequest,
        response: { 200: ImportResult, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => importOrganisations(deps, request.actor, { ...request.body, requestId: request.id }),
  );

  r.get(
    "/api/admin/organisations/export",
    {
      schema: {
        tags,
        security,
        summary: "Everything inside the administrator's region in the import format (JSON or .xlsx)",
        querystring: z.object({ format: z.enum(["json", "xlsx"]).default("xlsx") }),
        produces: ["application/json", XLSX],
        response: { 200: z.union([OrganisationFile, Spreadsheet]), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const rows = await exportOrganisations(deps, request.actor, { format, requestId: request.id });
      if (format === "json") return rows;
      return reply
        .type(XLSX)
        .header("content-disposition", attachment("组织机构.xlsx"))
        .send(binary(await writeWorkbook(rows)));
    },
  );
}
