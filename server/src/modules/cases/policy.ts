import {
  type Action,
  type CaseAction,
  type CaseActor,
  type CaseStatus,
  can,
  caseActionKeys,
  caseActionRule,
  type StaffRole,
  type Target,
} from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";

/** The parts of a case row that permissions depend on. */
export interface CaseScope {
  status: CaseStatus;
  applicantId: string;
  actedById: string | null;
  channel: string;
  regionCode: string;
  departmentId: string;
  /** The service place whose queue holds the case (委托受理 or 转办); null when none. */
  placeId?: string | null;
  /** The pinned item version's feature tags (容缺受理 gates accept-pending). */
  tags: readonly string[];
}

/** The policy action a staff role needs in scope to take each lifecycle action. */
const staffPermission: Record<CaseAction, Action> = {
  // A window clerk saves, submits or resubmits only for a walk-in applicant (窗口代为申请).
  save: "case.intake",
  submit: "case.intake",
  resubmit: "case.intake",
  "supply-pending": "case.precheck",
  "request-correction": "case.precheck",
  accept: "case.precheck",
  "accept-pending": "case.precheck",
  refuse: "case.refuse",
  "start-review": "case.review",
  suspend: "case.review",
  resume: "case.review",
  extend: "case.decide",
  decide: "case.decide",
  complete: "case.precheck",
  // Never reached: only the platform takes 秒批 (its rule's `by` is ["system"], which no staff role matches).
  "instant-approve": "case.decide",
  withdraw: "case.read",
  // 转办: the target's own scope is checked by the step (reassign-case.ts).
  reassign: "case.reassign",
  // 容缺 materials overdue: stopping the case is a decision maker's call (the sweep does it as the system).
  terminate: "case.decide",
};
// A decision maker suspends and resumes under 决定 rights, not 审查 rights.
const decisionPermission: Partial<Record<CaseAction, Action>> = {
  suspend: "case.decide",
  resume: "case.decide",
};

const targetOf = (scope: CaseScope): Target => ({
  regionCode: scope.regionCode,
  departmentId: scope.departmentId,
  placeId: scope.placeId ?? null,
});

/** True when the actor is the case's applicant, or an authorised agent acting for that company. */
export function isApplicant(actor: Actor, scope: CaseScope): boolean {
  if (actor.kind !== "citizen" && actor.kind !== "company") return false;
  const self = actor.actingFor?.id ?? actor.id;
  return self === scope.applicantId;
}

/** True when the actor may see the case at all; everyone else is told it does not exist. */
export function canSeeCase(actor: Actor, scope: CaseScope): boolean {
  if (isApplicant(actor, scope)) return true;
  if (actor.kind !== "staff") return false;
  // The clerk who filed a walk-in application keeps sight of it even outside their region.
  if (scope.actedById !== null && scope.actedById === actor.id) return true;
  return can(actor, "case.read", targetOf(scope));
}

/** Whether the actor may take one lifecycle action now: the status, the role and the scope all allow it. */
export function mayTake(actor: Actor, scope: CaseScope, action: CaseAction): boolean {
  const rule = caseActionRule(action);
  if (!rule.from.includes(scope.status)) return false;
  if (rule.tag !== undefined && !scope.tags.includes(rule.tag)) return false;
  if (isApplicant(actor, scope)) return rule.by.includes("applicant");
  if (actor.kind !== "staff") return false;
  const applicantSteps: readonly CaseAction[] = ["save", "submit", "resubmit"];
  // Staff take the applicant's own steps only on window cases they may file.
  if (applicantSteps.includes(action) && scope.channel !== "window") return false;
  return actor.roles.some((role) => {
    if (!rule.by.includes(role as CaseActor)) return false;
    const permission =
      role === "decision-maker"
        ? (decisionPermission[action] ?? staffPermission[action])
        : staffPermission[action];
    return can({ ...actor, roles: [role as StaffRole] }, permission, targetOf(scope));
  });
}

/** Which actions the actor may take now, for the detail view (the browser shows only these). */
export function caseAbilities(actor: Actor, scope: CaseScope): Record<CaseAction, boolean> {
  return Object.fromEntries(
    caseActionKeys.map((action) => [action, mayTake(actor, scope, action)]),
  ) as Record<CaseAction, boolean>;
}
