import type { Actor } from "../../platform/actor.ts";
import type { CaseForm } from "../../platform/db/tables-cases.ts";
import type { Deps } from "../../platform/deps.ts";
import { checkedForm } from "./case-form.ts";
import { loadCaseFor } from "./guard.ts";
import { recordStep } from "./record-event.ts";
import { caseToday } from "./today.ts";

/**
 * Autosaves the answers (情形引导) and form of a draft, or of a case under correction. The form is
 * checked leniently (types, lengths, choices) so a half-filled draft saves; a change of answers drops
 * the values of fields it hides.
 */
export async function updateCase(
  deps: Deps,
  actor: Actor,
  input: { id: string; answers?: Record<string, string>; form?: CaseForm; requestId?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, "save");
    const answers = input.answers ?? row.answers;
    const form =
      input.form || input.answers
        ? checkedForm(row.content.form, input.form ?? row.form, answers, { strict: false })
        : undefined;
    await recordStep(deps, tx, actor, row, {
      action: "save",
      to: row.status,
      today: caseToday(),
      requestId: input.requestId,
      set: {
        ...(input.answers ? { answers: JSON.stringify(input.answers) } : {}),
        ...(form ? { form: JSON.stringify(form) } : {}),
      },
      details: { fields: [input.answers ? "answers" : null, input.form ? "form" : null].filter(Boolean) },
      quiet: true,
    });
  });
}
