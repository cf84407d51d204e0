import { isWithinRegion, type LocalDate } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { forbidden } from "../../platform/errors.ts";
import { itemDelegations } from "../organisations/queries.ts";

/** Where a case is handled: the place whose queue holds it (if any) and the region that scopes it. */
export interface CaseRoute {
  placeId: string | null;
  regionCode: string;
}

/** A service place with what routing needs. */
export interface RoutePlace {
  id: string;
  name: string;
  kind: "service-centre" | "convenience-centre" | "convenience-station";
  region_code: string;
}

/** One service place by id, or undefined. */
export function findRoutePlace(q: Queryable, id: string): Promise<RoutePlace | undefined> {
  return q
    .selectFrom("service_place")
    .select(["id", "name", "kind", "region_code"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** True when the item is delegated (委托受理) to the place on `today`: not revoked, started, not ended. */
export async function isDelegatedTo(
  q: Queryable,
  itemId: string,
  placeId: string,
  today: LocalDate,
): Promise<boolean> {
  const places = await itemDelegations(q, itemId, today);
  return places.some((p) => p.place_id === placeId);
}

/**
 * True when a place can take in the item: a 政务服务中心 on the item's line of regions (the implementing
 * body's centre, or one above or below it) runs it; a township or village place only by delegation.
 */
export async function placeHandles(
  q: Queryable,
  place: RoutePlace,
  item: { id: string; region_code: string },
  today: LocalDate,
): Promise<boolean> {
  if (place.kind === "service-centre")
    return (
      isWithinRegion(place.region_code, item.region_code) ||
      isWithinRegion(item.region_code, place.region_code)
    );
  return isDelegatedTo(q, item.id, place.id, today);
}

/**
 * Routes a window case (委托受理, 000 article 44): received at a township or village place the item is
 * delegated to, it lands in that place's queue in the place's region, and the implementing department
 * still reviews and decides it; at a 政务服务中心 it is handled in the clerk's region. A place that
 * neither runs the item nor holds a delegation for it is refused, so no case lands where nobody may
 * handle it.
 */
export async function routeWindowCase(
  q: Queryable,
  actor: Actor,
  item: { id: string; region_code: string },
  today: LocalDate,
): Promise<CaseRoute> {
  const regionCode = actor.regionCode as string;
  if (!actor.placeId) return { placeId: null, regionCode };
  const place = await findRoutePlace(q, actor.placeId);
  if (!place) return { placeId: null, regionCode };
  if (!(await placeHandles(q, place, item, today)))
    throw forbidden(
      "CASE_NOT_DELEGATED",
      `${place.name}未受委托受理该事项，请申请人到网上或实施机关所在的政务服务中心办理`,
    );
  return place.kind === "service-centre"
    ? { placeId: place.id, regionCode }
    : { placeId: place.id, regionCode: place.region_code };
}
