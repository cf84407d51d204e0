import {
  allPassed,
  evaluateInstantRules,
  type FormValue,
  formFieldLabels,
  type InstantRuleResult,
  type ItemContent,
  type LocalDate,
  type VerifiedIdentity,
} from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { type CaseRow, findCase } from "./queries.ts";
import { recordStep } from "./record-event.ts";

/** The timeline action of a 秒批 attempt whose rules did not all pass (the case stays with people). */
export const INSTANT_FAILED = "instant.failed";

/**
 * Whether the item's pinned version allows 秒批: the 秒批 tag, at least one rule, and no fee (a fee is paid
 * through a payment order first, so such a case always goes to people).
 */
export function allowsInstant(content: ItemContent): boolean {
  return (
    content.tags.includes("instant") &&
    content.instantRules.length > 0 &&
    !content.fees.some((fee) => fee.amountFen > 0)
  );
}

const personColumns = [
  "kind",
  "display_name",
  "legal_name",
  "real_name_level",
  "citizen_id_enc",
  "mobile_enc",
  "credit_code",
  "legal_representative_id",
] as const;

function loadPerson(tx: Tx, id: string) {
  return tx.selectFrom("account").select(personColumns).where("id", "=", id).executeTakeFirst();
}

/**
 * The applicant's verified data: a citizen's real name and 公民身份号码 only once 实名认证 is done, and the
 * mobile confirmed at registration; a company's register entry, with the person who speaks for it (the
 * agent acting for it, else its legal representative), as the application form's prefill reads them.
 */
export async function loadVerifiedIdentity(
  deps: Pick<Deps, "vault">,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
): Promise<VerifiedIdentity> {
  const applicant = await loadPerson(tx, row.applicant_id);
  const isCompany = applicant?.kind === "company";
  let person = applicant;
  if (isCompany) {
    const speaker =
      actor.kind === "citizen" && actor.actingFor?.id === row.applicant_id
        ? actor.id
        : applicant.legal_representative_id;
    person = speaker ? await loadPerson(tx, speaker) : undefined;
  }
  const verified = person !== undefined && person.kind === "citizen" && person.real_name_level >= 2;
  const companyVerified = isCompany && applicant.real_name_level >= 2;
  return {
    kind: isCompany ? "company" : "citizen",
    name: verified ? (person?.legal_name ?? null) : null,
    idNumber: verified && person?.citizen_id_enc ? deps.vault.decrypt(person.citizen_id_enc) : null,
    mobile: person?.mobile_enc ? deps.vault.decrypt(person.mobile_enc) : null,
    creditCode: companyVerified ? applicant.credit_code : null,
    companyName: companyVerified ? (applicant.legal_name ?? applicant.display_name) : null,
  };
}

/** Evaluates the case's pinned rules over its form and the applicant's verified data. */
export async function evaluateCase(
  deps: Pick<Deps, "vault">,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  today: LocalDate,
): Promise<InstantRuleResult[]> {
  return evaluateInstantRules(row.content.instantRules, {
    form: row.form as unknown as Record<string, FormValue>,
    identity: await loadVerifiedIdentity(deps, tx, actor, row),
    today,
    labels: formFieldLabels(row.content),
  });
}

/**
 * Right after a submission, inside its transaction: on a 秒批 item, either the platform accepts, approves
 * and completes the case at once (one `instant-approve` step by the system, electronic delivery, the rule
 * results kept in the event), or it records `instant.failed` with the results and leaves the case in
 * pre-check for people. Returns whether the case completed.
 */
export async function tryInstantApproval(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  caseId: string,
  today: LocalDate,
  requestId?: string,
): Promise<boolean> {
  const row = await findCase(tx, caseId);
  if (row?.status !== "submitted" || !allowsInstant(row.content)) return false;
  const rules = await evaluateCase(deps, tx, actor, row, today);
  if (allPassed(rules)) {
    await recordStep(deps, tx, systemActor, row, {
      action: "instant-approve",
      to: "completed",
      today,
      set: {
        accepted_on: today,
        outcome: "approved",
        delivery: JSON.stringify({ method: "electronic" }),
        completed_at: new Date(),
      },
      details: { rules },
      ...(requestId ? { requestId } : {}),
    });
    return true;
  }
  const details = { on: today, rules };
  await tx
    .insertInto("case_event")
    .values({
      case_id: row.id,
      action: INSTANT_FAILED,
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
    action: `case.${INSTANT_FAILED}`,
    subjectType: "case",
    subjectId: row.id,
    requestId: requestId ?? null,
    details: { number: row.number, failed: rules.filter((r) => !r.passed).map((r) => r.rule.kind) },
  });
  return false;
}

/** The latest 秒批 outcome on a timeline, for the case page; null when the case never went through it. */
export function instantOutcome(
  events: readonly { action: string; details: unknown; at: Date | string }[],
): { passed: boolean; at: string; rules: InstantRuleResult[] } | null {
  const event = events.findLast((e) => e.action === "instant-approve" || e.action === INSTANT_FAILED);
  if (!event) return null;
  const rules = (event.details as { rules?: InstantRuleResult[] } | null)?.rules ?? [];
  return { passed: event.action === "instant-approve", at: new Date(event.at).toISOString(), rules };
}
