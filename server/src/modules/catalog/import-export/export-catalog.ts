import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { authorize } from "../../identity/policy.ts";
import { loadDepartments, loadItems } from "./queries.ts";
import { writeCatalogWorkbook } from "./workbook.ts";
import { type CatalogRecord, toSheetRows } from "./write-rows.ts";

/** The export: the records themselves (JSON) or the workbook built from them (.xlsx). */
export type CatalogExport =
  | { format: "json"; records: CatalogRecord[] }
  | { format: "xlsx"; workbook: Buffer };

/**
 * Exports the catalog in force — every active item's effective content, version and ref, by ref — as
 * JSON records or as the workbook, in the import's own format, and records the export in the audit log.
 */
export async function exportCatalog(
  deps: Deps,
  actor: Actor,
  input: { format: "json" | "xlsx"; requestId?: string },
): Promise<CatalogExport> {
  authorize(actor, "catalog.export");
  const items = (await loadItems(deps.db)).filter((item) => item.status === "active");
  const records: CatalogRecord[] = items.map((item) => ({
    ref: item.ref,
    itemId: item.id,
    version: item.version,
    content: item.content,
  }));
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, actor, {
      action: "catalog.exported",
      subjectType: "catalog-export",
      requestId: input.requestId ?? null,
      details: { format: input.format, items: records.length },
    }),
  );
  if (input.format === "json") return { format: "json", records };
  const departments = await loadDepartments(deps.db);
  const refOf = new Map(departments.map((d) => [d.id, d.ref]));
  return {
    format: "xlsx",
    workbook: await writeCatalogWorkbook(toSheetRows(records, (id) => refOf.get(id) ?? id)),
  };
}
