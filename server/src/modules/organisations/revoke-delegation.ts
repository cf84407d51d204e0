import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import { delegationTarget } from "./present.ts";
import { delegationStatus, findDelegation } from "./queries.ts";
import { todayInShanghai } from "./rules.ts";

/** Withdraws a delegation early; the row stays, marked revoked, for the record. */
export async function revokeDelegation(
  deps: Deps,
  actor: Actor,
  input: { id: string; reason: string; requestId?: string },
): Promise<void> {
  authorize(actor, "delegation.manage");
  await deps.db.transaction().execute(async (tx) => {
    const missing = notFound("DELEGATION_NOT_FOUND", "委托记录不存在");
    const delegation = await findDelegation(tx, input.id);
    if (!delegation) throw missing;
    hideUnlessAllowed(actor, "delegation.manage", delegationTarget(delegation), missing);
    const status = delegationStatus(delegation, todayInShanghai());
    if (status === "revoked") throw conflict("DELEGATION_ALREADY_REVOKED", "该委托已撤销");
    if (status === "expired") throw conflict("DELEGATION_EXPIRED", "该委托已到期，无需撤销");
    const updated = await tx
      .updateTable("delegation")
      .set({ revoked_at: new Date(), revoked_by: actor.id, revoke_reason: input.reason })
      .where("id", "=", delegation.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw conflict("DELEGATION_ALREADY_REVOKED", "该委托已撤销");
    await recordAudit(tx, actor, {
      action: "delegation.revoked",
      subjectType: "delegation",
      subjectId: delegation.id,
      requestId: input.requestId ?? null,
      details: { itemId: delegation.item_id, placeId: delegation.place_id, reason: input.reason },
    });
  });
}
