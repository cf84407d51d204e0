import type { DocumentSpec } from "../../../platform/pdf/layout.ts";
import { itemsOf } from "../notice.ts";
import {
  type DocumentSource,
  dateText,
  documentFrame,
  eventDate,
  isLicensing,
  lastEvent,
  salutation,
  submissionBefore,
} from "./document-parts.ts";

/**
 * 补正材料一次性告知书 (行政许可法 §32(4)): every material to correct and what is wrong with it, in one
 * written notice. A case may get a later notice about files uploaded since; the latest one is printed,
 * numbered by its place in the series (-BZ1, -BZ2, …).
 */
export function correctionNoticeDocument(source: DocumentSource): DocumentSpec | null {
  const notice = lastEvent(source.events, "request-correction");
  if (!notice) return null;
  const { row } = source;
  const ordinal = source.events.filter((e) => e.action === "request-correction" && e.id <= notice.id).length;
  const submitted = submissionBefore(source.events, notice);
  const basis = isLicensing(row.content)
    ? "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，"
    : "";
  return documentFrame(source, {
    title: "补正材料一次性告知书",
    suffix: `BZ${ordinal}`,
    event: notice,
    blocks: [
      salutation(row),
      {
        kind: "paragraph",
        indent: true,
        text: `您（单位）于${dateText(submitted ? eventDate(submitted) : null)}提交的「${row.content.name}」申请（办件编号：${row.number ?? "—"}），经审查，申请材料不齐全或者不符合法定形式。${basis}现一次性告知您需要补正的全部内容如下：`,
      },
      { kind: "list", items: itemsOf(notice.details).map((item) => `${item.name}：${item.problem}`) },
      {
        kind: "paragraph",
        indent: true,
        text: "请按上述要求补正全部材料后重新提交。补正后申请材料齐全、符合法定形式的，本机关将依法受理。",
      },
    ],
  });
}
