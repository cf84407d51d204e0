import { z } from "zod";
import { LocalDate } from "../../calendar/schemas.ts";
import { ItemContent } from "../schemas.ts";

/** One item of the JSON catalog file. */
export const CatalogRecord = z
  .object({
    ref: z.string().describe("The item's external reference (事项标识)"),
    itemId: z.uuid().nullable().describe("Null for an item the file adds"),
    version: z.number().int().min(1).nullable().describe("The version the content is based on"),
    content: ItemContent,
  })
  .meta({ id: "CatalogRecord" });

/** The JSON catalog file: what the export writes and the import reads. */
export const CatalogFile = z.array(CatalogRecord).meta({ id: "CatalogFile" });

export const ExportQuery = z.object({ format: z.enum(["json", "xlsx"]).default("json") });

export const ImportQuery = z.object({
  format: z.enum(["json", "xlsx"]),
  effectiveFrom: LocalDate.optional().describe(
    "When the changes take effect once approved; today by default",
  ),
  reason: z.string().trim().max(500).optional().describe("The change reason the change requests carry"),
});

export const ImportRowError = z
  .object({
    sheet: z.string().optional().describe("The sheet (spreadsheets only)"),
    row: z
      .number()
      .int()
      .describe("Spreadsheet row, or 1-based position in the JSON array; 0 for the whole file"),
    field: z.string().describe("The column header, or the field path in JSON"),
    message: z.string(),
  })
  .meta({ id: "CatalogImportRowError" });

export const ImportResult = z
  .object({
    created: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    changeRequests: z.array(z.object({ id: z.uuid(), number: z.string(), ref: z.string() })),
    errors: z.array(ImportRowError).describe("Non-empty means nothing was written"),
  })
  .meta({ id: "CatalogImportResult" });
