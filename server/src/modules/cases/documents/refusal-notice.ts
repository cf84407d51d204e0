import type { DocumentSpec } from "../../../platform/pdf/layout.ts";
import {
  type DocumentSource,
  dateText,
  documentFrame,
  eventDate,
  firstEvent,
  isLicensing,
  remedyBlocks,
  salutation,
  submissionBefore,
} from "./document-parts.ts";

/**
 * 不予受理告知书: the written refusal 行政许可法 §32(2)(5) requires — the reasons given by the decision
 * maker, and the applicant's remedies (行政复议, 行政诉讼) as the item's pinned guide states them.
 */
export function refusalNoticeDocument(source: DocumentSource): DocumentSpec | null {
  const refusal = firstEvent(source.events, "refuse");
  if (!refusal) return null;
  const { row } = source;
  const submitted = submissionBefore(source.events, refusal);
  const reason = (refusal.details as { reason?: string }).reason ?? refusal.comment ?? "—";
  const basis = isLicensing(row.content) ? "根据《中华人民共和国行政许可法》第三十二条第一款的规定，" : "";
  return documentFrame(source, {
    title: "不予受理告知书",
    suffix: "BSL",
    event: refusal,
    blocks: [
      salutation(row),
      {
        kind: "paragraph",
        indent: true,
        text: `您（单位）于${dateText(submitted ? eventDate(submitted) : null)}提交的「${row.content.name}」申请（办件编号：${row.number ?? "—"}），经审查，${basis}本机关决定不予受理。`,
      },
      { kind: "heading", text: "不予受理的理由" },
      { kind: "paragraph", indent: true, text: reason },
      ...remedyBlocks(row.content),
    ],
  });
}
