import type { DocumentSpec } from "../../../platform/pdf/layout.ts";
import { itemsOf } from "../notice.ts";
import {
  channelText,
  type DocumentSource,
  dateText,
  documentFrame,
  eventDate,
  firstEvent,
  limitText,
  salutation,
  submissionBefore,
} from "./document-parts.ts";

/** The acceptance event a receipt certifies: 受理 or 容缺受理 (a case is accepted at most once). */
const acceptanceOf = (source: DocumentSource) => firstEvent(source.events, "accept", "accept-pending");

/** The files the department held when it accepted: uploaded by then and not yet replaced. */
function filesAt(source: DocumentSource, at: Date) {
  return source.files.filter(
    (f) => new Date(f.uploaded_at) <= at && (f.superseded_at === null || new Date(f.superseded_at) > at),
  );
}

/**
 * 受理回执: proof for the applicant that the application was accepted — the number and query code to
 * follow it, the time limits, the materials received and, under 容缺受理, what is still owed and by when.
 */
export function receiptDocument(source: DocumentSource): DocumentSpec | null {
  const accepted = acceptanceOf(source);
  if (!accepted) return null;
  const { row } = source;
  const submitted = submissionBefore(source.events, accepted);
  const pending = accepted.action === "accept-pending";
  const owed = itemsOf(accepted.details);
  const dueDate = (accepted.details as { dueDate?: string }).dueDate;
  const acceptedOn = dateText(eventDate(accepted));
  const held = filesAt(source, new Date(accepted.at));
  const received = row.content.materials
    .map((material) => ({
      material,
      names: held.filter((f) => f.material_id === material.id).map((f) => f.name),
    }))
    .filter((entry) => entry.names.length > 0)
    .map(({ material, names }) => `${material.name}（${names.join("、")}）`);
  const form = row.form as { contactName?: string; contactPhone?: string };

  return documentFrame(source, {
    title: "受理回执",
    suffix: "SL",
    event: accepted,
    blocks: [
      salutation(row),
      {
        kind: "paragraph",
        indent: true,
        text: pending
          ? `您（单位）于${dateText(submitted ? eventDate(submitted) : null)}提交的「${row.content.name}」申请，主要申请材料齐全、符合法定形式，本机关已于${acceptedOn}予以容缺受理。请在${dateText(dueDate)}前补齐下列容缺材料，逾期未补齐的，本机关将依法终止办理。`
          : `您（单位）于${dateText(submitted ? eventDate(submitted) : null)}提交的「${row.content.name}」申请，申请材料齐全、符合法定形式，本机关已于${acceptedOn}依法受理，特此回执。`,
      },
      {
        kind: "fields",
        rows: [
          { label: "办件编号：", value: row.number ?? "—" },
          { label: "查询码：", value: row.query_code ?? "—" },
          { label: "申请事项：", value: row.content.name },
          { label: "申请人：", value: row.applicant_name },
          { label: "联系人：", value: form.contactName ?? "—" },
          { label: "联系电话：", value: form.contactPhone ?? "—" },
          { label: "申请方式：", value: channelText(row.channel) },
          { label: "受理日期：", value: acceptedOn },
          { label: "受理人：", value: accepted.actor_name ?? "—" },
          {
            label: "承诺办结时限：",
            value:
              row.content.processing === "immediate"
                ? "即办"
                : `${limitText(row.content.promisedLimit)}，自受理次日起计算`,
          },
          { label: "法定办结时限：", value: limitText(row.content.statutoryLimit) },
        ],
      },
      { kind: "heading", text: "已收取的申请材料" },
      received.length > 0
        ? { kind: "list", items: received }
        : { kind: "paragraph", text: "无", indent: true },
      ...(pending
        ? [
            { kind: "heading" as const, text: `容缺后补材料（请于${dateText(dueDate)}前补齐）` },
            { kind: "list" as const, items: owed.map((item) => `${item.name}：${item.problem}`) },
          ]
        : []),
      {
        kind: "paragraph",
        indent: true,
        text: "特别程序（听证、检验、检测、专家评审等）所需时间不计入办结时限。请妥善保管本回执，凭办件编号和查询码可随时查询办理进度。",
      },
    ],
  });
}
