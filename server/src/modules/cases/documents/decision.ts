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

/** The decide event and its outcome, as recorded when the decision was made. */
export function decisionOf<E extends { action: string; details: unknown }>(events: readonly E[]) {
  const event = firstEvent(events, "decide");
  if (!event) return null;
  const outcome = (event.details as { outcome?: string }).outcome === "rejected" ? "rejected" : "approved";
  return { event, outcome } as const;
}

/** The decision document's title: 行政许可 items name the licence, other items the handling. */
export function decisionTitle(outcome: "approved" | "rejected", licensing: boolean): string {
  const verdict = outcome === "approved" ? "准予" : "不予";
  return `${verdict}${licensing ? "行政许可" : "办理"}决定书`;
}

/**
 * 准予 / 不予行政许可决定书 (行政许可法 §38): the outcome with the decision maker's opinion; a
 * rejection also states the applicant's remedies (行政复议, 行政诉讼).
 */
export function decisionDocument(source: DocumentSource): DocumentSpec | null {
  const decision = decisionOf(source.events);
  if (!decision) return null;
  const { row } = source;
  const { event, outcome } = decision;
  const licensing = isLicensing(row.content);
  const submitted = submissionBefore(source.events, event);
  const accepted = firstEvent(source.events, "accept", "accept-pending");
  const approved = outcome === "approved";
  const basis = licensing
    ? `根据《中华人民共和国行政许可法》第三十八条第${approved ? "一" : "二"}款的规定，`
    : "";
  const verdict = approved
    ? `${basis}本机关决定准予${licensing ? "行政许可" : "办理"}。`
    : `${basis}本机关决定不予${licensing ? "行政许可" : "办理"}。`;
  const result = row.content.result;
  return documentFrame(source, {
    title: decisionTitle(outcome, licensing),
    suffix: "JD",
    event,
    blocks: [
      salutation(row),
      {
        kind: "paragraph",
        indent: true,
        text: `您（单位）于${dateText(submitted ? eventDate(submitted) : null)}提出的「${row.content.name}」申请（办件编号：${row.number ?? "—"}），本机关已于${dateText(accepted ? eventDate(accepted) : null)}依法受理。经审查，现作出如下决定：`,
      },
      { kind: "heading", text: approved ? "审查意见" : `不予${licensing ? "许可" : "办理"}的理由` },
      { kind: "paragraph", indent: true, text: event.comment ?? "—" },
      { kind: "heading", text: "决定" },
      { kind: "paragraph", indent: true, text: verdict },
      ...(approved && result
        ? [{ kind: "fields" as const, rows: [{ label: "办理结果：", value: result.name }] }]
        : []),
      ...(approved ? [] : remedyBlocks(row.content)),
    ],
  });
}
