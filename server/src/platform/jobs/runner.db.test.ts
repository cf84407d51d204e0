import { sql } from "kysely";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { databaseKinds, freshDatabase } from "../../test/databases.ts";
import type { DatabaseHandle } from "../db/database.ts";
import { defineJob, enqueue } from "./define.ts";
import { JobRunner } from "./runner.ts";

const log = pino({ level: "silent" });

describe.each(databaseKinds)("job queue on %s", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let database: DatabaseHandle;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    database = fresh.handle;
  });
  afterAll(() => fresh.drop());

  const jobRow = (id: number) =>
    database.db.selectFrom("job").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const lastJobId = async (kindName: string) =>
    (
      await database.db
        .selectFrom("job")
        .select("id")
        .where("kind", "=", kindName)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow()
    ).id;

  it("runs a job once and marks it done; a repeated enqueue with the same key is a no-op", async () => {
    const seen: string[] = [];
    const job = defineJob({
      kind: "test.record",
      payload: z.object({ text: z.string() }),
      handle: async (_ctx, p) => {
        seen.push(p.text);
      },
    });
    await enqueue(database.db, job, { text: "a" }, { dedupeKey: "record-a" });
    await enqueue(database.db, job, { text: "a" }, { dedupeKey: "record-a" });
    const runner = new JobRunner({ db: database.db, log, definitions: [job] });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual(["a"]);
    expect((await jobRow(await lastJobId("test.record"))).status).toBe("done");
  });

  it("rejects a payload that breaks its schema before it reaches the table", async () => {
    const job = defineJob({
      kind: "test.strict",
      payload: z.object({ n: z.number() }),
      handle: async () => {},
    });
    await expect(enqueue(database.db, job, { n: "x" } as unknown as { n: number })).rejects.toThrow();
  });

  it("retries a failing job with backoff, then moves it to dead letters", async () => {
    let calls = 0;
    const job = defineJob({
      kind: "test.flaky",
      payload: z.object({}),
      maxAttempts: 3,
      backoffSeconds: () => 0,
      handle: async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    });
    await enqueue(database.db, job, {});
    const runner = new JobRunner({ db: database.db, log, definitions: [job] });
    for (let i = 0; i < 5; i++) await runner.runOnce();
    expect(calls).toBe(3);
    const row = await jobRow(await lastJobId("test.flaky"));
    expect(row.status).toBe("dead");
    expect(row.attempts).toBe(3);
    expect(row.last_error).toBe("boom 3");
  });

  it("waits out the backoff before the next attempt", async () => {
    let calls = 0;
    const job = defineJob({
      kind: "test.backoff",
      payload: z.object({}),
      backoffSeconds: () => 3600,
      handle: async () => {
        calls++;
        throw new Error("later");
      },
    });
    await enqueue(database.db, job, {});
    const runner = new JobRunner({ db: database.db, log, definitions: [job] });
    await runner.runOnce();
    await runner.runOnce();
    expect(calls).toBe(1);
    const row = await jobRow(await lastJobId("test.backoff"));
    expect(row.status).toBe("pending");
    expect(row.run_at.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("takes over a job whose worker crashed once its lease runs out (at-least-once)", async () => {
    const handled: number[] = [];
    const job = defineJob({
      kind: "test.crash",
      payload: z.object({ n: z.number() }),
      handle: async (ctx, p) => {
        handled.push(p.n * 10 + ctx.attempt);
      },
    });
    await enqueue(database.db, job, { n: 7 });
    const id = await lastJobId("test.crash");
    // A worker leased the job and died: the row says running, with a lease that has now expired.
    await database.db
      .updateTable("job")
      .set({
        status: "running",
        attempts: 1,
        locked_by: "dead-worker",
        locked_until: new Date(Date.now() - 1000),
      })
      .where("id", "=", id)
      .execute();
    const runner = new JobRunner({ db: database.db, log, definitions: [job] });
    expect(await runner.runOnce()).toBe(1);
    expect(handled).toEqual([72]);
    expect((await jobRow(id)).status).toBe("done");
  });

  it("leaves a live lease alone", async () => {
    const job = defineJob({ kind: "test.leased", payload: z.object({}), handle: async () => {} });
    await enqueue(database.db, job, {});
    const id = await lastJobId("test.leased");
    await database.db
      .updateTable("job")
      .set({
        status: "running",
        attempts: 1,
        locked_by: "busy-worker",
        locked_until: new Date(Date.now() + 60_000),
      })
      .where("id", "=", id)
      .execute();
    const runner = new JobRunner({ db: database.db, log, definitions: [job] });
    expect(await runner.runOnce()).toBe(0);
  });

  it("shares the queue between concurrent runners without running any job twice", async () => {
    const counts = new Map<number, number>();
    const job = defineJob({
      kind: "test.shared",
      payload: z.object({ n: z.number() }),
      handle: async (_ctx, p) => {
        counts.set(p.n, (counts.get(p.n) ?? 0) + 1);
        await sql`select pg_sleep(0.001)`.execute(database.db);
      },
    });
    for (let n = 0; n < 40; n++) await enqueue(database.db, job, { n });
    const runners = [1, 2, 3].map(
      () => new JobRunner({ db: database.db, log, definitions: [job], batch: 3 }),
    );
    const drain = async (r: JobRunner) => {
      while ((await r.runOnce()) > 0) {}
    };
    await Promise.all(runners.map(drain));
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });

  it("keeps exactly one pending job per timer slot however many runners start", async () => {
    const job = defineJob({ kind: "test.timer", payload: z.object({}).strict(), handle: async () => {} });
    const schedules = [{ job, everySeconds: 3600 }];
    const runners = [1, 2].map(() => new JobRunner({ db: database.db, log, definitions: [job], schedules }));
    await Promise.all(runners.map((r) => r.runOnce()));
    const rows = await database.db
      .selectFrom("job")
      .select(["run_at"])
      .where("kind", "=", "test.timer")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.run_at.getTime()).toBeGreaterThan(Date.now());
  });
});
