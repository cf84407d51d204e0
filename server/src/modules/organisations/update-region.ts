import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertNoViolations, changes } from "./guards.ts";
import { findRegion } from "./queries.ts";
import type { UpdateRegionRequest } from "./schemas.ts";

/**
 * Renames a region or sets its validity. A code is never changed: abolishing a region sets valid_to,
 * so records that carry the old code keep their meaning.
 */
export async function updateRegion(
  deps: Deps,
  actor: Actor,
  input: UpdateRegionRequest & { code: string; requestId?: string },
): Promise<void> {
  authorize(actor, "organisation.manage");
  await deps.db.transaction().execute(async (tx) => {
    const region = await findRegion(tx, input.code);
    // Regions are public reference data every staff member reads, so a refusal is FORBIDDEN, not hidden.
    if (!region) throw notFound("REGION_NOT_FOUND", "区划不存在");
    authorize(actor, "organisation.manage", { regionCode: region.code });
    const validFrom = input.validFrom === undefined ? region.valid_from : input.validFrom;
    const validTo = input.validTo === undefined ? region.valid_to : input.validTo;
    if (validFrom && validTo && validTo < validFrom) {
      assertNoViolations([
        { field: "validTo", code: "REGION_PERIOD_INVALID", message: "停用日期不能早于启用日期" },
      ]);
    }
    const changed = changes(
      { name: region.name, validFrom: region.valid_from, validTo: region.valid_to },
      { name: input.name, validFrom: input.validFrom, validTo: input.validTo },
    );
    if (Object.keys(changed).length === 0) return;
    await tx
      .updateTable("region")
      .set({ name: input.name ?? region.name, valid_from: validFrom, valid_to: validTo })
      .where("code", "=", region.code)
      .execute();
    await recordAudit(tx, actor, {
      action: validTo && !region.valid_to ? "region.abolished" : "region.updated",
      subjectType: "region",
      subjectId: region.code,
      requestId: input.requestId ?? null,
      details: { changes: changed },
    });
  });
}
