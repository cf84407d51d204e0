import { type ItemContent, ItemContentSchema } from "@tongban/core";
import type { Queryable } from "../../../platform/db/database.ts";
import { openStatuses } from "../governance/lifecycle.ts";

/** An item as import and export see it: its effective content and whether a change is under way. */
export interface StoredItem {
  id: string;
  ref: string;
  version: number;
  status: "active" | "cancelled";
  departmentId: string;
  regionCode: string;
  implementationCode: string;
  content: ItemContent;
  /** The number of an open change request of this item, if any. */
  pendingChange: string | null;
}

/** Every item of the catalog (active and cancelled), by ref order, with its open change if any. */
export async function loadItems(q: Queryable): Promise<StoredItem[]> {
  const [items, pending] = await Promise.all([
    q
      .selectFrom("item")
      .select([
        "id",
        "ref",
        "version",
        "status",
        "department_id",
        "region_code",
        "implementation_code",
        "content",
      ])
      .orderBy("ref")
      .execute(),
    q
      .selectFrom("change_request")
      .select(["item_id", "number"])
      .where("item_id", "is not", null)
      .where("status", "in", openStatuses)
      .execute(),
  ]);
  const pendingOf = new Map(pending.map((p) => [p.item_id, p.number]));
  return items.map((row) => ({
    id: row.id,
    ref: row.ref,
    version: row.version,
    status: row.status,
    departmentId: row.department_id,
    regionCode: row.region_code,
    implementationCode: row.implementation_code,
    // Stored documents went through the schema when published; parsing fills defaults added since.
    content: ItemContentSchema.parse(row.content),
    pendingChange: pendingOf.get(row.id) ?? null,
  }));
}

/** A department as the catalog file names it. */
export interface DepartmentRow {
  id: string;
  ref: string;
  name: string;
  creditCode: string | null;
  regionCode: string;
}

/** Every department, for resolving what a spreadsheet calls the implementing body. */
export async function loadDepartments(q: Queryable): Promise<DepartmentRow[]> {
  const rows = await q
    .selectFrom("department")
    .select(["id", "ref", "name", "credit_code", "region_code"])
    .orderBy("ref")
    .execute();
  return rows.map((d) => ({
    id: d.id,
    ref: d.ref,
    name: d.name,
    creditCode: d.credit_code,
    regionCode: d.region_code,
  }));
}
