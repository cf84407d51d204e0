import { can, type FormValues, ItemContentSchema } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound, unauthenticated } from "../../platform/errors.ts";
import { prefilledValues } from "./case-form.ts";

/**
 * What a new application's form starts with: the current version's prefill fields filled from the
 * applicant's verified profile — the same values creating the draft stores — so the form shows them
 * before anything is saved. A window clerk asks for the walk-in applicant's; that read of personal data
 * is audited.
 */
export async function previewPrefill(
  deps: Deps,
  actor: Actor,
  input: { itemId: string; applicantId?: string | undefined; requestId?: string },
): Promise<FormValues> {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  const atWindow = actor.kind === "staff";
  if (atWindow && !can(actor, "case.intake")) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  if (!atWindow && actor.kind !== "citizen" && actor.kind !== "company")
    throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  if (atWindow && !input.applicantId) throw invalid("CASE_APPLICANT_REQUIRED", "窗口代为申请须指明申请人");
  return deps.db.transaction().execute(async (tx) => {
    const item = await tx
      .selectFrom("item as i")
      .innerJoin("item_version as v", (join) =>
        join.onRef("v.item_id", "=", "i.id").onRef("v.version", "=", "i.version"),
      )
      .select(["i.status", "v.content"])
      .where("i.id", "=", input.itemId)
      .executeTakeFirst();
    if (item?.status !== "active") throw notFound("ITEM_NOT_FOUND", "事项不存在或已取消");
    let applicantId = actor.actingFor?.id ?? (actor.id as string);
    if (atWindow) {
      const applicant = await tx
        .selectFrom("account")
        .select(["id", "kind", "disabled_at"])
        .where("id", "=", input.applicantId as string)
        .executeTakeFirst();
      if (!applicant || applicant.kind === "staff" || applicant.disabled_at)
        throw notFound("APPLICANT_NOT_FOUND", "申请人账号不存在");
      applicantId = applicant.id;
      await recordAudit(tx, actor, {
        action: "case.prefill",
        subjectType: "account",
        subjectId: applicantId,
        requestId: input.requestId,
        onBehalfOf: applicantId,
        details: { itemId: input.itemId },
      });
    }
    const { form } = ItemContentSchema.parse(item.content);
    return prefilledValues(deps, tx, { form, values: {}, applicantId, actor });
  });
}
