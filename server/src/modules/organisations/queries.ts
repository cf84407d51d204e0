import { regionPrefix } from "@tongban/core";
import { sql } from "kysely";
import type { Queryable } from "../../platform/db/database.ts";
import type { DelegationQuery, DelegationStatus, PlaceQuery } from "./schemas.ts";

const like = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * Regions with whether the records this module knows of reference them (the delete button's hint; the
 * foreign keys have the final say when deleting).
 */
function regionBase(q: Queryable) {
  return q
    .selectFrom("region as r")
    .select(["r.code", "r.name", "r.level", "r.parent_code", "r.valid_from", "r.valid_to"])
    .select((eb) =>
      eb
        .or([
          eb.exists(eb.selectFrom("region as c").select("c.code").whereRef("c.parent_code", "=", "r.code")),
          eb.exists(
            eb.selectFrom("department").select("id").whereRef("department.region_code", "=", "r.code"),
          ),
          eb.exists(
            eb.selectFrom("service_place").select("id").whereRef("service_place.region_code", "=", "r.code"),
          ),
          eb.exists(eb.selectFrom("account").select("id").whereRef("account.region_code", "=", "r.code")),
        ])
        .$castTo<boolean>()
        .as("is_referenced"),
    );
}

/** Every region, parents before children (structured codes sort that way). */
export function listRegions(q: Queryable) {
  return regionBase(q).orderBy("r.code").execute();
}
export type RegionRow = Awaited<ReturnType<typeof listRegions>>[number];

/** One region by code. */
export function findRegion(q: Queryable, code: string) {
  return regionBase(q).where("r.code", "=", code).executeTakeFirst();
}

/** Departments, optionally by words and by region subtree, with their region's name. */
export function listDepartments(
  q: Queryable,
  filter: { q?: string | undefined; regionCode?: string | undefined },
) {
  let query = q
    .selectFrom("department")
    .innerJoin("region", "region.code", "department.region_code")
    .select([
      "department.id",
      "department.ref",
      "department.name",
      "department.kind",
      "department.credit_code",
      "department.region_code",
      "region.name as region_name",
    ]);
  if (filter.q) {
    const words = like(filter.q);
    query = query.where((eb) =>
      eb.or([eb("department.name", "ilike", words), eb("department.credit_code", "ilike", words)]),
    );
  }
  if (filter.regionCode)
    query = query.where("department.region_code", "like", `${regionPrefix(filter.regionCode)}%`);
  return query.orderBy("department.region_code").orderBy("department.name").execute();
}
export type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>[number];

/** One department with its region's name and level. */
export function findDepartment(q: Queryable, id: string) {
  return q
    .selectFrom("department")
    .innerJoin("region", "region.code", "department.region_code")
    .select([
      "department.id",
      "department.ref",
      "department.name",
      "department.kind",
      "department.credit_code",
      "department.region_code",
      "region.name as region_name",
      "region.level",
    ])
    .where("department.id", "=", id)
    .executeTakeFirst();
}

function placeBase(q: Queryable) {
  return q
    .selectFrom("service_place")
    .innerJoin("region", "region.code", "service_place.region_code")
    .select([
      "service_place.id",
      "service_place.name",
      "service_place.kind",
      "service_place.region_code",
      "region.name as region_name",
      "service_place.address",
      "service_place.phone",
      "service_place.opening_hours",
    ])
    .select((eb) =>
      eb
        .selectFrom("service_window")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("service_window.place_id", "=", "service_place.id")
        .as("window_count"),
    );
}
export type PlaceRow = Awaited<ReturnType<ReturnType<typeof placeBase>["execute"]>>[number];

/**
 * One page of the places inside `scopeCode` (the actor's region), filtered by words, region and kind.
 * The scope is applied in SQL so that totals and pages only ever count what the actor may see.
 */
export async function listPlaces(q: Queryable, query: PlaceQuery, scopeCode: string) {
  let base = q
    .selectFrom("service_place")
    .where("service_place.region_code", "like", `${regionPrefix(scopeCode)}%`);
  if (query.regionCode) {
    base = base.where("service_place.region_code", "like", `${regionPrefix(query.regionCode)}%`);
  }
  if (query.kind) base = base.where("service_place.kind", "=", query.kind);
  if (query.q) {
    const words = like(query.q);
    base = base.where((eb) =>
      eb.or([eb("service_place.name", "ilike", words), eb("service_place.address", "ilike", words)]),
    );
  }
  const [count, ids] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    base
      .select("service_place.id")
      .orderBy("service_place.region_code")
      .orderBy("service_place.name")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const rows =
    ids.length === 0
      ? []
      : await placeBase(q)
          .where(
            "service_place.id",
            "in",
            ids.map((r) => r.id),
          )
          .orderBy("service_place.region_code")
          .orderBy("service_place.name")
          .execute();
  return { total: count.n, rows };
}

