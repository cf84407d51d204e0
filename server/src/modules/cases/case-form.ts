import {
  cleanFormValues,
  type FormValues,
  type ItemForm,
  type PrefillProfile,
  prefillForm,
  validateForm,
} from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";

/**
 * The server's side of the application form (申请表): the pinned version's form is checked again here,
 * whatever the browser did — leniently while a draft is saved, strictly on submit — and only the shown
 * fields' values are kept.
 */

/** Checks values against the form and returns what to store; refuses with every field's problem. */
export function checkedForm(
  form: ItemForm,
  values: FormValues,
  answers: Record<string, string>,
  options: { strict: boolean },
): FormValues {
  const errors = validateForm(form, values, answers, options);
  if (errors.length > 0) throw invalid("CASE_FORM_INVALID", "申请表填写有误", { fields: errors });
  return cleanFormValues(form, values, answers);
}

/** Refuses to submit a case whose stored form misses a required field or has a malformed one. */
export function checkFormForSubmit(row: {
  content: { form: ItemForm };
  form: FormValues;
  answers: Record<string, string>;
}): void {
  checkedForm(row.content.form, row.form, row.answers, { strict: true });
}

const personColumns = ["kind", "display_name", "legal_name", "mobile_enc", "citizen_id_enc"] as const;

/**
 * What the applicant's verified profile offers the form: the real name (else the account name), the
 * mobile the account signed up with, the 公民身份号码 once verified, and for a company its name and
 * 统一社会信用代码 — with the person details of whoever speaks for it (the agent acting for it, or its
 * legal representative). Identifiers are decrypted from the vault only here, for the applicant's own form.
 */
export async function loadPrefillProfile(
  deps: Deps,
  q: Queryable,
  applicantId: string,
  actor: Actor,
): Promise<PrefillProfile> {
  const applicant = await q
    .selectFrom("account")
    .select([...personColumns, "credit_code", "legal_representative_id"])
    .where("id", "=", applicantId)
    .executeTakeFirst();
  if (!applicant) return {};
  let person: Pick<typeof applicant, (typeof personColumns)[number]> | undefined = applicant;
  const profile: PrefillProfile = {};
  if (applicant.kind === "company") {
    profile.companyName = applicant.legal_name ?? applicant.display_name;
    profile.creditCode = applicant.credit_code;
    const speaker =
      actor.kind === "citizen" && actor.actingFor?.id === applicantId
        ? actor.id
        : applicant.legal_representative_id;
    person = speaker
      ? await q.selectFrom("account").select(personColumns).where("id", "=", speaker).executeTakeFirst()
      : undefined;
  }
  if (person) {
    profile.name = person.legal_name ?? person.display_name;
    profile.mobile = person.mobile_enc ? deps.vault.decrypt(person.mobile_enc) : null;
    profile.idNumber = person.citizen_id_enc ? deps.vault.decrypt(person.citizen_id_enc) : null;
  }
  return profile;
}

/** Fills the form's prefill fields the request left empty from the applicant's profile. */
export async function prefilledValues(
  deps: Deps,
  q: Queryable,
  input: { form: ItemForm; values: FormValues; applicantId: string; actor: Actor },
): Promise<FormValues> {
  const profile = await loadPrefillProfile(deps, q, input.applicantId, input.actor);
  return prefillForm(input.form, input.values, profile);
}
