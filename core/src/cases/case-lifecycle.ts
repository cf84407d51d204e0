import type { StaffRole } from "../access/roles.ts";
import type { FeatureTag } from "../catalog/item-content.ts";

/** The statuses of a case (办件), in the order a case usually passes them. */
export const caseStatuses = [
  "draft",
  "submitted",
  "correction-requested",
  "accepted",
  "accepted-pending",
  "not-accepted",
  "under-review",
  "suspended",
  "decided",
  "completed",
  "withdrawn",
  "terminated",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The Chinese name shown to applicants and staff for each status. */
export const caseStatusNames = {
  draft: "草稿",
  submitted: "待预审",
  "correction-requested": "待补正",
  accepted: "已受理",
  "accepted-pending": "容缺受理",
  "not-accepted": "不予受理",
  "under-review": "审查中",
  suspended: "特别程序",
  decided: "已决定",
  completed: "已办结",
  withdrawn: "已撤回",
  terminated: "终止办理",
} as const satisfies Record<CaseStatus, string>;

/** Statuses no action leaves: the case is closed. */
export const closedCaseStatuses = [
  "not-accepted",
  "completed",
  "withdrawn",
  "terminated",
] as const satisfies readonly CaseStatus[];

/** Who performs an action: the applicant (or an agent for them), a staff role, or the platform itself. */
export type CaseActor = "applicant" | StaffRole | "system";

/** The input an action cannot do without; the server validates each one. */
export type CaseNeed = "comment" | "reason" | "materials" | "days" | "dueDate" | "outcome" | "delivery";

/** The outcomes of a decision (准予 / 不予许可). */
export const caseOutcomes = ["approved", "rejected"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];
export const caseOutcomeNames = { approved: "准予", rejected: "不予" } as const satisfies Record<
  CaseOutcome,
  string
>;

/** How the result reaches the applicant at completion. */
export const deliveryMethods = ["electronic", "pickup", "mail"] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const deliveryMethodNames = {
  electronic: "电子送达",
  pickup: "窗口领取",
  mail: "邮寄送达",
} as const satisfies Record<DeliveryMethod, string>;

/** One lifecycle action: where it applies, where it leads, who may take it and what it needs. */
export interface CaseActionRule {
  from: readonly CaseStatus[];
  /** "same" keeps the status; "previous" returns to the status the case had before it was suspended. */
  to: CaseStatus | "same" | "previous";
  by: readonly CaseActor[];
  needs: readonly CaseNeed[];
  /** Only offered when the case's item carries this feature tag. */
  tag?: FeatureTag;
}

// Kept as one table so the server checks transitions and the browser shows only possible actions from the same data.
/** The lifecycle of a case as data. */
export const caseActions = {
  // The PUT autosave also edits a case under correction, so save covers both editable statuses.
  save: { from: ["draft", "correction-requested"], to: "same", by: ["applicant", "window-clerk"], needs: [] },
  submit: { from: ["draft"], to: "submitted", by: ["applicant", "window-clerk"], needs: [] },
  // 行政许可法 §32(4): one notice naming every missing or faulty material (一次性告知补正).
  "request-correction": {
    from: ["submitted"],
    to: "correction-requested",
    by: ["window-clerk", "reviewer"],
    needs: ["materials"],
  },
  resubmit: { from: ["correction-requested"], to: "submitted", by: ["applicant", "window-clerk"], needs: [] },
  accept: { from: ["submitted"], to: "accepted", by: ["window-clerk", "reviewer"], needs: [] },
  // 容缺受理: accepted while secondary materials are owed by a promised date.
  "accept-pending": {
    from: ["submitted"],
    to: "accepted-pending",
    by: ["window-clerk"],
    needs: ["materials", "dueDate"],
    tag: "tolerant-acceptance",
  },
  "supply-pending": {
    from: ["accepted-pending"],
    to: "accepted",
    by: ["applicant", "window-clerk"],
    needs: [],
  },
  // 行政许可法 §32(2)(5): 不予受理 must be a written decision with reasons, so only a decision maker refuses.
  refuse: { from: ["submitted"], to: "not-accepted", by: ["decision-maker"], needs: ["reason"] },
  "start-review": { from: ["accepted"], to: "under-review", by: ["reviewer"], needs: [] },
  // 行政许可法 §45: hearings, testing, expert review etc. stop the clock (特别程序).
  suspend: {
    from: ["accepted", "under-review"],
    to: "suspended",
    by: ["reviewer", "decision-maker"],
    needs: ["reason"],
  },
  resume: { from: ["suspended"], to: "previous", by: ["reviewer", "decision-maker"], needs: [] },
  // 行政许可法 §42: the head of the organ may extend by 10 more working days, with reasons told to the applicant.
  extend: { from: ["under-review"], to: "same", by: ["decision-maker"], needs: ["reason", "days"] },
  decide: { from: ["under-review"], to: "decided", by: ["decision-maker"], needs: ["outcome", "comment"] },
  complete: { from: ["decided"], to: "completed", by: ["window-clerk", "reviewer"], needs: ["delivery"] },
  // 秒批: when every rule of the item passes, the platform itself accepts, approves and completes at once.
  "instant-approve": { from: ["submitted"], to: "completed", by: ["system"], needs: [] },
  withdraw: {
    from: ["draft", "submitted", "correction-requested", "accepted", "accepted-pending", "under-review"],
    to: "withdrawn",
    by: ["applicant"],
    needs: [],
  },
  // 容缺受理: owed materials not supplied by the promised date stop the case (the sweep as the system,
  // or a decision maker by hand), with the reason told to the applicant.
  terminate: {
    from: ["accepted-pending"],
    to: "terminated",
    by: ["system", "decision-maker"],
    needs: ["reason"],
  },
  // 转办: a window clerk or decision maker sends an open case to another place or department in their
  // scope that can handle the item (its implementing body or a place it is delegated to, 委托受理).
  reassign: {
    from: [
      "submitted",
      "correction-requested",
      "accepted",
      "accepted-pending",
      "under-review",
      "suspended",
      "decided",
    ],
    to: "same",
    by: ["window-clerk", "decision-maker"],
    needs: ["reason"],
  },
} as const satisfies Record<string, CaseActionRule>;
export type CaseAction = keyof typeof caseActions;

/** The action names, in table order. */
export const caseActionKeys = Object.keys(caseActions) as CaseAction[];

/** The Chinese name of each action, for buttons and the timeline. */
export const caseActionNames = {
  save: "保存",
  submit: "提交申请",
  "request-correction": "一次性告知补正",
  resubmit: "补正后提交",
  accept: "受理",
  "accept-pending": "容缺受理",
  "supply-pending": "补齐容缺材料",
  refuse: "不予受理",
  "start-review": "开始审查",
  suspend: "进入特别程序",
  resume: "恢复办理",
  extend: "延长期限",
  decide: "作出决定",
  complete: "办结",
  "instant-approve": "秒批办结",
  withdraw: "撤回申请",
  terminate: "终止办理",
  reassign: "转办",
} as const satisfies Record<CaseAction, string>;

/** Tells whether a string names a case status. */
export function isCaseStatus(value: string): value is CaseStatus {
  return (caseStatuses as readonly string[]).includes(value);
}

/** Tells whether a string names a case action. */
export function isCaseAction(value: string): value is CaseAction {
  return Object.hasOwn(caseActions, value);
}

/** The rule of one action, typed as the general shape. */
export function caseActionRule(action: CaseAction): CaseActionRule {
  return caseActions[action];
}

/**
 * The actions `by` may take on a case in `status`. `by` is one actor or every role a staff member holds.
 * Actions gated by a feature tag (accept-pending) are offered only when `tags` contains it; omitted tags mean none.
 */
export function allowedActions(
  status: CaseStatus,
  by: CaseActor | readonly CaseActor[],
  options: { tags?: readonly string[] } = {},
): CaseAction[] {
  const actors: readonly CaseActor[] = typeof by === "string" ? [by] : by;
  const tags = options.tags ?? [];
  return caseActionKeys.filter((action) => {
    const rule = caseActionRule(action);
    if (!rule.from.includes(status)) return false;
    if (rule.tag !== undefined && !tags.includes(rule.tag)) return false;
    return rule.by.some((actor) => actors.includes(actor));
  });
}

/**
 * The status a case moves to when `action` is taken from `from`; `previous` is the status it had before
 * suspension (read from the suspend event) and is required for resume. Throws RangeError on an impossible move.
 */
export function statusAfter(action: CaseAction, from: CaseStatus, previous?: CaseStatus): CaseStatus {
  const rule = caseActionRule(action);
  if (!rule.from.includes(from)) throw new RangeError(`Action ${action} is not possible from ${from}`);
  if (rule.to === "same") return from;
  if (rule.to !== "previous") return rule.to;
  if (previous === undefined || !caseActions.suspend.from.some((status) => status === previous)) {
    throw new RangeError(`Cannot resume to ${String(previous)}`);
  }
  return previous;
}
