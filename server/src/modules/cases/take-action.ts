import { randomBytes } from "node:crypto";
import {
  buildChecklist,
  type CaseAction,
  type CaseStatus,
  caseActionRule,
  caseNumber,
  isCaseStatus,
  isLocalDate,
  queryCodeFromBytes,
  statusAfter,
} from "@tongban/core";
import type { Updateable } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";
import type { CaseDelivery } from "../../platform/db/tables-cases.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { openPaymentOrder, refuseIfUnpaid } from "../payments/open-order.ts";
import { checkFormForSubmit } from "./case-form.ts";
import { checkDelivery, trackingOf } from "./delivery.ts";
import { loadCaseFor } from "./guard.ts";
import { tryInstantApproval } from "./instant-approval.ts";
import { itemsOf, latestEvent, noticeItems } from "./notice.ts";
import { openPledgeCheck } from "./pledge-checks.ts";
import { pledgedMaterialIds } from "./pledge-material.ts";
import { type CaseRow, listMaterials, nextSequence } from "./queries.ts";
import { planReassign, type ReassignTarget } from "./reassign-case.ts";
import { recordStep } from "./record-event.ts";
import { caseToday } from "./today.ts";

/** What a lifecycle action may carry; each action's `needs` in the core table say which are required. */
export interface ActionInput {
  id: string;
  action: CaseAction;
  comment?: string | null;
  reason?: string | null;
  materials?: { materialId: string; problem: string }[];
  days?: number;
  dueDate?: string;
  outcome?: "approved" | "rejected";
  delivery?: CaseDelivery;
  /** An approval of an item with several charged fees: the positions of those that apply. */
  fees?: number[];
  /** 转办: the place or department the case is sent to. */
  target?: ReassignTarget;
  requestId?: string;
}

type Step = { set: Updateable<Database["cases"]>; details: Record<string, unknown>; previous?: CaseStatus };

const text = (value: string | null | undefined) => value?.trim() || null;

/** Refuses an action whose required inputs (the core table's `needs`) are missing or malformed. */
function checkNeeds(input: ActionInput, today: string): void {
  const needs: readonly string[] = caseActionRule(input.action).needs;
  if (needs.includes("comment") && !text(input.comment)) throw invalid("CASE_COMMENT_REQUIRED", "请填写意见");
  if (needs.includes("reason") && !text(input.reason)) throw invalid("CASE_REASON_REQUIRED", "请说明理由");
  if (needs.includes("days") && !(Number.isInteger(input.days) && (input.days ?? 0) >= 1))
    throw invalid("CASE_DAYS_REQUIRED", "请填写延长的天数");
  if (needs.includes("dueDate") && !(input.dueDate && isLocalDate(input.dueDate) && input.dueDate > today))
    throw invalid("CASE_DUE_DATE_REQUIRED", "请填写今天之后的补齐期限");
  if (input.action === "reassign" && !input.target)
    throw invalid("CASE_TARGET_REQUIRED", "请选择转办的场所或部门");
  if (needs.includes("outcome") && !input.outcome) throw invalid("CASE_OUTCOME_REQUIRED", "请选择决定结果");
  if (needs.includes("delivery")) {
    checkDelivery(input.delivery);
  }
}

/** Required materials of the applicant's checklist (on the pinned content) that have no current file. */
async function missingMaterials(tx: Tx, row: CaseRow): Promise<string[]> {
  const files = await listMaterials(tx, row.id);
  // 告知承诺: a standing commitment stands in for the proof it names.
  const pledged = await pledgedMaterialIds(tx, row.id);
  return buildChecklist(row.content, row.answers)
    .materials.filter((m) => m.required && !files.some((f) => f.material_id === m.id) && !pledged.has(m.id))
    .map((m) => m.id);
}

