import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertNoViolations, uniquely } from "./guards.ts";
import type { OpeningHours } from "./opening-hours.ts";
import { findRegion } from "./queries.ts";
import { type PlaceKind, placeKindFor, placeViolations, todayInShanghai } from "./rules.ts";
import type { CreatePlaceRequest } from "./schemas.ts";

/**
 * Checks a place's name and kind against its region and returns the kind it gets. `staysPut`: an
 * existing place that keeps its region may still be edited after the region is abolished.
 */
export async function checkedPlaceKind(
  tx: Tx,
  input: { name: string; kind?: PlaceKind | undefined; regionCode: string; staysPut?: boolean },
): Promise<PlaceKind> {
  const region = await findRegion(tx, input.regionCode);
  const violations = placeViolations({
    name: input.name,
    kind: input.kind,
    region,
    regionCode: input.regionCode,
    today: todayInShanghai(),
  });
  assertNoViolations(violations.filter((v) => !(input.staysPut && v.code === "REGION_ABOLISHED")));
  if (!region) throw new Error("unreachable: placeViolations reports a missing region");
  return placeKindFor(region.level);
}

/** Refuses a name another place in the same region already has. */
export async function assertPlaceNameFree(tx: Tx, regionCode: string, name: string, exceptId?: string) {
  let query = tx
    .selectFrom("service_place")
    .select("id")
    .where("region_code", "=", regionCode)
    .where("name", "=", name);
  if (exceptId) query = query.where("id", "<>", exceptId);
  if (await query.executeTakeFirst()) throw conflict("PLACE_NAME_TAKEN", `该区划已有名为“${name}”的场所`);
}

/** The JSON stored for opening hours. */
export const hoursJson = (hours: OpeningHours) =>
  JSON.stringify({ periods: hours.periods, notes: hours.notes });

/**
 * Opens a service place (政务服务场所) in a region. Its kind follows the region's level and its name
 * must carry that kind's standard suffix (政务服务中心 / 便民服务中心 / 便民服务站).
 */
export async function createPlace(
  deps: Deps,
  actor: Actor,
  input: CreatePlaceRequest & { requestId?: string },
): Promise<string> {
  authorize(actor, "organisation.manage", { regionCode: input.regionCode });
  return deps.db.transaction().execute(async (tx) => {
    const kind = await checkedPlaceKind(tx, input);
    await assertPlaceNameFree(tx, input.regionCode, input.name);
    const row = await uniquely(
      () =>
        tx
          .insertInto("service_place")
          .values({
            name: input.name,
            kind,
            region_code: input.regionCode,
            address: input.address,
            phone: input.phone,
            opening_hours: hoursJson(input.openingHours),
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      "PLACE_NAME_TAKEN",
      `该区划已有名为“${input.name}”的场所`,
    );
    await recordAudit(tx, actor, {
      action: "place.created",
      subjectType: "place",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: { name: input.name, kind, regionCode: input.regionCode },
    });
    return row.id;
  });
}
