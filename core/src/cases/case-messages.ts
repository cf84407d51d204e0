import type { StaffRole } from "../access/roles.ts";
import type { CaseAction } from "./case-lifecycle.ts";

/** The ways a message reaches a person: the in-app inbox (站内信), a text message, an email. */
export const messageChannels = ["site", "sms", "email"] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Case events that are not lifecycle actions but still tell someone something. */
export const caseNoticeEvents = [
  "case.due-soon",
  "case.overdue",
  "payment.paid",
  "pending.reminder",
] as const;

/** Everything a case message can be about: each lifecycle action and the events raised beside them. */
export type CaseMessageEvent = CaseAction | (typeof caseNoticeEvents)[number];

/** The values a template may name as `{placeholder}`; the server fills them from the case. */
export const caseMessagePlaceholders = [
  "item",
  "number",
  "queryCode",
  "status",
  "reason",
  "dueDate",
  "pendingDueDate",
  "materials",
  "outcome",
  "delivery",
  "days",
  "left",
  "amount",
  "applicant",
  "target",
] as const;
export type CaseMessagePlaceholder = (typeof caseMessagePlaceholders)[number];
export type CaseMessageValues = Partial<Record<CaseMessagePlaceholder, string | number | null>>;

/** What one event tells the applicant and the responsible staff. */
export interface CaseMessageTemplate {
  /** The applicant's message and its channels (site always); null when the event is no news to them. */
  applicant: { channels: readonly MessageChannel[]; text: string } | null;
  /**
   * The staff message (site only): sent to every staff member holding one of `roles` whose reach
   * covers the case (the case.read policy); null when no one on the staff side needs to act on it.
   */
  staff: { roles: readonly StaffRole[]; text: string } | null;
}

// The applicant hears of every step on the site. Text messages (and email, where an address is known)
// go only for steps the applicant must act on or that end the case, so a phone is not flooded.
const site = ["site"] as const;
const loud = ["site", "sms", "email"] as const;
const caseRoles = ["window-clerk", "reviewer", "decision-maker"] as const;

// An index signature beside the required keys: an action another change adds later is checked by
// the test (and by the type once it is in CaseAction), without refusing entries that arrive first.
type Templates = Record<CaseMessageEvent, CaseMessageTemplate> & Record<string, CaseMessageTemplate>;