/** The rules of each step beyond its status, role and needs; returns what the step changes. */
async function planStep(
  tx: Tx,
  row: CaseRow,
  input: ActionInput,
  today: string,
  actor: Actor,
): Promise<Step> {
  switch (input.action) {
    case "reassign":
      return planReassign(tx, actor, row, input.target, text(input.reason), today);
    case "submit":
    case "resubmit": {
      const checklist = buildChecklist(row.content, row.answers);
      if (checklist.unanswered.length > 0)
        throw invalid("CASE_UNANSWERED", "请先回答全部情形问题", { situations: checklist.unanswered });
      checkFormForSubmit(row);
      const missing = await missingMaterials(tx, row);
      if (missing.length > 0)
        throw invalid("CASE_MATERIALS_MISSING", "尚有必需的申请材料未上传", { materials: missing });
      if (row.number) return { set: { submitted_at: new Date() }, details: {} };
      const number = caseNumber(
        row.implementation_code,
        today,
        await nextSequence(tx, row.implementation_code, today),
      );
      return {
        set: { number, query_code: queryCodeFromBytes(randomBytes(6)), submitted_at: new Date() },
        details: { number },
      };
    }
    case "request-correction": {
      const items = noticeItems(row.content, input.materials);
      // 行政许可法 §32(4): everything missing is told at once. A later notice may only concern files
      // uploaded since the first one, never something the first notice should have named.
      const first = await latestEvent(tx, row.id, "request-correction", true);
      if (first) {
        const files = await listMaterials(tx, row.id);
        const stale = items.filter(
          (item) =>
            !files.some(
              (f) => f.material_id === item.materialId && new Date(f.uploaded_at) > new Date(first.at),
            ),
        );
        if (stale.length > 0)
          throw invalid("CASE_NOTICE_ONCE", "补正须一次性告知：再次补正只能针对首次告知后新上传的材料", {
            materials: stale.map((s) => s.materialId),
          });
      }
      return { set: {}, details: { items } };
    }
    case "accept": {
      const missing = await missingMaterials(tx, row);
      if (missing.length > 0)
        throw conflict("CASE_MATERIALS_MISSING", "材料不齐全，不能受理", { materials: missing });
      return { set: { accepted_on: today }, details: {} };
    }
    case "accept-pending": {
      const items = noticeItems(row.content, input.materials);
      return {
        set: { accepted_on: today, pending_due_on: input.dueDate },
        details: { items, dueDate: input.dueDate },
      };
    }
    case "supply-pending": {
      const owed = await latestEvent(tx, row.id, "accept-pending");
      const files = await listMaterials(tx, row.id);
      const since = owed ? new Date(owed.at) : new Date(0);
      const unsupplied = itemsOf(owed?.details).filter(
        (item) => !files.some((f) => f.material_id === item.materialId && new Date(f.uploaded_at) > since),
      );
      if (unsupplied.length > 0)
        throw invalid("CASE_PENDING_NOT_SUPPLIED", "容缺材料尚未补齐", {
          materials: unsupplied.map((u) => u.materialId),
        });
      return { set: { pending_due_on: null }, details: {} };
    }
    case "refuse":
      return { set: { completed_at: new Date() }, details: { reason: text(input.reason) } };
    case "suspend":
      return { set: { suspended_since: today }, details: { reason: text(input.reason) } };
    case "resume": {
      const suspended = await tx
        .selectFrom("case_event")
        .select("from_status")
        .where("case_id", "=", row.id)
        .where("action", "=", "suspend")
        .orderBy("id", "desc")
        .limit(1)
        .executeTakeFirst();
      const previous = suspended?.from_status;
      if (!previous || !isCaseStatus(previous)) throw conflict("CASE_NOT_SUSPENDED", "办件未处于特别程序");
      return { set: { suspended_since: null }, details: { since: row.suspended_since }, previous };
    }
    case "extend":
      return {
        set: { extension_days: row.extension_days + (input.days ?? 0) },
        details: { reason: text(input.reason), days: input.days },
      };
    case "decide":
      return { set: { outcome: input.outcome }, details: { outcome: input.outcome } };
    case "complete": {
      await refuseIfUnpaid(tx, row.id);
      const delivery = checkDelivery(input.delivery);
      return {
        set: { delivery: JSON.stringify(delivery), completed_at: new Date() },
        details: { delivery: delivery.method, tracking: trackingOf(delivery) },
      };
    }
    case "instant-approve":
      // Only the platform takes this step (tryInstantApproval); the guard refuses everyone else first.
      throw conflict("CASE_SYSTEM_ONLY", "秒批办结由系统根据秒批规则自动作出");
    case "withdraw":
      return { set: { completed_at: new Date() }, details: {} };
    case "terminate":
      return { set: { completed_at: new Date() }, details: { reason: text(input.reason) } };
    case "start-review":
      return { set: {}, details: {} };
    case "save":
      throw invalid("CASE_SAVE_BY_PUT", "保存草稿请使用 PUT /api/cases/{id}");
  }
}

/**
 * Takes one lifecycle action on a case (the one endpoint for every step): checks the status, the
 * actor's role and scope and the action's inputs, applies the step's own rules, and commits the new
 * status with its event, audit record, recomputed due dates and message to the applicant.
 */
export async function takeAction(deps: Deps, actor: Actor, input: ActionInput): Promise<void> {
  const today = caseToday();
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, input.action);
    checkNeeds(input, today);
    const step = await planStep(tx, row, input, today, actor);
    await recordStep(deps, tx, actor, row, {
      action: input.action,
      to: statusAfter(input.action, row.status, step.previous),
      today,
      set: step.set,
      comment: text(input.comment),
      details: step.details,
      requestId: input.requestId,
    });
    // 告知承诺: accepting a case that stands on commitments opens its post-verification task.
    await openPledgeCheck(deps, tx, actor, row, input.action, today);
    // 缴费: an approval of an item that charges opens its payment order in the same transaction.
    if (input.action === "decide" && input.outcome === "approved")
      await openPaymentOrder(deps, tx, actor, row, { fees: input.fees, today, requestId: input.requestId });
    // 秒批: a submission of an item whose rules all pass completes at once, in this same transaction.
    if (input.action === "submit" || input.action === "resubmit")
      await tryInstantApproval(deps, tx, actor, row.id, today, input.requestId);
  });
}
