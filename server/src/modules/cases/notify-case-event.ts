import {
  type CaseMessageValues,
  type CaseStatus,
  can,
  caseOutcomeNames,
  caseStatusNames,
  deliveryMethodNames,
  type ItemContent,
  renderCaseEvent,
  type StaffRole,
  smsBody,
} from "@tongban/core";
import { sql } from "kysely";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { demoProviders } from "../notifications/providers.ts";
import { sendMessage } from "../notifications/send-message.ts";
import { itemsOf } from "./notice.ts";

/** The case fields a message is built from and addressed by (after the step's change). */
export interface NotifiedCase {
  id: string;
  number: string | null;
  query_code: string | null;
  status: CaseStatus;
  applicant_id: string;
  region_code: string;
  department_id: string;
  place_id: string | null;
  due_on: string | null;
  pending_due_on: string | null;
  form: { contactPhone?: string | null };
  content: Pick<ItemContent, "name">;
}

/** The template values every case message can use, from the case and the step's details. */
export function caseMessageValues(
  row: NotifiedCase,
  details: Record<string, unknown>,
  applicantMasked: string,
): CaseMessageValues {
  const items = itemsOf(details);
  const outcome = details.outcome as keyof typeof caseOutcomeNames | undefined;
  const delivery = details.delivery as keyof typeof deliveryMethodNames | undefined;
  const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? value : null);
  return {
    item: row.content.name,
    number: row.number,
    queryCode: row.query_code,
    status: caseStatusNames[row.status],
    dueDate: text(details.dueOn) ?? row.due_on,
    pendingDueDate: row.pending_due_on ?? text(details.dueDate),
    materials: items.map((item) => `${item.name}（${item.problem}）`).join("；") || null,
    outcome: outcome ? caseOutcomeNames[outcome] : null,
    delivery: delivery ? deliveryMethodNames[delivery] : null,
    reason: text(details.reason),
    days: text(details.days),
    left: text(details.left),
    amount: text(details.amount),
    // 转办 records where the case went as details.to (with its name).
    target: text((details.to as { name?: unknown } | undefined)?.name),
    applicant: applicantMasked,
  };
}

/** Where the applicant's text messages go: the account's verified mobile, else the form's contact phone. */
async function applicantMobile(deps: Pick<Deps, "vault">, tx: Tx, row: NotifiedCase): Promise<string | null> {
  const account = await tx
    .selectFrom("account")
    .select("mobile_enc")
    .where("id", "=", row.applicant_id)
    .executeTakeFirst();
  if (account?.mobile_enc) return deps.vault.decrypt(account.mobile_enc);
  // A company account has no mobile of its own: its application names a contact (form.contactPhone).
  const phone = row.form.contactPhone ?? null;
  return phone && /^1[3-9]\d{9}$/.test(phone) ? phone : null;
}

/**
 * The staff responsible for a case in the given roles: active staff holding one of them whose reach
 * covers the case by the case.read policy (window clerks in the region, reviewers and decision makers
 * of the department).
 */
async function responsibleStaff(tx: Tx, row: NotifiedCase, roles: readonly StaffRole[]) {
  const candidates = await tx
    .selectFrom("account")
    .select(["id", "display_name", "roles", "region_code", "department_id", "place_id"])
    .where("kind", "=", "staff")
    .where("disabled_at", "is", null)
    .where(sql<boolean>`roles && ${sql.val([...roles])}::text[]`)
    .execute();
  const target = { regionCode: row.region_code, departmentId: row.department_id, placeId: row.place_id };
  return candidates.filter((staff) =>
    staff.roles.some((role) => {
      if (!(roles as readonly string[]).includes(role)) return false;
      const scoped = {
        kind: "staff" as const,
        roles: [role],
        regionCode: staff.region_code,
        departmentId: staff.department_id,
        placeId: staff.place_id,
      };
      return can(scoped, "case.read", target);
    }),
  );
}

/**
 * Tells the applicant and the responsible staff about one case event, from the event's template
 * (core caseMessageTemplates), inside the caller's transaction: a site message to the applicant
 * always, a text message where the template says so, and a site message to each responsible staff
 * member except the one who took the step. Accounts carry no email address yet, so no email is sent.
 */
export async function notifyCaseEvent(
  deps: Pick<Deps, "vault">,
  tx: Tx,
  input: {
    event: string;
    row: NotifiedCase;
    values: CaseMessageValues;
    applicantMasked: string;
    /** The staff member who took the step; they need no message about it. */
    actorId?: string | null;
  },
): Promise<void> {
  const { row, event } = input;
  const rendered = renderCaseEvent(event, input.values);
  const template = `case.${event.replace(/^case\./, "")}`;
  const providers = demoProviders(deps);
  if (rendered.applicant) {
    const body = rendered.applicant.body;
    await sendMessage(deps, tx, {
      channel: "site",
      recipient: row.applicant_id,
      recipientMasked: input.applicantMasked,
      template,
      body,
      caseId: row.id,
    });
    if (rendered.applicant.channels.includes("sms")) {
      const mobile = await applicantMobile(deps, tx, row);
      if (mobile) await providers.sms.sendSms(tx, mobile, { template, body: smsBody(body), caseId: row.id });
    }
  }
  if (rendered.staff) {
    for (const staff of await responsibleStaff(tx, row, rendered.staff.roles)) {
      if (staff.id === input.actorId) continue;
      await sendMessage(deps, tx, {
        channel: "site",
        recipient: staff.id,
        recipientMasked: staff.display_name,
        template,
        body: rendered.staff.body,
        caseId: row.id,
      });
    }
  }
}
