import type { Actor } from "../../../platform/actor.ts";
import type { Deps } from "../../../platform/deps.ts";
import { type OpenChangeInput, openChange } from "./open-change.ts";

/** Drafts a change request (create, change or cancel an item) for the editor to complete and submit. */
export function createChange(
  deps: Deps,
  actor: Actor,
  input: OpenChangeInput & { requestId?: string },
): Promise<{ id: string; number: string }> {
  return deps.db
    .transaction()
    .execute((tx) => openChange(tx, actor, input, { submit: false, requestId: input.requestId ?? null }));
}
