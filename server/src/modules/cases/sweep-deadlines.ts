import { addDays, type LocalDate } from "@tongban/core";
import { z } from "zod";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { defineJob, type Schedule } from "../../platform/jobs/define.ts";
import { loadCalendar } from "./clock.ts";
import { caseMessageValues, notifyCaseEvent } from "./notify-case-event.ts";
import { findCase } from "./queries.ts";
import { maskName } from "./record-event.ts";
import { sweepPending } from "./sweep-pending.ts";
import { caseToday } from "./today.ts";
import { runningStatuses, workdaysLeft } from "./workbench-queries.ts";

/** A case is due soon when at most this many working days are left (and it is not yet overdue). */
export const DUE_SOON_WORKDAYS = 2;

/**
 * Raises case.due-soon and case.overdue on open cases whose clock runs, each at most once per case
 * (a unique index backs the check), and tells the responsible staff (core caseMessageTemplates). Safe to
 * run again: a second run over the same day finds nothing new.
 */
export async function sweepDeadlines(
  deps: Pick<Deps, "vault">,
  db: Db,
  today: LocalDate = caseToday(),
): Promise<{ dueSoon: number; overdue: number }> {
  const calendar = await loadCalendar(db);
  // The last date still "due soon": at most DUE_SOON_WORKDAYS working days after today. Only cases due
  // by then are read, through the partial index cases_open_due, and only those not yet flagged.
  let horizon = today;
  for (let d = addDays(today, 1), count = 0; count <= DUE_SOON_WORKDAYS; d = addDays(d, 1)) {
    if (calendar.isWorkday(d)) count++;
    if (count <= DUE_SOON_WORKDAYS) horizon = d;
  }
  const unflagged = (action: string) =>
    db
      .selectFrom("cases as c")
      .select(["c.id", "c.due_on"])
      .where("c.status", "in", [...runningStatuses])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("case_event as e")
              .select("e.id")
              .whereRef("e.case_id", "=", "c.id")
              .where("e.action", "=", action),
          ),
        ),
      );
  const open = [
    ...(await unflagged("case.overdue").where("c.due_on", "<", today).execute()),
    ...(await unflagged("case.due-soon")
      .where("c.due_on", ">=", today)
      .where("c.due_on", "<=", horizon)
      .execute()),
  ];
  const raised = { dueSoon: 0, overdue: 0 };
  for (const candidate of open) {
    const dueOn = candidate.due_on as string;
    const left = workdaysLeft(calendar, today, dueOn);
    const action = dueOn < today ? "case.overdue" : left <= DUE_SOON_WORKDAYS ? "case.due-soon" : null;
    if (!action) continue;
    const done = await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom("cases as c")
        .innerJoin("item as i", "i.id", "c.item_id")
        .select(["c.id", "c.number", "c.status", "c.channel", "c.due_on", "i.name as item_name"])
        .where("c.id", "=", candidate.id)
        .forUpdate()
        .executeTakeFirst();
      if (!row || !(runningStatuses as readonly string[]).includes(row.status)) return false;
      const already = await tx
        .selectFrom("case_event")
        .select("id")
        .where("case_id", "=", row.id)
        .where("action", "=", action)
        .executeTakeFirst();
      if (already) return false;
      const details = { on: today, dueOn: row.due_on, left };
      await tx
        .insertInto("case_event")
        .values({
          case_id: row.id,
          action,
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
        action,
        subjectType: "case",
        subjectId: row.id,
        details: { number: row.number, ...details },
      });
      // The responsible staff: everyone with a case role whose reach covers the case.
      const full = await findCase(tx, row.id);
      if (full) {
        const applicantMasked = maskName(full.applicant_name, full.applicant_kind);
        await notifyCaseEvent(deps, tx, {
          event: action,
          row: full,
          values: caseMessageValues(full, details, applicantMasked),
          applicantMasked,
        });
      }
      return true;
    });
    if (done) raised[action === "case.overdue" ? "overdue" : "dueSoon"]++;
  }
  return raised;
}

/**
 * The durable daily timer: 容缺 reminders and terminations, then due-soon and overdue alerts; built
 * with the vault because messages encrypt their recipient.
 */
export function deadlineSweepJob(deps: Pick<Deps, "vault">) {
  return defineJob({
    kind: "cases.sweep-deadlines",
    payload: z.object({}).strict(),
    maxAttempts: 3,
    handle: async ({ db, log }) => {
      // 容缺 first: a case terminated today no longer needs a deadline alert.
      const today = caseToday();
      const pending = await sweepPending(deps, db, today);
      const raised = await sweepDeadlines(deps, db, today);
      log.info({ ...pending, ...raised }, "case deadline sweep finished");
    },
  });
}

/** Runs the sweep once a day. */
export const deadlineSweepSchedule = (deps: Pick<Deps, "vault">): Schedule => ({
  job: deadlineSweepJob(deps),
  everySeconds: 24 * 3600,
});
