import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { deleteSession } from "./sessions.ts";

/** Ends the session behind the token, audited when it belonged to a signed-in account. */
export async function logOut(
  deps: Deps,
  actor: Actor,
  input: { token: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    await deleteSession(tx, input.token);
    if (actor.id) {
      await recordAudit(tx, actor, {
        action: "session.logout",
        subjectType: "account",
        subjectId: actor.id,
        requestId: input.requestId ?? null,
      });
    }
  });
}
