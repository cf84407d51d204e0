import { api, query } from "../api/client.ts";

/** One message in the demo channel's outbox (what would have gone out by SMS, e-mail or site notice). */
export interface OutboxMessage {
  id: string;
  channel: "sms" | "email" | "site";
  recipientMasked: string;
  template: string;
  body: string;
  createdAt: string;
}

/** The audit log's hash-chain check: `ok`, or the first row whose hash no longer matches. */
export interface AuditChainReport {
  ok: boolean;
  rows: number;
  /** Rows written before the chain existed, which it cannot vouch for. */
  unchained: number;
  firstBrokenId: number | null;
  problem: string | null;
}

/** Messages in the outbox, newest first, optionally only those to one mobile number. */
export function listOutbox(
  mobile: string | undefined,
  signal?: AbortSignal,
): Promise<{ items: OutboxMessage[] }> {
  return api(`/api/admin/outbox${query({ mobile })}`, { signal });
}

/** Recomputes the audit log's hash chain on the server. */
export function verifyAuditChain(signal?: AbortSignal): Promise<AuditChainReport> {
  return api("/api/admin/audit/verify", { signal });
}
