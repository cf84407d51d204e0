import type { ItemContent } from "@tongban/core";

/** From 网上办理深度 Ⅱ (online pre-check) on, an application starts online. */
const ONLINE_FROM_DEPTH = 2;

/** How an entry point shows: a sign-in link for visitors, or "not open yet" until its service exists. */
export type EntryState = "sign-in" | "not-open";

/** Which entry points (在线办理, 预约办理) an item offers, and how each shows to this person. */
export interface ApplyEntries {
  online: EntryState | null;
  appointment: EntryState | null;
}

/**
 * The guide's entry points. The case engine and appointments come in later issues, so a signed-in
 * person sees them as not open yet rather than a page that pretends to work.
 */
export function applyEntries(
  content: Pick<ItemContent, "onlineDepth" | "appointment">,
  isSignedIn: boolean,
): ApplyEntries {
  const state: EntryState = isSignedIn ? "not-open" : "sign-in";
  return {
    online: content.onlineDepth >= ONLINE_FROM_DEPTH ? state : null,
    appointment: content.appointment ? state : null,
  };
}
