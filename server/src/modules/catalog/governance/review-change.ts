import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { conflict, invalid } from "../../../platform/errors.ts";
import { enqueue } from "../../../platform/jobs/define.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import { assertPublishable } from "./check.ts";
import { assertStep, loadChangeForUpdate } from "./guard.ts";
import { reviewStage } from "./lifecycle.ts";
import { publishChange } from "./publish-change.ts";
import { publishChangeJob, startOfLocalDate } from "./publish-job.ts";

/** What a review decided and where the change went. */
export interface ReviewOutcome {
  status: "consistency-review" | "returned" | "published" | "scheduled";
  publishedVersion: number | null;
}

/**
 * Records a review decision. Legality review (合法性审查) passes the change on to consistency review;
 * consistency review publishes it — now when its effective date has come, else at that date by a
 * durable job. A return sends it back to the editor with the reason. Nobody reviews their own change.
 */
export async function reviewChange(
  deps: Deps,
  actor: Actor,
  input: { id: string; decision: "approve" | "return"; reason?: string | null; requestId?: string },
): Promise<ReviewOutcome> {
  return deps.db.transaction().execute(async (tx) => {
    const change = await loadChangeForUpdate(tx, actor, input.id);
    const stage = reviewStage(change.status);
    if (stage === null)
      throw conflict("CATALOG_CHANGE_NOT_IN_REVIEW", `变更申请 ${change.number} 不在审核中`, {
        status: change.status,
      });
    assertStep(actor, stage === "legality" ? "review-legality" : "review-consistency", change);
    const reason = input.reason?.trim() || null;
    if (input.decision === "return" && reason === null)
      throw invalid("CATALOG_RETURN_REASON_REQUIRED", "退回须说明理由");
    // The catalog may have moved since submission (a window closed, a department changed): check again.
    if (input.decision === "approve" && stage === "consistency" && change.kind !== "cancel")
      await assertPublishable(tx, change.content);
    await tx
      .insertInto("change_review")
      .values({
        change_request_id: change.id,
        stage,
        decision: input.decision,
        reason,
        reviewer_id: actor.id as string,
      })
      .execute();
    const today = todayInShanghai();
    const status: ReviewOutcome["status"] =
      input.decision === "return"
        ? "returned"
        : stage === "legality"
          ? "consistency-review"
          : change.effective_from <= today
            ? "published"
            : "scheduled";
    await recordAudit(tx, actor, {
      action: input.decision === "return" ? "catalog.change-returned" : "catalog.change-approved",
      subjectType: "change_request",
      subjectId: change.id,
      requestId: input.requestId ?? null,
      details: { number: change.number, stage, reason },
    });
    if (status === "published") {
      const version = await publishChange(tx, actor, change.id);
      return { status, publishedVersion: version };
    }
    await tx
      .updateTable("change_request")
      .set({ status, updated_at: new Date() })
      .where("id", "=", change.id)
      .execute();
    if (status === "scheduled") {
      await enqueue(
        tx,
        publishChangeJob,
        { changeRequestId: change.id },
        { runAt: startOfLocalDate(change.effective_from), dedupeKey: `catalog.publish-change:${change.id}` },
      );
    }
    return { status, publishedVersion: null };
  });
}
