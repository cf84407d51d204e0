import { can, type LocalDate, pledgeCheckStatusNames, regionPrefix } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Queryable, Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { sendMessage } from "../notifications/send-message.ts";
import { loadCalendar } from "./clock.ts";
import { listPledges } from "./pledge-material.ts";
import { canSeeCase } from "./policy.ts";
import type { CaseRow } from "./queries.ts";
import { maskName } from "./record-event.ts";
import { caseToday } from "./today.ts";

// 事后核查: a case accepted on commitments gets one post-verification task, which the department's
// reviewers or decision makers resolve as verified or failed. A failed check means the decision rests on
// an untrue commitment: the applicant is told it will be revoked according to law (行政许可法 §69).

// Acceptance in either form starts the task: plain acceptance, or 容缺受理 with materials owed.
const acceptances = new Set(["accept", "accept-pending"]);

/** Appends a case event that is not a lifecycle step (the status stays), as the deadline sweep does. */
async function appendEvent(
  tx: Tx,
  caseId: string,
  input: {
    action: string;
    actorId: string | null;
    comment?: string | null;
    details: Record<string, unknown>;
  },
): Promise<{ number: string | null; status: string; channel: string }> {
  const row = await tx
    .selectFrom("cases")
    .select(["number", "status", "channel"])
    .where("id", "=", caseId)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("case_event")
    .values({
      case_id: caseId,
      action: input.action,
      from_status: row.status,
      to_status: row.status,
      actor_id: input.actorId,
      on_behalf_of_id: null,
      channel: row.channel,
      comment: input.comment ?? null,
      details: JSON.stringify(input.details),
      at: new Date(),
    })
    .execute();
  return row;
}

/**
 * Opens the case's pledge check when an acceptance step commits and the case stands on commitments:
 * due PLEDGE_CHECK_WORKDAYS working days after acceptance on the published calendar. Called inside the
 * acceptance's transaction, so the task exists exactly when the acceptance does.
 */
export async function openPledgeCheck(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  action: string,
  today: LocalDate,
): Promise<void> {
  if (!acceptances.has(action)) return;
  const pledges = await listPledges(tx, row.id);
  if (pledges.length === 0) return;
  const calendar = await loadCalendar(tx);
  const dueOn = calendar.addWorkdays(today, deps.config.PLEDGE_CHECK_WORKDAYS).due;
  const materials = pledges.map((p) => ({
    materialId: p.material_id,
    name: p.material_name,
    pledgeId: p.id,
  }));
  const opened = await tx
    .insertInto("pledge_check")
    .values({ case_id: row.id, materials: JSON.stringify(materials), opened_on: today, due_on: dueOn })
    .onConflict((oc) => oc.column("case_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!opened) return;
  const details = { on: today, checkId: opened.id, dueOn, materials: materials.map((m) => m.name) };
  await appendEvent(tx, row.id, { action: "pledge.check-opened", actorId: actor.id, details });
  await recordAudit(tx, actor, {
    action: "pledge.check-opened",
    subjectType: "case",
    subjectId: row.id,
    details: { number: row.number, ...details },
  });
}

function baseQuery(q: Queryable) {
  return q
    .selectFrom("pledge_check as k")
    .innerJoin("cases as c", "c.id", "k.case_id")
    .innerJoin("item as i", "i.id", "c.item_id")
    .innerJoin("account as a", "a.id", "c.applicant_id")
    .leftJoin("account as r", "r.id", "k.resolved_by");
}

/** One page of pledge checks in the actor's department: open, overdue (open and past due) or all. */
export async function listPledgeChecks(
  q: Queryable,
  actor: Actor,
  options: { filter: "open" | "overdue" | "all"; page: number; pageSize: number; today: LocalDate },
) {
  // The SQL form of pledge.verify: the case's department is the actor's, its region under the actor's.
  const region = actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : null;
  let query = baseQuery(q).where((eb) =>
    region && actor.departmentId
      ? eb.and([eb("c.region_code", "like", region), eb("c.department_id", "=", actor.departmentId)])
      : eb.val(false),
  );
  if (options.filter !== "all") query = query.where("k.status", "=", "open");
  if (options.filter === "overdue") query = query.where("k.due_on", "<", options.today);
  const counted = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirst();
  const rows = await query
    .selectAll("k")
    .select([
      "c.number",
      "i.name as item_name",
      "a.display_name as applicant_name",
      "a.kind as applicant_kind",
      "r.display_name as resolved_by_name",
    ])
    // Open tasks first (not resolved yet), soonest due first; then the latest resolved.
    .orderBy("k.resolved_at", (ob) => ob.desc().nullsFirst())
    .orderBy("k.due_on")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return {
    total: Number(counted?.total ?? 0),
    items: rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      caseNumber: row.number,
      itemName: row.item_name,
      applicantName: maskName(row.applicant_name, row.applicant_kind),
      status: row.status,
      statusName: pledgeCheckStatusNames[row.status],
      materials: row.materials.map(({ materialId, name }) => ({ materialId, name })),
      openedOn: row.opened_on,
      dueOn: row.due_on,
      overdue: row.status === "open" && row.due_on < options.today,
      note: row.note,
      resolvedBy: row.resolved_by ? { id: row.resolved_by, name: row.resolved_by_name ?? "" } : null,
      resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    })),
  };
}

