import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { assertPublishable } from "./check.ts";
import { assertStep, loadChangeForUpdate } from "./guard.ts";

/**
 * Sends a draft or returned change to legality review (合法性审查). The document must pass the
 * catalog's checks first: any error finding blocks it (CATALOG_FINDINGS_BLOCK, with the findings).
 */
export async function submitChange(deps: Deps, actor: Actor, input: { id: string; requestId?: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const change = await loadChangeForUpdate(tx, actor, input.id);
    assertStep(actor, "submit", change);
    if (change.kind !== "cancel") await assertPublishable(tx, change.content);
    await tx
      .updateTable("change_request")
      .set({ status: "legality-review", submitted_at: new Date(), updated_at: new Date() })
      .where("id", "=", change.id)
      .execute();
    await recordAudit(tx, actor, {
      action: "catalog.change-submitted",
      subjectType: "change_request",
      subjectId: change.id,
      requestId: input.requestId ?? null,
      details: { number: change.number, kind: change.kind, itemId: change.item_id },
    });
  });
}
