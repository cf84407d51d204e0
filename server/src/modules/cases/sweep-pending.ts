import { type LocalDate, statusAfter } from "@tongban/core";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { loadCalendar } from "./clock.ts";
import { latestEvent } from "./notice.ts";
import { caseMessageValues, notifyCaseEvent } from "./notify-case-event.ts";
import { type CaseRow, findCase, lockCase } from "./queries.ts";
import { maskName, recordStep } from "./record-event.ts";
import { caseToday } from "./today.ts";

/** The reason the platform gives when it stops a 容缺 case whose owed materials never came. */
export const PENDING_EXPIRED_REASON = "容缺材料逾期未补齐";

/** Sends the one reminder of a 容缺 case (pending.reminder) with what is still owed. */
async function remind(deps: Pick<Deps, "vault">, tx: Tx, row: CaseRow, today: LocalDate): Promise<boolean> {
  // Once per case; the unique index case_event_reminded_once backs this check.
  const already = await latestEvent(tx, row.id, "pending.reminder");
  if (already) return false;
  const owed = await latestEvent(tx, row.id, "accept-pending");
  const details = {
    on: today,
    dueDate: row.pending_due_on,
    items: (owed?.details as { items?: unknown })?.items ?? [],
  };
  await tx
    .insertInto("case_event")
    .values({
      case_id: row.id,
      action: "pending.reminder",
      from_status: row.status,
      to_status: row.status,
      actor_id: null,
      on_behalf_of_id: null,
      channel: row.channel,
      comment: null,
      details: JSON.stringify(details),
      at: new Date(),
    })
    .execute();
  await recordAudit(tx, systemActor, {
    action: "pending.reminder",
    subjectType: "case",
    subjectId: row.id,
    details: { number: row.number, on: today, dueDate: row.pending_due_on },
  });
  const applicantMasked = maskName(row.applicant_name, row.applicant_kind);
  await notifyCaseEvent(deps, tx, {
    event: "pending.reminder",
    row,
    values: caseMessageValues(row, details, applicantMasked),
    applicantMasked,
  });
  return true;
}

/**
 * 容缺受理 follow-up, once a day: the working day before an owed-materials date the applicant (and the
 * window clerks) are reminded once; once the date has passed unmet, the platform terminates the case
 * (终止办理) as the system actor with its reason, through the same step as every lifecycle action.
 * Index-backed (cases_pending_due) and idempotent: every decision is re-checked under the case's lock.
 */
export async function sweepPending(
  deps: Pick<Deps, "vault">,
  db: Db,
  today: LocalDate = caseToday(),
): Promise<{ reminded: number; terminated: number }> {
  const calendar = await loadCalendar(db);
  // A date is "one working day away" exactly when it is no later than the next working day.
  const horizon = calendar.nextWorkday(today);
  const candidates = await db
    .selectFrom("cases")
    .select("id")
    .where("status", "=", "accepted-pending")
    .where("pending_due_on", "<=", horizon)
    .orderBy("pending_due_on")
    .execute();
  const done = { reminded: 0, terminated: 0 };
  for (const candidate of candidates) {
    const outcome = await db.transaction().execute(async (tx) => {
      if (!(await lockCase(tx, candidate.id))) return null;
      const row = await findCase(tx, candidate.id);
      // Supplied (or otherwise moved on) since the list was read: nothing to do.
      if (row?.status !== "accepted-pending" || !row.pending_due_on) return null;
      if (row.pending_due_on >= today) return (await remind(deps, tx, row, today)) ? "reminded" : null;
      await recordStep(deps, tx, systemActor, row, {
        action: "terminate",
        to: statusAfter("terminate", row.status),
        today,
        set: { completed_at: new Date() },
        details: { reason: PENDING_EXPIRED_REASON, dueDate: row.pending_due_on },
      });
      return "terminated";
    });
    if (outcome) done[outcome]++;
  }
  return done;
}
