import type { CaseStatus, LocalDate } from "@tongban/core";
import type { Updateable } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";
import type { Deps } from "../../platform/deps.ts";
import { clocksOf, loadCalendar, loadSuspensions } from "./clock.ts";
import { caseMessageValues, notifyCaseEvent } from "./notify-case-event.ts";
import type { CaseRow } from "./queries.ts";

// Steps a window clerk takes in the applicant's place: their events record whom they acted for.
const applicantSteps = new Set([
  "create",
  "save",
  "submit",
  "resubmit",
  "supply-pending",
  "upload",
  "remove-file",
  "pledge",
  "withdraw-pledge",
]);

/** Masks a person's name for lists and messages: 陈晓明 → 陈**; company names stay whole. */
export function maskName(name: string, kind: string): string {
  if (kind === "company") return name;
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

/** The applicant an actor acted for, when not themself: a clerk at a window, or a company's agent. */
export function onBehalfOf(actor: Actor, row: { applicant_id: string }, action: string): string | null {
  if (actor.actingFor) return actor.actingFor.id;
  if (actor.kind === "staff" && applicantSteps.has(action)) return row.applicant_id;
  return null;
}

/**
 * Commits one step of a case inside the caller's transaction: the timeline event, the new status and
 * fields with both due dates recomputed by the legal clock, the audit record, and the event's messages
 * to the applicant and the responsible staff (core caseMessageTemplates). Nothing here runs unless the whole step commits.
 */
export async function recordStep(
  deps: Pick<Deps, "vault">,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  input: {
    action: string;
    to: CaseStatus;
    today: LocalDate;
    set?: Updateable<Database["cases"]>;
    comment?: string | null;
    details?: Record<string, unknown>;
    requestId?: string;
    /** Autosaves and uploads are not news to the applicant. */
    quiet?: boolean;
  },
): Promise<void> {
  const details = { ...input.details, on: input.today };
  const behalf = onBehalfOf(actor, row, input.action);
  await tx
    .insertInto("case_event")
    .values({
      case_id: row.id,
      action: input.action,
      from_status: input.action === "create" ? null : row.status,
      to_status: input.to,
      actor_id: actor.id,
      on_behalf_of_id: behalf,
      channel: row.channel,
      comment: input.comment ?? null,
      details: JSON.stringify(details),
      at: new Date(),
    })
    .execute();
  const acceptedOn = input.set?.accepted_on !== undefined ? input.set.accepted_on : row.accepted_on;
  const extensionDays =
    typeof input.set?.extension_days === "number" ? input.set.extension_days : row.extension_days;
  let due: { due_on: string | null; statutory_due_on: string | null } = {
    due_on: row.due_on,
    statutory_due_on: row.statutory_due_on,
  };
  if (acceptedOn) {
    const clocks = clocksOf(
      await loadCalendar(tx),
      { accepted_on: acceptedOn, extension_days: extensionDays, content: row.content },
      await loadSuspensions(tx, row.id),
      input.today,
    );
    due = { due_on: clocks.promised.due, statutory_due_on: clocks.statutory.due };
  }
  await tx
    .updateTable("cases")
    .set({ ...input.set, ...due, status: input.to, updated_at: new Date() })
    .where("id", "=", row.id)
    .execute();
  await recordAudit(tx, actor, {
    action: `case.${input.action}`,
    subjectType: "case",
    subjectId: row.id,
    onBehalfOf: behalf,
    requestId: input.requestId ?? null,
    details: { number: input.set?.number ?? row.number, from: row.status, to: input.to, ...input.details },
  });
  if (input.quiet) return;
  // The case as the step leaves it: messages name the new status and dates and reach its new scope.
  const set = input.set ?? {};
  const after = {
    ...row,
    number: set.number ?? row.number,
    query_code: set.query_code ?? row.query_code,
    region_code: set.region_code ?? row.region_code,
    department_id: set.department_id ?? row.department_id,
    place_id: set.place_id !== undefined ? set.place_id : row.place_id,
    pending_due_on: set.pending_due_on !== undefined ? set.pending_due_on : row.pending_due_on,
    due_on: due.due_on,
    status: input.to,
  };
  const applicantMasked = maskName(row.applicant_name, row.applicant_kind);
  await notifyCaseEvent(deps, tx, {
    event: input.action,
    row: after,
    values: caseMessageValues(after, details, applicantMasked),
    applicantMasked,
    actorId: actor.id,
  });
}
