import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Actor } from "./actor.ts";
import type { Queryable, Tx } from "./db/database.ts";

/** One audit entry; `details` must already have personal identifiers masked. */
export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  onBehalfOf?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

// One constant key: appending to the chain is serialized, so each row links to exactly one predecessor.
const AUDIT_CHAIN_LOCK = 7_420_260_003;

/** JSON with object keys sorted at every level, so a value hashes the same however it was stored. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  occurred_at: Date;
  actor_id: string | null;
  actor_kind: Actor["kind"];
  on_behalf_of: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  details: unknown;
}

/** SHA-256 over the previous hash and the row's canonical form. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = canonicalJson([
    prevHash,
    row.occurred_at.toISOString(),
    row.actor_id,
    row.actor_kind,
    row.on_behalf_of,
    row.action,
    row.subject_type,
    row.subject_id,
    row.request_id,
    row.details,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** The hash the first row of the chain links to. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Appends an audit record inside the caller's transaction, so the record and the change commit or
 * roll back together. Each row carries the hash of the one before (a hash chain), and `audit_head`
 * remembers the end, so altering, deleting or truncating rows is detectable.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
  const head = await tx.selectFrom("audit_head").selectAll().executeTakeFirst();
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const row: ChainedFields = {
    // Millisecond precision, so the stored timestamp hashes the same when read back.
    occurred_at: new Date(Math.floor(Date.now())),
    actor_id: actor.id,
    actor_kind: actor.kind,
    on_behalf_of: entry.onBehalfOf ?? actor.actingFor?.id ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId ?? null,
    request_id: entry.requestId ?? null,
    details: entry.details ?? {},
  };
  const hash = chainHash(prevHash, row);
  const inserted = await tx
    .insertInto("audit_log")
    .values({ ...row, details: JSON.stringify(row.details), prev_hash: prevHash, hash })
    .returning("id")
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("audit_head")
    .values({ id: true, last_id: inserted.id, last_hash: hash, row_count: 1 })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        last_id: inserted.id,
        last_hash: hash,
        row_count: eb("audit_head.row_count", "+", 1),
      })),
    )
    .execute();
}

/** What verifying the chain found. */
export interface ChainReport {
  ok: boolean;
  rows: number;
  unchained: number;
  firstBrokenId: number | null;
  problem: string | null;
}

/**
 * Recomputes the chain from the first row: any altered row, removed row, inserted row or truncated
 * tail shows up as a mismatch. Reads in pages so a long log does not load into memory at once.
 */
export async function verifyAuditChain(q: Queryable, pageSize = 1000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let unchained = 0;
  let lastId = 0;
  let lastChainedId: number | null = null;
  for (;;) {
    const page = await q
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", lastId)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      lastId = row.id;
      if (row.hash === null) {
        // Rows written before the chain existed (migration 0002) are reported, not verified.
        if (rows > 0) return broken(rows, unchained, row.id, "unchained row after the chain began");
        unchained++;
        continue;
      }
      rows++;
      if (row.prev_hash !== prev)
        return broken(
          rows,
          unchained,
          row.id,
          "link to the previous row is broken (a row was removed or inserted)",
        );
      const expected = chainHash(prev, { ...row, details: row.details });
      if (expected !== row.hash)
        return broken(rows, unchained, row.id, "row content does not match its hash (the row was altered)");
      prev = row.hash;
      lastChainedId = row.id;
    }
  }
  const head = await q.selectFrom("audit_head").selectAll().executeTakeFirst();
  if (
    head &&
    (head.last_hash !== prev || Number(head.row_count) !== rows || head.last_id !== lastChainedId)
  ) {
    return broken(rows, unchained, lastChainedId, "the newest rows are missing (the chain ends early)");
  }
  if (!head && rows > 0) return broken(rows, unchained, null, "the chain head is missing");
  return { ok: true, rows, unchained, firstBrokenId: null, problem: null };
}

const broken = (rows: number, unchained: number, id: number | null, problem: string): ChainReport => ({
  ok: false,
  rows,
  unchained,
  firstBrokenId: id,
  problem,
});
