import { type CaseAction, type CaseNeed, caseActionKeys, caseActionRule } from "@tongban/core";
import type { ActionInput, CaseDetail } from "../../cases/api.ts";
import { type DeliveryValues, deliveryBody, deliveryComplete } from "./delivery-form.ts";
import { type ReassignValues, reassignTarget } from "./reassign-form.ts";

/** Actions staff take from the workbench; save and submit belong to the intake editor. */
const editorActions: readonly CaseAction[] = ["save", "submit"];

/** The actions the server says this staff member may take now, in lifecycle order: only these get buttons. */
export function staffActions(abilities: CaseDetail["abilities"]): CaseAction[] {
  return caseActionKeys.filter((action) => abilities[action] === true && !editorActions.includes(action));
}

/** What an action asks for: the core's needs. */
export function actionNeeds(action: CaseAction): readonly CaseNeed[] {
  return caseActionRule(action).needs;
}

/** The values of an action's form as people fill it in. */
export interface ActionValues extends DeliveryValues, ReassignValues {
  comment?: string;
  reason?: string;
  days?: number;
  dueDate?: string;
  outcome?: "approved" | "rejected";
  /** Approving an item with several charged fees: the positions of those that apply. */
  fees?: number[];
  /** Material id → picked, and the problem written for it. */
  materials?: Record<string, { picked?: boolean; problem?: string }>;
}

/** The form fields that are missing or wrong; empty when the action may be sent. */
export function actionProblems(action: CaseAction, values: ActionValues): CaseNeed[] {
  const picked = pickedMaterials(values);
  return actionNeeds(action).filter((need) => {
    switch (need) {
      case "comment":
        return !values.comment?.trim();
      case "reason":
        return !values.reason?.trim();
      case "days":
        return !(Number.isInteger(values.days) && (values.days ?? 0) > 0);
      case "dueDate":
        return !values.dueDate || !/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate);
      case "outcome":
        return values.outcome === undefined;
      case "delivery":
        return !deliveryComplete(values);
      case "materials":
        // A correction notice must say what is wrong with each material it names (一次性告知).
        return (
          picked.length === 0 ||
          (action === "request-correction" && picked.some(([, v]) => !v.problem?.trim()))
        );
    }
    return false;
  });
}

function pickedMaterials(values: ActionValues) {
  return Object.entries(values.materials ?? {}).filter(([, value]) => value.picked === true);
}

/**
 * The request body of an action: only the fields it needs, plus an optional comment. Materials owed
 * under 容缺 may go without a problem text: `owedProblem` fills it.
 */
export function actionBody(action: CaseAction, values: ActionValues, owedProblem: string): ActionInput {
  const needs = actionNeeds(action);
  const body: ActionInput = {};
  if (values.comment?.trim()) body.comment = values.comment.trim();
  if (needs.includes("reason") && values.reason) body.reason = values.reason.trim();
  if (needs.includes("days") && values.days !== undefined) body.days = values.days;
  if (needs.includes("dueDate") && values.dueDate) body.dueDate = values.dueDate;
  if (needs.includes("outcome") && values.outcome) body.outcome = values.outcome;
  const delivery = deliveryBody(values);
  if (needs.includes("delivery") && delivery) body.delivery = delivery;
  if (action === "decide" && values.outcome === "approved" && values.fees?.length) body.fees = values.fees;
  const target = action === "reassign" ? reassignTarget(values) : undefined;
  if (target) body.target = target;
  if (needs.includes("materials")) {
    body.materials = pickedMaterials(values).map(([materialId, value]) => ({
      materialId,
      problem: value.problem?.trim() || owedProblem,
    }));
  }
  return body;
}
