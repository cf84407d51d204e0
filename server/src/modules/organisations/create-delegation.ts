import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertNoViolations } from "./guards.ts";
import { findDepartment } from "./queries.ts";
import { delegationViolations } from "./rules.ts";
import type { CreateDelegationRequest } from "./schemas.ts";

/**
 * Delegates the acceptance of an item (委托受理, 000 article 44) from its county-level department to a
 * township or village place, for a period. At most one delegation per item and place covers any day.
 */
export async function createDelegation(
  deps: Deps,
  actor: Actor,
  input: CreateDelegationRequest & { requestId?: string },
): Promise<string> {
  authorize(actor, "delegation.manage");
  return deps.db.transaction().execute(async (tx) => {
    // Locking the item serialises delegations of one item, so the overlap check below cannot race.
    const item = await tx
      .selectFrom("item")
      .select(["id", "name", "department_id"])
      .where("id", "=", input.itemId)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw notFound("ITEM_NOT_FOUND", "事项不存在");
    const place = await tx
      .selectFrom("service_place")
      .select(["id", "name", "kind", "region_code"])
      .where("id", "=", input.placeId)
      .executeTakeFirst();
    if (!place) throw notFound("PLACE_NOT_FOUND", "场所不存在");
    const department = await findDepartment(tx, input.departmentId ?? item.department_id);
    if (!department) throw notFound("DEPARTMENT_NOT_FOUND", "部门不存在");
    authorize(actor, "delegation.manage", { regionCode: place.region_code, departmentId: department.id });
    assertNoViolations(
      delegationViolations({
        item,
        department,
        place,
        validFrom: input.validFrom,
        validTo: input.validTo,
      }),
    );
    const overlapping = await tx
      .selectFrom("delegation")
      .select(["valid_from", "valid_to"])
      .where("item_id", "=", item.id)
      .where("place_id", "=", place.id)
      .where("revoked_at", "is", null)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", input.validFrom)]))
      .$if(input.validTo !== null, (q) => q.where("valid_from", "<=", sql<string>`${input.validTo}::date`))
      .executeTakeFirst();
    if (overlapping) {
      throw conflict(
        "DELEGATION_OVERLAPS",
        `该事项已委托${place.name}受理（${overlapping.valid_from} 起${overlapping.valid_to ? `至 ${overlapping.valid_to}` : ""}），期限不能重叠`,
      );
    }
    const row = await tx
      .insertInto("delegation")
      .values({
        item_id: item.id,
        department_id: department.id,
        place_id: place.id,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        note: input.note,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: "delegation.created",
      subjectType: "delegation",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: {
        itemId: item.id,
        item: item.name,
        departmentId: department.id,
        placeId: place.id,
        place: place.name,
        validFrom: input.validFrom,
        validTo: input.validTo,
      },
    });
    return row.id;
  });
}
