import type { ItemContent, TimeLimit } from "@tongban/core";
import type { Block, DocumentSpec } from "../../../platform/pdf/layout.ts";
import type { CaseEventRow, CaseRow } from "../queries.ts";

/**
 * What every case document is built from, and nothing else: the case row (its number, applicant and
 * pinned item version), its append-only events and its uploaded files. Events never change, so a
 * document printed again later is the same document.
 */
export interface DocumentSource {
  row: CaseRow;
  events: readonly CaseEventRow[];
  files: readonly {
    material_id: string;
    name: string;
    uploaded_at: Date | string;
    superseded_at: Date | null;
  }[];
  /** The platform's public address, for the verification hint. */
  publicUrl: string;
}

/** A local date (YYYY-MM-DD) as written in Chinese documents: 2026年3月2日. */
export function dateText(date: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  if (!m) return "—";
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The legal date an event happened on: recorded with it (details.on), else its instant in Shanghai. */
export function eventDate(event: CaseEventRow): string {
  const on = (event.details as { on?: unknown }).on;
  if (typeof on === "string") return on;
  return new Date(new Date(event.at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The first event of an action, if any. */
export function firstEvent<E extends { action: string }>(
  events: readonly E[],
  ...actions: string[]
): E | undefined {
  return events.find((e) => actions.includes(e.action));
}

/** The last event of an action, if any. */
export function lastEvent<E extends { action: string }>(
  events: readonly E[],
  ...actions: string[]
): E | undefined {
  return events.findLast((e) => actions.includes(e.action));
}

/** The submission a later event answers: the latest submit or resubmit before it. */
export function submissionBefore(
  events: readonly CaseEventRow[],
  event: CaseEventRow,
): CaseEventRow | undefined {
  return events.findLast((e) => e.id < event.id && (e.action === "submit" || e.action === "resubmit"));
}

/** True for 行政许可 items, whose documents cite the 行政许可法. */
export const isLicensing = (content: ItemContent) => content.type === "licensing";

/** A time limit in words: 3 个工作日. */
export function limitText(limit: TimeLimit | null): string {
  if (!limit) return "—";
  const unit = limit.unit === "workday" ? "个工作日" : "日";
  return `${limit.days} ${unit}${limit.text ? `（${limit.text}）` : ""}`;
}

const channelNames: Record<string, string> = {
  web: "网上办理",
  mobile: "掌上办理",
  window: "窗口办理",
  hotline: "热线办理",
  kiosk: "自助终端",
  api: "系统对接",
};

/** How the application came in, in words. */
export const channelText = (channel: string) => channelNames[channel] ?? channel;

/** The opening line addressed to the applicant, by their full name (the documents go to them alone). */
export const salutation = (row: CaseRow): Block => ({ kind: "paragraph", text: `${row.applicant_name}：` });

// 行政复议法 §20 (sixty days) and 行政诉讼法 §46 (six months): the terms the law itself sets, used when
// an item's guide does not state its remedies.
const defaultRemedies = {
  reconsideration: "可以自知道该行政行为之日起六十日内依法申请行政复议",
  litigation: "可以自知道或者应当知道作出行政行为之日起六个月内依法向人民法院提起行政诉讼",
};

/** 救济途径: the right to 行政复议 and 行政诉讼, worded as the item's pinned guide states them. */
export function remedyBlocks(content: ItemContent): Block[] {
  const reconsideration = content.remedies.reconsideration ?? defaultRemedies.reconsideration;
  const litigation = content.remedies.litigation ?? defaultRemedies.litigation;
  return [
    {
      kind: "paragraph",
      text: "如不服本决定，可以依法申请行政复议或者提起行政诉讼：",
      indent: true,
    },
    {
      kind: "fields",
      rows: [
        { label: "行政复议：", value: reconsideration },
        { label: "行政诉讼：", value: litigation },
      ],
    },
  ];
}

/** The parts every case document shares: issuer (the case's department), footer hint and metadata. */
export function documentFrame(
  source: DocumentSource,
  input: { title: string; suffix: string; event: CaseEventRow; blocks: Block[] },
): DocumentSpec {
  const { row } = source;
  return {
    title: input.title,
    number: `${row.number ?? row.id}-${input.suffix}`,
    blocks: input.blocks,
    issuer: { name: row.department_name, date: dateText(eventDate(input.event)) },
    footer: `可凭办件编号和查询码在 ${source.publicUrl}/progress 查询办理进度`,
    info: {
      title: `${input.title}（${row.number ?? ""}）`,
      subject: row.content.name,
      author: row.department_name,
      createdAt: new Date(input.event.at),
    },
  };
}
