import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Logger } from "pino";
import type { Db } from "../db/database.ts";
import type { JobRow } from "../db/schema.ts";
import { enqueue, type JobDefinition, type Schedule } from "./define.ts";

/** Figures the runner reports about its own work, for /metrics. */
export interface JobEvents {
  onFinished?: (kind: string, outcome: "done" | "retry" | "dead", seconds: number) => void;
}

/**
 * Leases due jobs with FOR UPDATE SKIP LOCKED, so any number of instances share one table
 * without taking the same job; a worker that dies loses its lease and the job runs again.
 */
export class JobRunner {
  readonly workerId = `worker-${randomUUID().slice(0, 8)}`;
  readonly #db: Db;
  readonly #log: Logger;
  readonly #definitions: Map<string, JobDefinition<unknown>>;
  readonly #schedules: Schedule[];
  readonly #pollMs: number;
  readonly #leaseSeconds: number;
  readonly #batch: number;
  readonly #events: JobEvents;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(options: {
    db: Db;
    log: Logger;
    definitions: readonly JobDefinition<unknown>[];
    schedules?: readonly Schedule[];
    pollMs?: number;
    leaseSeconds?: number;
    batch?: number;
    events?: JobEvents;
  }) {
    this.#db = options.db;
    this.#log = options.log;
    this.#definitions = new Map(options.definitions.map((d) => [d.kind, d]));
    this.#schedules = [...(options.schedules ?? [])];
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseSeconds = options.leaseSeconds ?? 300;
    this.#batch = options.batch ?? 5;
    this.#events = options.events ?? {};
  }

  /** Starts polling; returns at once. */
  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for the jobs in hand to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.runOnce()
        .then((count) => this.#schedule(count > 0 ? 0 : this.#pollMs))
        .catch((err: unknown) => {
          this.#log.error({ err }, "job poll failed");
          this.#schedule(this.#pollMs);
        });
    }, delay);
    this.#timer.unref();
  }

  /** Enqueues the next slot of every schedule, then leases and runs one batch; returns how many ran. */
  async runOnce(): Promise<number> {
    await this.#ensureSchedules();
    const jobs = await this.#claim();
    for (const job of jobs) await this.#run(job);
    return jobs.length;
  }

  async #ensureSchedules(): Promise<void> {
    const now = Date.now();
    for (const s of this.#schedules) {
      const slot = Math.floor(now / 1000 / s.everySeconds) + 1;
      const runAt = new Date(slot * s.everySeconds * 1000);
      await enqueue(this.#db, s.job, {}, { runAt, dedupeKey: `${s.job.kind}@${runAt.toISOString()}` });
    }
  }

  async #claim(): Promise<JobRow[]> {
    const kinds = [...this.#definitions.keys()];
    if (kinds.length === 0) return [];
    const result = await sql<JobRow>`
      UPDATE job SET status = 'running', attempts = attempts + 1, locked_by = ${this.workerId},
        locked_until = now() + make_interval(secs => ${this.#leaseSeconds})
      WHERE id IN (
        SELECT id FROM job
        WHERE kind = ANY(${kinds}::text[])
          AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
        ORDER BY run_at, id
        LIMIT ${this.#batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(this.#db);
    return result.rows;
  }

  async #run(job: JobRow): Promise<void> {
    const definition = this.#definitions.get(job.kind);
    const started = performance.now();
    const log = this.#log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    try {
      if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
      if (job.attempts > job.max_attempts) throw new Error("lease expired on every attempt");
      const payload = definition.payload.parse(job.payload);
      await definition.handle({ db: this.#db, log, jobId: job.id, attempt: job.attempts }, payload);
      await this.#db
        .updateTable("job")
        .set({
          status: "done",
          finished_at: new Date(),
          locked_by: null,
          locked_until: null,
          last_error: null,
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", this.workerId)
        .execute();
      this.#events.onFinished?.(job.kind, "done", (performance.now() - started) / 1000);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= job.max_attempts || !definition;
      const backoff = definition?.backoffSeconds(job.attempts) ?? 0;
      await this.#db
        .updateTable("job")
        .set({
          status: dead ? "dead" : "pending",
          run_at: new Date(Date.now() + backoff * 1000),
          finished_at: dead ? new Date() : null,
          locked_by: null,
          locked_until: null,
          last_error: message.slice(0, 2000),
        })
        .where("id", "=", job.id)
        .where("locked_by", "=", this.workerId)
        .execute();
      if (dead) log.error({ err }, "job moved to dead letters");
      else log.warn({ err, retryInSeconds: backoff }, "job failed; will retry");
      this.#events.onFinished?.(job.kind, dead ? "dead" : "retry", (performance.now() - started) / 1000);
    }
  }
}
