import { isWithinRegion } from "./region-scope.ts";
import { type StaffRole, staffRoles } from "./roles.ts";

/** How far a role's permission reaches over a target record. */
export type Scope = "any" | "region" | "department";

/** One rule: the roles that may take an action, and the reach each has. */
export type Rule = Partial<Record<StaffRole, Scope>>;

/**
 * Every action the platform guards and who may take it. `region`: the target's region lies in the
 * actor's region subtree; `department`: also the actor's own department. Read by the server to refuse
 * and by the browser to show only possible actions.
 */
export const rules = {
  "workbench.use": Object.fromEntries(staffRoles.map((r) => [r, "any"])) as Rule,
  "calendar.publish": { "system-admin": "any" },
  "jobs.inspect": { "system-admin": "any" },
  "audit.verify": { "system-admin": "any", supervisor: "any" },
  "outbox.read": { "system-admin": "any" },
  "oidc-client.manage": { "system-admin": "any" },
  "organisation.read": Object.fromEntries(staffRoles.map((r) => [r, "any"])) as Rule,
  "organisation.manage": { "system-admin": "region" },
  "delegation.manage": { "system-admin": "region", "catalog-editor": "department" },
  "staff.manage": { "system-admin": "region" },
  // The governed catalog: editors draft, 合法性审查 reviews legality, the 政务服务管理 office's data
  // steward reviews consistency and publishes. Nobody reviews a change they drafted (checked by the use case).
  "catalog.draft": { "catalog-editor": "region" },
  "catalog.legality-review": { "legality-reviewer": "region" },
  "catalog.consistency-review": { "data-steward": "region" },
  "catalog.report": {
    "catalog-editor": "region",
    "data-steward": "region",
    supervisor: "region",
    "legality-reviewer": "region",
  },
  "catalog.import": { "catalog-editor": "region" },
  "catalog.export": { "catalog-editor": "any", "data-steward": "any" },
  // Case processing (办件): a case is in scope by its region (where it is handled) and its department
  // (the item's). Window clerks pre-check and file for walk-in applicants in their region; the
  // department's reviewers and decision makers handle its cases; supervisors (电子监察) read.
  "case.intake": { "window-clerk": "region" },
  "case.precheck": { "window-clerk": "region", reviewer: "department" },
  "case.review": { reviewer: "department" },
  "case.decide": { "decision-maker": "department" },
  // 行政许可法 §32: 不予受理 is a written decision, so only a decision maker refuses.
  "case.refuse": { "decision-maker": "department" },
  // 转办: window clerks send cases within their region, decision makers within their department.
  "case.reassign": { "window-clerk": "region", "decision-maker": "department" },
  // 告知承诺 post-verification (事后核查): the department that decided checks the commitments it relied on.
  "pledge.verify": { reviewer: "department", "decision-maker": "department" },
  "case.read": {
    "window-clerk": "region",
    reviewer: "department",
    "decision-maker": "department",
    supervisor: "region",
  },
} as const satisfies Record<string, Rule>;
export type Action = keyof typeof rules;

/** The parts of an actor that permissions depend on. */
export interface ScopedActor {
  kind: "staff" | "citizen" | "company" | "system" | "anonymous";
  roles: readonly string[];
  regionCode?: string | null;
  departmentId?: string | null;
  /** The service place the staff member works at (township and village places narrow the region scope). */
  placeId?: string | null;
}

/** The parts of a target record that scopes compare against; omit for platform-wide actions. */
export interface Target {
  regionCode?: string | null;
  departmentId?: string | null;
  /** The service place holding the record (a case's place); null or absent when none. */
  placeId?: string | null;
}

/**
 * True for staff posted at a township or village place (便民服务中心/站; GB/T 2260 gives such regions
 * 12-digit codes): 委托受理 lets them handle what their place received, not their whole region.
 */
export function isLocalPlaceActor(actor: ScopedActor): boolean {
  return actor.placeId != null && actor.regionCode != null && actor.regionCode.length === 12;
}

function reaches(scope: Scope, actor: ScopedActor, target: Target | undefined): boolean {
  // Without a target the question is "may this actor take the action at all" (menus, list pages).
  if (scope === "any" || target === undefined) return true;
  if (scope === "department") {
    const sameDepartment = target.departmentId != null && target.departmentId === actor.departmentId;
    const inRegion =
      target.regionCode == null ||
      (actor.regionCode != null && isWithinRegion(target.regionCode, actor.regionCode));
    return sameDepartment && inRegion;
  }
  if (isLocalPlaceActor(actor) && target.placeId !== actor.placeId) return false;
  return (
    target.regionCode != null &&
    actor.regionCode != null &&
    isWithinRegion(target.regionCode, actor.regionCode)
  );
}

/** True when the actor may take the action on the target (staff only; applicants act through their own rules). */
export function can(actor: ScopedActor, action: Action, target?: Target): boolean {
  if (actor.kind !== "staff") return false;
  const rule: Rule = rules[action];
  return actor.roles.some((role) => {
    const scope = rule[role as StaffRole];
    return scope !== undefined && reaches(scope, actor, target);
  });
}