/** The message templates per case event, in Chinese. */
export const caseMessageTemplates: Templates = {
  // Autosaves are not news to anyone.
  save: { applicant: null, staff: null },
  submit: {
    applicant: {
      channels: site,
      text: "您申请的「{item}」已提交，办件编号 {number}，查询码 {queryCode}。请等待窗口预审。",
    },
    staff: { roles: ["window-clerk"], text: "新申请待预审：办件 {number}「{item}」，申请人 {applicant}。" },
  },
  "request-correction": {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）需补正材料：{materials}。请登录通办一次性补正后重新提交。",
    },
    staff: null,
  },
  resubmit: {
    applicant: {
      channels: site,
      text: "您申请的「{item}」（办件编号 {number}）已补正并重新提交，请等待预审。",
    },
    staff: { roles: ["window-clerk"], text: "办件 {number}「{item}」已补正，待预审。" },
  },
  accept: {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）已受理，承诺办结期限 {dueDate}。",
    },
    staff: { roles: ["reviewer"], text: "办件 {number}「{item}」已受理，待审查，办理期限 {dueDate}。" },
  },
  "accept-pending": {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）已容缺受理，请于 {pendingDueDate} 前补齐：{materials}。逾期未补齐的，将终止办理。",
    },
    staff: null,
  },
  "supply-pending": {
    applicant: {
      channels: site,
      text: "您申请的「{item}」（办件编号 {number}）容缺材料已补齐，转入正常办理。",
    },
    staff: { roles: ["reviewer"], text: "办件 {number}「{item}」容缺材料已补齐，待审查。" },
  },
  refuse: {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）不予受理，理由：{reason}。如不服，可依法申请行政复议或提起行政诉讼。",
    },
    staff: null,
  },
  "start-review": {
    applicant: { channels: site, text: "您申请的「{item}」（办件编号 {number}）已进入审查。" },
    staff: null,
  },
  suspend: {
    applicant: {
      channels: site,
      text: "您申请的「{item}」（办件编号 {number}）进入特别程序：{reason}。特别程序所需时间不计入办理期限。",
    },
    staff: null,
  },
  resume: {
    applicant: {
      channels: site,
      text: "您申请的「{item}」（办件编号 {number}）特别程序结束，恢复办理，办理期限 {dueDate}。",
    },
    staff: null,
  },
  extend: {
    applicant: {
      channels: site,
      text: "您申请的「{item}」（办件编号 {number}）办理期限延长 {days} 日，理由：{reason}。新的办理期限 {dueDate}。",
    },
    staff: null,
  },
  decide: {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）已作出{outcome}许可的决定。",
    },
    staff: { roles: ["window-clerk", "reviewer"], text: "办件 {number}「{item}」已作出决定，待办结送达。" },
  },
  complete: {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）已办结，送达方式：{delivery}。",
    },
    staff: null,
  },
  withdraw: {
    applicant: { channels: site, text: "您已撤回「{item}」的申请（办件编号 {number}）。" },
    staff: { roles: caseRoles, text: "申请人已撤回办件 {number}「{item}」。" },
  },
  terminate: {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）已终止办理，原因：{reason}。",
    },
    staff: { roles: caseRoles, text: "办件 {number}「{item}」已终止办理，原因：{reason}。" },
  },
  "instant-approve": {
    applicant: {
      channels: loud,
      text: "您申请的「{item}」（办件编号 {number}）符合秒批条件，已自动审批并办结。",
    },
    staff: null,
  },
  reassign: {
    applicant: { channels: site, text: "您申请的「{item}」（办件编号 {number}）已转至{target}办理。" },
    staff: { roles: caseRoles, text: "办件 {number}「{item}」已转至{target}，请及时办理。理由：{reason}。" },
  },
  "case.due-soon": {
    applicant: null,
    staff: {
      roles: caseRoles,
      text: "办件 {number}「{item}」（{status}）剩余 {left} 个工作日到期，办理期限 {dueDate}。",
    },
  },
  "case.overdue": {
    applicant: null,
    staff: { roles: caseRoles, text: "办件 {number}「{item}」（{status}）已超期，办理期限 {dueDate}。" },
  },
  "payment.paid": {
    applicant: {
      channels: site,
      text: "您已缴纳「{item}」（办件编号 {number}）的费用 {amount} 元，电子票据可在办件详情中查看。",
    },
    staff: null,
  },
  "pending.reminder": {
    applicant: {
      channels: loud,
      text: "提醒：您申请的「{item}」（办件编号 {number}）容缺材料须于 {pendingDueDate} 前补齐：{materials}。逾期未补齐的，将终止办理。",
    },
    staff: { roles: ["window-clerk"], text: "办件 {number}「{item}」容缺材料将于 {pendingDueDate} 到期。" },
  },
};

/** The template of one event, or undefined for an event no one is told about. */
export function caseMessageTemplate(event: string): CaseMessageTemplate | undefined {
  return Object.hasOwn(caseMessageTemplates, event) ? caseMessageTemplates[event] : undefined;
}

/** The placeholders a template text names, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] as string);
}

/** Fills `{placeholder}`s from `values`; one without a value becomes "—" rather than a raw brace. */
export function renderCaseMessage(text: string, values: CaseMessageValues): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = values[name as CaseMessagePlaceholder];
    return value === undefined || value === null || value === "" ? "—" : String(value);
  });
}

/** A text message carries the platform's signature first, as carriers require. */
export function smsBody(text: string): string {
  return `【通办】${text}`;
}

/** What to send for one event: the applicant's text and channels, the staff text and roles. */
export interface RenderedCaseMessages {
  applicant: { channels: readonly MessageChannel[]; body: string } | null;
  staff: { roles: readonly StaffRole[]; body: string } | null;
}

/** Renders both sides of an event's template; an event without a template tells no one. */
export function renderCaseEvent(event: string, values: CaseMessageValues): RenderedCaseMessages {
  const template = caseMessageTemplate(event);
  if (!template) return { applicant: null, staff: null };
  return {
    applicant: template.applicant && {
      channels: template.applicant.channels,
      body: renderCaseMessage(template.applicant.text, values),
    },
    staff: template.staff && {
      roles: template.staff.roles,
      body: renderCaseMessage(template.staff.text, values),
    },
  };
}
