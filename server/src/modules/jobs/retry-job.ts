import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";

/** Puts a dead-lettered job back in the queue with a fresh set of attempts. */
export async function retryJob(
  deps: Deps,
  actor: Actor,
  input: { id: number; requestId?: string },
): Promise<void> {
  authorize(actor, "jobs.inspect");
  await deps.db.transaction().execute(async (tx) => {
    const job = await tx
      .selectFrom("job")
      .select(["id", "status", "kind"])
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!job) throw notFound("JOB_NOT_FOUND", "任务不存在");
    if (job.status !== "dead") throw conflict("JOB_NOT_DEAD", "只有失败终止的任务可以重试");
    await tx
      .updateTable("job")
      .set({ status: "pending", attempts: 0, run_at: new Date(), finished_at: null, last_error: null })
      .where("id", "=", input.id)
      .execute();
    await recordAudit(tx, actor, {
      action: "job.retried",
      subjectType: "job",
      subjectId: String(input.id),
      requestId: input.requestId ?? null,
      details: { kind: job.kind },
    });
  });
}
