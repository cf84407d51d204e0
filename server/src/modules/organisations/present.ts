import { can } from "@tongban/core";
import { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import { OpeningPeriod } from "./opening-hours.ts";
import {
  type DelegationRow,
  type DepartmentRow,
  delegationStatus,
  type PlaceRow,
  type RegionRow,
  type WindowRow,
} from "./queries.ts";
import { isAbolished, placeKindFor, placeNameSuffixes } from "./rules.ts";

// Stored JSON is parsed on the way out, never trusted as typed.
const StoredHours = z.object({ periods: z.array(OpeningPeriod), notes: z.array(z.string()) });

/** May the actor manage organisation records (regions, departments, places, windows) in this region? */
export const canManage = (actor: Actor, regionCode: string) =>
  can(actor, "organisation.manage", { regionCode });

/** True when the actor manages organisation records in their own region (the UI shows "add" buttons then). */
export const canCreate = (actor: Actor) => actor.regionCode !== null && canManage(actor, actor.regionCode);

/** A region with what its level implies and what the actor may do with it. */
export function presentRegion(actor: Actor, row: RegionRow, today: string) {
  const manage = canManage(actor, row.code);
  const placeKind = placeKindFor(row.level);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parent_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    isAbolished: isAbolished(row, today),
    placeKind,
    placeNameSuffix: placeNameSuffixes[placeKind],
    abilities: {
      update: manage,
      createChild: manage && row.level !== "village" && !isAbolished(row, today),
      delete: manage && !row.is_referenced,
      createInside: manage && !isAbolished(row, today),
    },
  };
}

/** A department with its region and the actor's abilities. */
export function presentDepartment(actor: Actor, row: DepartmentRow) {
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    kind: row.kind,
    creditCode: row.credit_code,
    region: { code: row.region_code, name: row.region_name },
    abilities: { update: canManage(actor, row.region_code) },
  };
}

/** A place in a list. */
export function presentPlaceSummary(actor: Actor, row: PlaceRow) {
  const manage = canManage(actor, row.region_code);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: { code: row.region_code, name: row.region_name },
    address: row.address,
    phone: row.phone,
    windowCount: row.window_count ?? 0,
    abilities: { update: manage, addWindow: manage },
  };
}

/** A place with its hours and windows. */
export function presentPlace(actor: Actor, row: PlaceRow, windows: WindowRow[]) {
  return {
    ...presentPlaceSummary(actor, row),
    openingHours: StoredHours.parse(row.opening_hours),
    windows: windows.map((w) => presentWindow(actor, w, row.region_code)),
  };
}

/** A window; it is managed in its place's region. */
export function presentWindow(actor: Actor, row: WindowRow, placeRegionCode: string) {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    kind: row.kind,
    department:
      row.department_id && row.department_name ? { id: row.department_id, name: row.department_name } : null,
    openingHours: row.opening_hours === null ? null : StoredHours.parse(row.opening_hours),
    isActive: row.is_active,
    abilities: { update: canManage(actor, placeRegionCode) },
  };
}

/** The scope a delegation is managed in: the target place's region and the delegating department. */
export const delegationTarget = (row: { place_region_code: string; department_id: string }) => ({
  regionCode: row.place_region_code,
  departmentId: row.department_id,
});

/** A delegation with its status today. */
export function presentDelegation(actor: Actor, row: DelegationRow, today: string) {
  const status = delegationStatus(row, today);
  return {
    id: row.id,
    item: { id: row.item_id, ref: row.item_ref, name: row.item_name },
    department: { id: row.department_id, name: row.department_name },
    place: { id: row.place_id, name: row.place_name, regionCode: row.place_region_code },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    note: row.note,
    status,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
    abilities: {
      revoke:
        (status === "active" || status === "scheduled") &&
        can(actor, "delegation.manage", delegationTarget(row)),
    },
  };
}
