import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { assertStep, loadChangeForUpdate } from "./guard.ts";

/** Withdraws a change before it is published; a scheduled publication then does nothing when due. */
export async function withdrawChange(deps: Deps, actor: Actor, input: { id: string; requestId?: string }) {
  await deps.db.transaction().execute(async (tx) => {
    const change = await loadChangeForUpdate(tx, actor, input.id);
    assertStep(actor, "withdraw", change);
    await tx
      .updateTable("change_request")
      .set({ status: "withdrawn", updated_at: new Date() })
      .where("id", "=", change.id)
      .execute();
    await recordAudit(tx, actor, {
      action: "catalog.change-withdrawn",
      subjectType: "change_request",
      subjectId: change.id,
      requestId: input.requestId ?? null,
      details: { number: change.number, from: change.status },
    });
  });
}