/** One place, or undefined. */
export function findPlace(q: Queryable, id: string) {
  return placeBase(q).where("service_place.id", "=", id).executeTakeFirst();
}

/** Every place in a short form for pickers (the delegation form's target places). */
export function listPlaceOptions(q: Queryable) {
  return q
    .selectFrom("service_place")
    .select(["id", "name", "kind", "region_code"])
    .orderBy("region_code")
    .orderBy("name")
    .execute();
}

/** The windows of a place, by number, with their departments' names. */
export function listWindows(q: Queryable, placeId: string) {
  return q
    .selectFrom("service_window")
    .leftJoin("department", "department.id", "service_window.department_id")
    .select([
      "service_window.id",
      "service_window.place_id",
      "service_window.number",
      "service_window.name",
      "service_window.kind",
      "service_window.department_id",
      "department.name as department_name",
      "service_window.opening_hours",
      "service_window.is_active",
    ])
    .where("service_window.place_id", "=", placeId)
    .orderBy("service_window.number")
    .execute();
}
export type WindowRow = Awaited<ReturnType<typeof listWindows>>[number];

/** One window with its place's region (the scope it is managed in). */
export function findWindow(q: Queryable, id: string) {
  return q
    .selectFrom("service_window")
    .innerJoin("service_place", "service_place.id", "service_window.place_id")
    .selectAll("service_window")
    .select(["service_place.region_code"])
    .where("service_window.id", "=", id)
    .executeTakeFirst();
}

/** The status of a delegation on a given day. */
export function delegationStatus(
  row: { valid_from: string; valid_to: string | null; revoked_at: Date | null },
  today: string,
): DelegationStatus {
  if (row.revoked_at) return "revoked";
  if (row.valid_from > today) return "scheduled";
  if (row.valid_to !== null && row.valid_to < today) return "expired";
  return "active";
}

function delegationBase(q: Queryable) {
  return q
    .selectFrom("delegation")
    .innerJoin("item", "item.id", "delegation.item_id")
    .innerJoin("department", "department.id", "delegation.department_id")
    .innerJoin("service_place", "service_place.id", "delegation.place_id")
    .select([
      "delegation.id",
      "delegation.item_id",
      "item.ref as item_ref",
      "item.name as item_name",
      "delegation.department_id",
      "department.name as department_name",
      "delegation.place_id",
      "service_place.name as place_name",
      "service_place.region_code as place_region_code",
      "delegation.valid_from",
      "delegation.valid_to",
      "delegation.note",
      "delegation.revoked_at",
      "delegation.revoke_reason",
    ]);
}
export type DelegationRow = Awaited<ReturnType<ReturnType<typeof delegationBase>["execute"]>>[number];

/** Delegations by item, place and status, limited to places inside `scopeCode`. */
export async function listDelegations(
  q: Queryable,
  filter: DelegationQuery,
  scopeCode: string,
  today: string,
) {
  let query = delegationBase(q).where("service_place.region_code", "like", `${regionPrefix(scopeCode)}%`);
  if (filter.itemId) query = query.where("delegation.item_id", "=", filter.itemId);
  if (filter.placeId) query = query.where("delegation.place_id", "=", filter.placeId);
  const rows = await query
    .orderBy("item.name")
    .orderBy("service_place.region_code")
    .orderBy("delegation.valid_from", "desc")
    .execute();
  return filter.status ? rows.filter((r) => delegationStatus(r, today) === filter.status) : rows;
}

/** One delegation, or undefined. */
export function findDelegation(q: Queryable, id: string) {
  return delegationBase(q).where("delegation.id", "=", id).executeTakeFirst();
}

/**
 * The places where an item can be applied for nearby today (委托受理 in force), for the public guide:
 * not revoked, started, not ended.
 */
export function itemDelegations(q: Queryable, itemId: string, today: string) {
  return q
    .selectFrom("delegation")
    .innerJoin("service_place", "service_place.id", "delegation.place_id")
    .select([
      "service_place.id as place_id",
      "service_place.name as place_name",
      "delegation.valid_from",
      "delegation.valid_to",
    ])
    .where("delegation.item_id", "=", itemId)
    .where("delegation.revoked_at", "is", null)
    .where("delegation.valid_from", "<=", today)
    .where((eb) => eb.or([eb("delegation.valid_to", "is", null), eb("delegation.valid_to", ">=", today)]))
    .orderBy("service_place.region_code")
    .orderBy("service_place.name")
    .execute();
}
