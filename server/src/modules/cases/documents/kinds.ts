/** The documents a case can have, in the order a case reaches them. */
export const caseDocumentKinds = [
  "acceptance-receipt",
  "correction-notice",
  "refusal-notice",
  "decision",
] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];

/** A document the case has, as the case view lists it. */
export interface CaseDocumentRef {
  kind: CaseDocumentKind;
  name: string;
}
