import type { Logger } from "pino";
import type { z } from "zod";
import type { Db, Queryable } from "../db/database.ts";

/** What a job handler may use; handlers must be idempotent because delivery is at-least-once. */
export interface JobContext {
  db: Db;
  log: Logger;
  jobId: number;
  attempt: number;
}

/** A typed kind of background work: a name, a zod payload, and an idempotent handler. */
export interface JobDefinition<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  maxAttempts: number;
  /** Seconds to wait before attempt `attempt + 1`. */
  backoffSeconds: (attempt: number) => number;
  // Method syntax on purpose: any JobDefinition<P> can then be listed where JobDefinition<unknown> is expected.
  handle(context: JobContext, payload: P): Promise<void>;
}

/** Exponential backoff with a ceiling: 10 s, 20 s, 40 s … at most one hour. */
export const exponentialBackoff = (attempt: number) => Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));

/** Declares a job kind. */
export function defineJob<P>(definition: {
  kind: string;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  backoffSeconds?: (attempt: number) => number;
  handle: (context: JobContext, payload: P) => Promise<void>;
}): JobDefinition<P> {
  return { maxAttempts: 5, backoffSeconds: exponentialBackoff, ...definition };
}

/**
 * Enqueues a job inside the caller's transaction, so it exists only if the change commits.
 * With a `dedupeKey` a second enqueue of the same work is a no-op.
 */
export async function enqueue<P>(
  q: Queryable,
  definition: JobDefinition<P>,
  payload: P,
  options: { runAt?: Date; dedupeKey?: string } = {},
): Promise<void> {
  const parsed = definition.payload.parse(payload);
  await q
    .insertInto("job")
    .values({
      kind: definition.kind,
      payload: JSON.stringify(parsed ?? {}),
      run_at: options.runAt ?? new Date(),
      max_attempts: definition.maxAttempts,
      dedupe_key: options.dedupeKey ?? null,
      locked_by: null,
      locked_until: null,
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}

/** A recurring timer: the runner keeps the next slot's job enqueued (deduplicated across instances). */
export interface Schedule {
  job: JobDefinition<Record<string, never>>;
  everySeconds: number;
}
