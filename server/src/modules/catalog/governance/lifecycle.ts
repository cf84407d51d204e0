import { type Action, can } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import type { ChangeStatus } from "../../../platform/db/tables-catalog.ts";

/**
 * The change request's lifecycle as data: which step each status allows and the action that guards
 * it. The server refuses by it, and the abilities it computes travel with every response.
 */
export const changeSteps = {
  edit: { from: ["draft", "returned"], action: "catalog.draft" },
  submit: { from: ["draft", "returned"], action: "catalog.draft" },
  withdraw: {
    from: ["draft", "returned", "legality-review", "consistency-review", "scheduled"],
    action: "catalog.draft",
  },
  "review-legality": { from: ["legality-review"], action: "catalog.legality-review" },
  "review-consistency": { from: ["consistency-review"], action: "catalog.consistency-review" },
} as const satisfies Record<string, { from: readonly ChangeStatus[]; action: Action }>;
export type ChangeStep = keyof typeof changeSteps;

/** Open changes block another change of the same item. */
export const openStatuses: readonly ChangeStatus[] = [
  "draft",
  "legality-review",
  "consistency-review",
  "scheduled",
  "returned",
];

/** The parts of a change request that decide who may do what. */
export interface ChangeScope {
  status: ChangeStatus;
  region_code: string;
  department_id: string;
  author_id: string | null;
}

/** The review stage a status waits for, if any. */
export function reviewStage(status: ChangeStatus): "legality" | "consistency" | null {
  if (status === "legality-review") return "legality";
  if (status === "consistency-review") return "consistency";
  return null;
}

/** May the actor take this step on this change now (status, role, scope and — for reviews — not their own)? */
export function canTake(actor: Actor, step: ChangeStep, change: ChangeScope): boolean {
  const rule = changeSteps[step];
  if (!(rule.from as readonly ChangeStatus[]).includes(change.status)) return false;
  if (!can(actor, rule.action, { regionCode: change.region_code, departmentId: change.department_id }))
    return false;
  // A reviewer may not review a change they drafted (four eyes).
  if (step.startsWith("review-") && change.author_id !== null && change.author_id === actor.id) return false;
  return true;
}

/** What the actor may do with a change, for the UI. */
export function changeAbilities(actor: Actor, change: ChangeScope) {
  const stage = reviewStage(change.status);
  return {
    edit: canTake(actor, "edit", change),
    submit: canTake(actor, "submit", change),
    review:
      stage !== null &&
      canTake(actor, stage === "legality" ? "review-legality" : "review-consistency", change),
    withdraw: canTake(actor, "withdraw", change),
  };
}

const readActions: readonly Action[] = [
  "catalog.draft",
  "catalog.legality-review",
  "catalog.consistency-review",
  "catalog.report",
];

/** Anyone who drafts, reviews or reports on the catalog in a region sees its items and changes there. */
export function canSeeCatalog(
  actor: Actor,
  target?: { regionCode: string; departmentId?: string | null },
): boolean {
  return readActions.some((action) => can(actor, action, target));
}
