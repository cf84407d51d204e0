import type { Queryable } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/errors.ts";
import { type DocumentSpec, renderDocument } from "../../../platform/pdf/layout.ts";
import { type CaseEventRow, type CaseRow, listEvents } from "../queries.ts";
import { correctionNoticeDocument } from "./correction-notice.ts";
import { decisionDocument, decisionOf, decisionTitle } from "./decision.ts";
import { type DocumentSource, isLicensing } from "./document-parts.ts";
import { type CaseDocumentKind, type CaseDocumentRef, caseDocumentKinds } from "./kinds.ts";
import { receiptDocument } from "./receipt.ts";
import { refusalNoticeDocument } from "./refusal-notice.ts";

const fixedNames = {
  "acceptance-receipt": "受理回执",
  "correction-notice": "补正材料一次性告知书",
  "refusal-notice": "不予受理告知书",
} as const;

// The step each document records: it exists exactly when the case's timeline holds that step.
const steps: Record<Exclude<CaseDocumentKind, "decision">, readonly string[]> = {
  "acceptance-receipt": ["accept", "accept-pending"],
  "correction-notice": ["request-correction"],
  "refusal-notice": ["refuse"],
};

/** The documents a case has reached, from its timeline: 受理 → receipt, 补正 → notice, and so on. */
export function availableDocuments(
  row: Pick<CaseRow, "content">,
  events: readonly Pick<CaseEventRow, "action" | "details">[],
): CaseDocumentRef[] {
  const documents: CaseDocumentRef[] = [];
  for (const kind of caseDocumentKinds) {
    if (kind === "decision") {
      const decision = decisionOf(events);
      if (decision) documents.push({ kind, name: decisionTitle(decision.outcome, isLicensing(row.content)) });
    } else if (events.some((e) => steps[kind].includes(e.action))) {
      documents.push({ kind, name: fixedNames[kind] });
    }
  }
  return documents;
}

const builders: Record<CaseDocumentKind, (source: DocumentSource) => DocumentSpec | null> = {
  "acceptance-receipt": receiptDocument,
  "correction-notice": correctionNoticeDocument,
  "refusal-notice": refusalNoticeDocument,
  decision: decisionDocument,
};

const unavailable: Record<CaseDocumentKind, string> = {
  "acceptance-receipt": "办件尚未受理，没有受理回执",
  "correction-notice": "办件未经补正告知，没有补正材料告知书",
  "refusal-notice": "办件未被不予受理，没有不予受理告知书",
  decision: "办件尚未作出决定，没有决定书",
};

/**
 * Renders one document of a case the caller has already been allowed to see, as PDF. Throws
 * CASE_DOCUMENT_UNAVAILABLE when the case has not reached the step the document records.
 */
export async function renderCaseDocument(
  q: Queryable,
  input: { row: CaseRow; kind: CaseDocumentKind; publicUrl: string },
): Promise<{ name: string; bytes: Buffer }> {
  const [events, files] = await Promise.all([
    listEvents(q, input.row.id),
    // Every file ever uploaded, replaced ones too: the receipt lists what was held at acceptance.
    q
      .selectFrom("case_material")
      .select(["material_id", "name", "uploaded_at", "superseded_at"])
      .where("case_id", "=", input.row.id)
      .orderBy("uploaded_at")
      .orderBy("id")
      .execute(),
  ]);
  const spec = builders[input.kind]({ row: input.row, events, files, publicUrl: input.publicUrl });
  if (!spec) throw notFound("CASE_DOCUMENT_UNAVAILABLE", unavailable[input.kind]);
  return { name: `${spec.title}-${input.row.number ?? input.row.id}.pdf`, bytes: renderDocument(spec) };
}
