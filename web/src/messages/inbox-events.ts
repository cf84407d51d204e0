// The header badge and the inbox page live in different parts of the tree; a window event lets the page
// tell the badge to count again after marking messages read, without a shared store.
const INBOX_CHANGED = "tongban:inbox-changed";

/** Tells every listener that the inbox changed (a message was read). */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

/** Calls `listener` whenever the inbox changed; returns the unsubscribe function. */
export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(INBOX_CHANGED, listener);
  return () => window.removeEventListener(INBOX_CHANGED, listener);
}
