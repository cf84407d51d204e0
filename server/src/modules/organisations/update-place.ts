import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import { assertPlaceNameFree, checkedPlaceKind, hoursJson } from "./create-place.ts";
import { changes, uniquely } from "./guards.ts";
import { findPlace } from "./queries.ts";
import type { UpdatePlaceRequest } from "./schemas.ts";

const placeNotFound = () => notFound("PLACE_NOT_FOUND", "场所不存在");

/** Changes a place's name, region, address, phone or hours; name and kind are checked again. */
export async function updatePlace(
  deps: Deps,
  actor: Actor,
  input: UpdatePlaceRequest & { id: string; requestId?: string },
): Promise<void> {
  authorize(actor, "organisation.manage");
  await deps.db.transaction().execute(async (tx) => {
    const place = await findPlace(tx, input.id);
    if (!place) throw placeNotFound();
    // Outside the actor's region a place looks the same as a missing one.
    hideUnlessAllowed(actor, "organisation.manage", { regionCode: place.region_code }, placeNotFound());
    const regionCode = input.regionCode ?? place.region_code;
    if (regionCode !== place.region_code) authorize(actor, "organisation.manage", { regionCode });
    const name = input.name ?? place.name;
    const kind = await checkedPlaceKind(tx, { name, regionCode, staysPut: regionCode === place.region_code });
    if (name !== place.name || regionCode !== place.region_code) {
      await assertPlaceNameFree(tx, regionCode, name, place.id);
    }
    if (kind === "service-centre" && place.kind !== "service-centre") {
      const delegated = await tx
        .selectFrom("delegation")
        .select("id")
        .where("place_id", "=", place.id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (delegated) {
        throw conflict(
          "PLACE_HAS_DELEGATIONS",
          "该场所有委托受理事项，不能改为县级以上政务服务中心；请先撤销委托",
        );
      }
    }
    const changed = changes(
      {
        name: place.name,
        regionCode: place.region_code,
        address: place.address,
        phone: place.phone,
        openingHours: place.opening_hours,
      },
      {
        name: input.name,
        regionCode: input.regionCode,
        address: input.address,
        phone: input.phone,
        openingHours: input.openingHours,
      },
    );
    if (Object.keys(changed).length === 0) return;
    await uniquely(
      () =>
        tx
          .updateTable("service_place")
          .set({
            name,
            kind,
            region_code: regionCode,
            address: input.address ?? place.address,
            phone: input.phone === undefined ? place.phone : input.phone,
            ...(input.openingHours ? { opening_hours: hoursJson(input.openingHours) } : {}),
            updated_at: new Date(),
          })
          .where("id", "=", place.id)
          .execute(),
      "PLACE_NAME_TAKEN",
      `该区划已有名为“${name}”的场所`,
    );
    await recordAudit(tx, actor, {
      action: "place.updated",
      subjectType: "place",
      subjectId: place.id,
      requestId: input.requestId ?? null,
      details: { changes: changed },
    });
  });
}
