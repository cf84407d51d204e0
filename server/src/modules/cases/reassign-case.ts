import { can, isWithinRegion, type LocalDate, type Target } from "@tongban/core";
import type { Updateable } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";
import { conflict, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { itemDelegations } from "../organisations/queries.ts";
import type { CaseRow } from "./queries.ts";
import { findRoutePlace, placeHandles } from "./route-case.ts";

/** Where 转办 sends a case: a service place, or back to the implementing department. */
export type ReassignTarget = { placeId: string } | { departmentId: string };

/** One place or department a case may be sent to, for the reassign form's picker. */
export interface ReassignOption {
  kind: "place" | "department";
  id: string;
  name: string;
  regionCode: string;
}

/** Where a case is handled now, as the event records it before and after. */
interface Placement {
  placeId: string | null;
  departmentId: string;
  regionCode: string;
}

function loadItem(q: Queryable, itemId: string) {
  return q
    .selectFrom("item")
    .innerJoin("department", "department.id", "item.department_id")
    .select(["item.id", "item.region_code", "item.department_id", "department.name as department_name"])
    .where("item.id", "=", itemId)
    .executeTakeFirstOrThrow();
}

const current = (row: CaseRow): Placement => ({
  placeId: row.place_id,
  departmentId: row.department_id,
  regionCode: row.region_code,
});

const same = (a: Placement, b: Placement) =>
  a.placeId === b.placeId && a.departmentId === b.departmentId && a.regionCode === b.regionCode;

const scopeTarget = (to: Placement): Target => ({
  regionCode: to.regionCode,
  departmentId: to.departmentId,
  placeId: to.placeId,
});

/**
 * The changes and event details of 转办: the target must be able to handle the item (its implementing
 * department, a 政务服务中心 on the item's line of regions, or a place it is delegated to today) and lie
 * in the actor's own scope, so nobody sends a case where they could not have handled it themself.
 */
export async function planReassign(
  q: Queryable,
  actor: Actor,
  row: CaseRow,
  target: ReassignTarget | undefined,
  reason: string | null,
  today: LocalDate,
): Promise<{ set: Updateable<Database["cases"]>; details: Record<string, unknown> }> {
  if (!target) throw invalid("CASE_TARGET_REQUIRED", "请选择转办的场所或部门");
  const item = await loadItem(q, row.item_id);
  let to: Placement;
  let name: string;
  if ("placeId" in target) {
    const place = await findRoutePlace(q, target.placeId);
    if (!place) throw notFound("PLACE_NOT_FOUND", "政务服务场所不存在");
    if (!(await placeHandles(q, place, item, today)))
      throw invalid("CASE_TARGET_CANNOT_HANDLE", `${place.name}不受理该事项（未受委托受理）`);
    to = { placeId: place.id, departmentId: row.department_id, regionCode: place.region_code };
    name = place.name;
  } else {
    // Only the implementing body decides the item; another department cannot take the case over.
    if (target.departmentId !== item.department_id)
      throw invalid("CASE_TARGET_CANNOT_HANDLE", "该部门不是此事项的实施主体");
    to = { placeId: null, departmentId: item.department_id, regionCode: item.region_code };
    name = item.department_name;
  }
  if (!can(actor, "case.reassign", scopeTarget(to)))
    throw forbidden("CASE_TARGET_OUT_OF_SCOPE", "转办目标不在您的管辖范围内");
  const from = current(row);
  if (same(from, to)) throw conflict("CASE_SAME_TARGET", "办件已在该处办理，无需转办");
  return {
    set: { place_id: to.placeId, department_id: to.departmentId, region_code: to.regionCode },
    details: { reason, from, to: { ...to, name } },
  };
}

/**
 * Every place and department the actor may send the case to now: the implementing department, the
 * 政务服务中心 on the item's line and the places it is delegated to, less the case's own and any outside
 * the actor's scope. The same checks as planReassign, so the picker offers only what will be accepted.
 */
export async function reassignOptions(
  q: Queryable,
  actor: Actor,
  row: CaseRow,
  today: LocalDate,
): Promise<ReassignOption[]> {
  const item = await loadItem(q, row.item_id);
  const from = current(row);
  const options: (ReassignOption & { to: Placement })[] = [
    {
      kind: "department",
      id: item.department_id,
      name: item.department_name,
      regionCode: item.region_code,
      to: { placeId: null, departmentId: item.department_id, regionCode: item.region_code },
    },
  ];
  const centres = await q
    .selectFrom("service_place")
    .select(["id", "name", "region_code"])
    .where("kind", "=", "service-centre")
    .orderBy("region_code")
    .execute();
  const line = centres.filter(
    (c) => isWithinRegion(c.region_code, item.region_code) || isWithinRegion(item.region_code, c.region_code),
  );
  const delegated = await itemDelegations(q, item.id, today);
  const places = new Map<string, { name: string; region_code: string }>();
  for (const c of line) places.set(c.id, c);
  for (const d of delegated) {
    const place = await findRoutePlace(q, d.place_id);
    if (place) places.set(place.id, place);
  }
  for (const [id, place] of places)
    options.push({
      kind: "place",
      id,
      name: place.name,
      regionCode: place.region_code,
      to: { placeId: id, departmentId: row.department_id, regionCode: place.region_code },
    });
  return options
    .filter((o) => !same(from, o.to) && can(actor, "case.reassign", scopeTarget(o.to)))
    .map(({ to: _to, ...option }) => option);
}
