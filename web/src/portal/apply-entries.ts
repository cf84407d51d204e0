import type { ItemContent } from "@tongban/core";

/** From 网上办理深度 Ⅱ (online pre-check) on, an application starts online. */
const ONLINE_FROM_DEPTH = 2;

/** How an entry point shows: a sign-in link for visitors, the way in when open, or "not open yet" until its service exists. */
export type EntryState = "sign-in" | "open" | "not-open";

/** Which entry points (在线办理, 预约办理) an item offers, and how each shows to this person. */
export interface ApplyEntries {
  online: EntryState | null;
  appointment: EntryState | null;
}

/**
 * The guide's entry points. 在线办理 leads a signed-in person to the application; appointments come in
 * a later issue, so they show as not open yet rather than a page that pretends to work.
 */
export function applyEntries(
  content: Pick<ItemContent, "onlineDepth" | "appointment">,
  isSignedIn: boolean,
): ApplyEntries {
  return {
    online: content.onlineDepth >= ONLINE_FROM_DEPTH ? (isSignedIn ? "open" : "sign-in") : null,
    appointment: content.appointment ? (isSignedIn ? "not-open" : "sign-in") : null,
  };
}
