import { caseStatusNames, type LocalDate } from "@tongban/core";
import { z } from "zod";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { defineJob, type Schedule } from "../../platform/jobs/define.ts";
import { sendMessage } from "../notifications/send-message.ts";
import { loadCalendar } from "./clock.ts";
import { caseToday } from "./today.ts";
import { runningStatuses, workdaysLeft } from "./workbench-queries.ts";

/** A case is due soon when at most this many working days are left (and it is not yet overdue). */
export const DUE_SOON_WORKDAYS = 2;

/**
 * Raises case.due-soon and case.overdue on open cases whose clock runs, each at most once per case
 * (a unique index backs the check), and tells the staff member who last handled the case. Safe to run
 * again: a second run over the same day finds nothing new.
 */
export async function sweepDeadlines(
  deps: Pick<Deps, "vault">,
  db: Db,
  today: LocalDate = caseToday(),
): Promise<{ dueSoon: number; overdue: number }> {
  const calendar = await loadCalendar(db);
  const open = await db
    .selectFrom("cases")
    .select(["id", "due_on"])
    .where("status", "in", [...runningStatuses])
    .where("due_on", "is not", null)
    .execute();
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
      // The responsible staff member: whoever on the staff side acted on the case last.
      const handler = await tx
        .selectFrom("case_event as e")
        .innerJoin("account as a", "a.id", "e.actor_id")
        .select(["a.id", "a.display_name"])
        .where("e.case_id", "=", row.id)
        .where("a.kind", "=", "staff")
        .orderBy("e.id", "desc")
        .limit(1)
        .executeTakeFirst();
      if (handler) {
        const what = action === "case.overdue" ? "已超期" : `剩余 ${left} 个工作日到期`;
        // sendMessage reads only the vault from its deps.
        await sendMessage(deps as Deps, tx, {
          channel: "site",
          recipient: handler.id,
          recipientMasked: handler.display_name,
          template: action,
          body: `办件 ${row.number}（${row.item_name}，${caseStatusNames[row.status]}）${what}，办理期限 ${row.due_on}`,
        });
      }
      return true;
    });
    if (done) raised[action === "case.overdue" ? "overdue" : "dueSoon"]++;
  }
  return raised;
}

/** The durable daily timer for the sweep; built with the vault because messages encrypt their recipient. */
export function deadlineSweepJob(deps: Pick<Deps, "vault">) {
  return defineJob({
    kind: "cases.sweep-deadlines",
    payload: z.object({}).strict(),
    maxAttempts: 3,
    handle: async ({ db, log }) => {
      const raised = await sweepDeadlines(deps, db);
      log.info(raised, "case deadline sweep finished");
    },
  });
}

/** Runs the sweep once a day. */
export const deadlineSweepSchedule = (deps: Pick<Deps, "vault">): Schedule => ({
  job: deadlineSweepJob(deps),
  everySeconds: 24 * 3600,
});
