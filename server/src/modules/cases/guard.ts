import type { CaseAction } from "@tongban/core";
import { caseActionNames, caseActionRule, caseStatusNames } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable, Tx } from "../../platform/db/database.ts";
import { conflict, forbidden, notFound, unauthenticated } from "../../platform/errors.ts";
import { type CaseScope, canSeeCase, mayTake } from "./policy.ts";
import { type CaseRow, findCase, lockCase } from "./queries.ts";

/** The permission-relevant view of a loaded case. */
export function scopeOf(row: CaseRow): CaseScope {
  return {
    status: row.status,
    applicantId: row.applicant_id,
    actedById: row.acted_by_id,
    channel: row.channel,
    regionCode: row.region_code,
    departmentId: row.department_id,
    placeId: row.place_id,
    tags: row.content.tags,
  };
}

const missing = () => notFound("CASE_NOT_FOUND", "办件不存在");

/** Loads a case the actor may see; a case outside their reach is reported as missing. */
export async function loadVisibleCase(q: Queryable, actor: Actor, id: string): Promise<CaseRow> {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  const row = await findCase(q, id);
  if (!row || !canSeeCase(actor, scopeOf(row))) throw missing();
  return row;
}

/**
 * Locks and loads a case for an action: missing or out of reach → 404, wrong status → 409, a role
 * or scope that does not allow the action → 403.
 */
export async function loadCaseFor(tx: Tx, actor: Actor, id: string, action: CaseAction): Promise<CaseRow> {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  if (!(await lockCase(tx, id))) throw missing();
  const row = await loadVisibleCase(tx, actor, id);
  if (!caseActionRule(action).from.includes(row.status))
    throw conflict(
      "CASE_WRONG_STATUS",
      `办件当前状态为「${caseStatusNames[row.status]}」，不能${caseActionNames[action]}`,
      {
        status: row.status,
        action,
      },
    );
  if (!mayTake(actor, scopeOf(row), action)) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  return row;
}
