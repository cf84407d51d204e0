import { api, query } from "../api/client.ts";

/** One site message (站内信) of the signed-in person. */
export interface SiteMessage {
  id: string;
  /** The event that made it, e.g. case.request-correction. */
  template: string;
  body: string;
  /** The case the message is about, when it is about one. */
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A page of the inbox and the number still unread. */
export interface InboxPage {
  total: number;
  unread: number;
  page: number;
  pageSize: number;
  items: SiteMessage[];
}

/** The signed-in person's messages, newest first. */
export function listMessages(
  filter: { page?: number; pageSize?: number; unread?: boolean },
  signal?: AbortSignal,
): Promise<InboxPage> {
  return api(
    `/api/messages${query({ page: filter.page, pageSize: filter.pageSize, unread: filter.unread ? "true" : undefined })}`,
    { signal },
  );
}

/** Marks one message read. */
export function markRead(id: string): Promise<void> {
  return api(`/api/messages/${encodeURIComponent(id)}/read`, { method: "POST" });
}

/** Marks every unread message read. */
export function markAllRead(): Promise<{ changed: number }> {
  return api("/api/messages/read-all", { method: "POST" });
}
