import { type Action, can, type Target } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { forbidden, notFound, unauthenticated } from "../../platform/errors.ts";

/** Throws UNAUTHENTICATED for visitors and FORBIDDEN when the action is not allowed on the target. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  if (!can(actor, action, target)) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
}

/**
 * For a record the actor loaded by id: outside their scope it is reported as missing, so nobody
 * learns that a record they may not see exists.
 */
export function hideUnlessAllowed(
  actor: Actor,
  action: Action,
  target: Target,
  missing = notFound("NOT_FOUND", "记录不存在"),
): void {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  if (!can(actor, action, target)) throw missing;
}
