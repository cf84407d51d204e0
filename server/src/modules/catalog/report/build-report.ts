import { can, ItemContentSchema } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import type { Deps } from "../../../platform/deps.ts";
import { authorize } from "../../identity/policy.ts";
import { loadCheckContext } from "../governance/check.ts";
import { type CatalogReport, summariseCatalog } from "./summarise.ts";

/**
 * The consistency report over the catalog in force: every active item checked alone and across the
 * catalog, with completeness per item and per department, limited to the reader's region.
 */
export async function buildReport(deps: Deps, actor: Actor): Promise<CatalogReport> {
  authorize(actor, "catalog.report");
  const [rows, departments, context] = await Promise.all([
    deps.db
      .selectFrom("item")
      .select(["id", "ref", "department_id", "region_code", "content"])
      .where("status", "=", "active")
      .orderBy("ref")
      .execute(),
    deps.db.selectFrom("department").select(["id", "name"]).execute(),
    loadCheckContext(deps.db),
  ]);
  const entries = rows.map((row) => ({
    itemId: row.id,
    ref: row.ref,
    departmentId: row.department_id,
    regionCode: row.region_code,
    content: ItemContentSchema.parse(row.content),
  }));
  return summariseCatalog({
    entries,
    departmentNames: new Map(departments.map((d) => [d.id, d.name])),
    context,
    visible: (entry) =>
      can(actor, "catalog.report", { regionCode: entry.regionCode, departmentId: entry.departmentId }),
  });
}