const resultText = {
  verified: (item: string, number: string, names: string) =>
    `您申请的「${item}」（办件编号 ${number}）中以告知承诺代替的材料（${names}）经核查，承诺属实，核查已完成。`,
  failed: (item: string, number: string, names: string) =>
    `您申请的「${item}」（办件编号 ${number}）中以告知承诺代替的材料（${names}）经核查，承诺内容与实际情况不符，承诺不实。` +
    "行政机关将依法撤销据此作出的决定，并依法追究相应责任，虚假承诺将记入信用记录。如有异议，可依法申请行政复议或者提起行政诉讼。",
};

/**
 * Records the outcome of a pledge check (reviewers and decision makers of the case's department): the
 * task, a case event (pledge.verified / pledge.failed), the audit record and a message to the applicant,
 * in one transaction.
 */
export async function resolvePledgeCheck(
  deps: Deps,
  actor: Actor,
  input: { id: string; result: "verified" | "failed"; note: string; requestId?: string },
): Promise<{ caseId: string }> {
  const note = input.note.trim();
  if (!note) throw invalid("PLEDGE_NOTE_REQUIRED", "请填写核查情况");
  return deps.db.transaction().execute(async (tx) => {
    const check = await tx
      .selectFrom("pledge_check as k")
      .innerJoin("cases as c", "c.id", "k.case_id")
      .innerJoin("item as i", "i.id", "c.item_id")
      .innerJoin("account as a", "a.id", "c.applicant_id")
      .select([
        "k.id",
        "k.status",
        "k.materials",
        "c.id as case_id",
        "c.number",
        "c.status as case_status",
        "c.applicant_id",
        "c.acted_by_id",
        "c.channel",
        "c.region_code",
        "c.department_id",
        "i.name as item_name",
        "a.display_name as applicant_name",
        "a.kind as applicant_kind",
      ])
      .where("k.id", "=", input.id)
      .forUpdate("k")
      .executeTakeFirst();
    const target = check && { regionCode: check.region_code, departmentId: check.department_id };
    if (!check || !target) throw notFound("PLEDGE_CHECK_NOT_FOUND", "核查任务不存在");
    if (!can(actor, "pledge.verify", target)) {
      const scope = {
        status: check.case_status,
        applicantId: check.applicant_id,
        actedById: check.acted_by_id,
        channel: check.channel,
        regionCode: check.region_code,
        departmentId: check.department_id,
        tags: [],
      };
      // Staff who may see the case learn they lack the right; everyone else that there is no such task.
      if (canSeeCase(actor, scope)) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
      throw notFound("PLEDGE_CHECK_NOT_FOUND", "核查任务不存在");
    }
    if (check.status !== "open") throw conflict("PLEDGE_CHECK_RESOLVED", "该核查任务已完成");
    await tx
      .updateTable("pledge_check")
      .set({ status: input.result, note, resolved_by: actor.id, resolved_at: new Date() })
      .where("id", "=", check.id)
      .execute();
    const today = caseToday();
    const action = `pledge.${input.result}`;
    const names = check.materials.map((m) => m.name);
    const details = { on: today, checkId: check.id, materials: names };
    await appendEvent(tx, check.case_id, { action, actorId: actor.id, comment: note, details });
    await recordAudit(tx, actor, {
      action,
      subjectType: "case",
      subjectId: check.case_id,
      requestId: input.requestId ?? null,
      details: { number: check.number, ...details },
    });
    await sendMessage(deps, tx, {
      channel: "site",
      recipient: check.applicant_id,
      recipientMasked: maskName(check.applicant_name, check.applicant_kind),
      template: action,
      caseId: check.case_id,
      body: resultText[input.result](check.item_name, check.number ?? "", names.join("、")),
    });
    return { caseId: check.case_id };
  });
}
