import { can } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { conflict, forbidden, notFound, unauthenticated } from "../../../platform/errors.ts";
import { type ChangeStep, canSeeCatalog, changeSteps } from "./lifecycle.ts";

const stepNames: Record<ChangeStep, string> = {
  edit: "修改",
  submit: "提交",
  withdraw: "撤回",
  "review-legality": "合法性审查",
  "review-consistency": "一致性审核",
};

/** Locks a change request for a step; outside the actor's scope it is reported as missing. */
export async function loadChangeForUpdate(tx: Tx, actor: Actor, id: string) {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  const change = await tx
    .selectFrom("change_request")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (
    !change ||
    !canSeeCatalog(actor, { regionCode: change.region_code, departmentId: change.department_id })
  )
    throw notFound("CATALOG_CHANGE_NOT_FOUND", "变更申请不存在");
  return change;
}
export type LockedChange = Awaited<ReturnType<typeof loadChangeForUpdate>>;

/** Refuses a step the status does not allow (409), the actor's role or scope does not allow (403), or self-review. */
export function assertStep(actor: Actor, step: ChangeStep, change: LockedChange): void {
  const rule = changeSteps[step];
  if (!(rule.from as readonly string[]).includes(change.status)) {
    const code = step === "edit" ? "CATALOG_CHANGE_NOT_EDITABLE" : "CATALOG_CHANGE_WRONG_STATUS";
    throw conflict(code, `变更申请 ${change.number} 当前状态不能${stepNames[step]}`, {
      status: change.status,
    });
  }
  if (!can(actor, rule.action, { regionCode: change.region_code, departmentId: change.department_id }))
    throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  if (step.startsWith("review-") && change.author_id !== null && change.author_id === actor.id)
    throw forbidden("CATALOG_SELF_REVIEW", "不能审核自己起草的变更申请");
}
