import { buildChecklist, caseActionNames, caseStatusNames } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { clocksOf, loadCalendar, loadSuspensions } from "./clock.ts";
import { availableDocuments } from "./documents/case-documents.ts";
import { scopeOf } from "./guard.ts";
import { INSTANT_FAILED, instantOutcome } from "./instant-approval.ts";
import { itemsOf } from "./notice.ts";
import { caseAbilities } from "./policy.ts";
import { type CaseRow, listEvents, listMaterials } from "./queries.ts";
import type { CaseDetail } from "./schemas.ts";
import { caseToday } from "./today.ts";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// Timeline entries that are not lifecycle actions: creation, files, and the deadline sweep's alerts.
const otherActionNames: Record<string, string> = {
  create: "创建申请",
  upload: "上传材料",
  "remove-file": "删除材料",
  pledge: "告知承诺",
  "withdraw-pledge": "撤回告知承诺",
  "pledge.check-opened": "创建告知承诺核查任务",
  "pledge.verified": "告知承诺核查属实",
  "pledge.failed": "告知承诺核查不实",
  "case.due-soon": "即将到期提醒",
  "case.overdue": "超期提醒",
  "pending.reminder": "容缺补齐提醒",
  [INSTANT_FAILED]: "秒批未通过，转人工办理",
  "payment.ordered": "开具缴款单",
  "payment.paid": "已缴费",
};

/** The Chinese name of a timeline action. */
export function actionName(action: string): string {
  return (caseActionNames as Record<string, string>)[action] ?? otherActionNames[action] ?? action;
}

/** The whole case as its applicant or in-scope staff see it, with the actions the viewer may take. */
export async function presentCase(q: Queryable, actor: Actor, row: CaseRow): Promise<CaseDetail> {
  const [events, files, suspensions, calendar] = await Promise.all([
    listEvents(q, row.id),
    listMaterials(q, row.id),
    loadSuspensions(q, row.id),
    loadCalendar(q),
  ]);
  const checklist = buildChecklist(row.content, row.answers);
  const noticeAction =
    row.status === "correction-requested"
      ? "request-correction"
      : row.status === "accepted-pending"
        ? "accept-pending"
        : null;
  const noticeEvent = noticeAction ? events.findLast((e) => e.action === noticeAction) : undefined;
  return {
    id: row.id,
    number: row.number,
    queryCode: row.query_code,
    status: row.status,
    statusName: caseStatusNames[row.status],
    outcome: row.outcome,
    channel: row.channel,
    item: {
      id: row.item_id,
      name: row.content.name,
      version: row.item_version,
      department: row.department_name,
    },
    applicant: { id: row.applicant_id, name: row.applicant_name },
    actedBy: row.acted_by_id ? { id: row.acted_by_id, name: row.acted_by_name ?? "" } : null,
    answers: row.answers,
    form: row.form,
    itemForm: row.content.form,
    checklist: {
      materials: checklist.materials.map((m) => ({
        id: m.id,
        name: m.name,
        required: m.required,
        addedBy: m.addedBy,
      })),
      conditions: checklist.conditions,
      unanswered: checklist.unanswered,
    },
    materials: files.map((f) => ({
      id: f.id,
      materialId: f.material_id,
      name: f.name,
      mediaType: f.media_type,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: new Date(f.uploaded_at).toISOString(),
    })),
    notice: noticeEvent
      ? {
          items: itemsOf(noticeEvent.details),
          at: new Date(noticeEvent.at).toISOString(),
          dueDate: (noticeEvent.details as { dueDate?: string }).dueDate ?? null,
        }
      : null,
    acceptedOn: row.accepted_on,
    pendingDueOn: row.pending_due_on,
    delivery: row.delivery,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actionName: actionName(e.action),
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? "" } : null,
      onBehalfOfId: e.on_behalf_of_id,
      channel: e.channel,
      comment: e.comment,
      details: e.details,
      at: iso(e.at) as string,
    })),
    clock: clocksOf(calendar, row, suspensions, caseToday()),
    abilities: caseAbilities(actor, scopeOf(row)),
    instant: instantOutcome(events),
    documents: availableDocuments(row, events),
  };
}
