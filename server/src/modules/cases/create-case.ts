import { can, ItemContentSchema } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { CaseChannel, CaseForm } from "../../platform/db/tables-cases.ts";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, invalid, notFound, unauthenticated } from "../../platform/errors.ts";
import { checkedForm, prefilledValues } from "./case-form.ts";
import { findCase } from "./queries.ts";
import { recordStep } from "./record-event.ts";
import { routeWindowCase } from "./route-case.ts";
import { caseToday } from "./today.ts";

/** What an application starts with. */
export interface CreateCaseInput {
  itemId: string;
  answers: Record<string, string>;
  /** The form values given so far; the server fills the prefill fields left empty. */
  form?: CaseForm;
  channel?: "web" | "mobile";
  /** A window clerk filing for a walk-in applicant names the applicant's account. */
  applicant?: { accountId: string };
  requestId?: string;
}

/**
 * Starts a draft application under the item's current published version (pinned for the case's life).
 * Citizens and companies apply for themselves (an authorised agent for their company); a window clerk
 * files for a walk-in applicant, and the case is handled in the clerk's region.
 */
export async function createCase(deps: Deps, actor: Actor, input: CreateCaseInput): Promise<{ id: string }> {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  const atWindow = actor.kind === "staff";
  if (atWindow && !can(actor, "case.intake")) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  if (!atWindow && actor.kind !== "citizen" && actor.kind !== "company")
    throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  if (atWindow && !input.applicant) throw invalid("CASE_APPLICANT_REQUIRED", "窗口代为申请须指明申请人");
  if (atWindow && !actor.regionCode) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
  return deps.db.transaction().execute(async (tx) => {
    const item = await tx
      .selectFrom("item")
      .select(["id", "version", "department_id", "region_code", "status"])
      .where("id", "=", input.itemId)
      .executeTakeFirst();
    if (item?.status !== "active") throw notFound("ITEM_NOT_FOUND", "事项不存在或已取消");
    let applicantId = actor.actingFor?.id ?? (actor.id as string);
    if (atWindow && input.applicant) {
      const applicant = await tx
        .selectFrom("account")
        .select(["id", "kind", "disabled_at"])
        .where("id", "=", input.applicant.accountId)
        .executeTakeFirst();
      if (!applicant || applicant.kind === "staff" || applicant.disabled_at)
        throw notFound("APPLICANT_NOT_FOUND", "申请人账号不存在");
      applicantId = applicant.id;
    }
    const channel: CaseChannel = atWindow ? "window" : (input.channel ?? "web");
    // 申请表: the pinned version's form, filled from the applicant's verified profile, checked leniently.
    const version = await tx
      .selectFrom("item_version")
      .select("content")
      .where("item_id", "=", item.id)
      .where("version", "=", item.version)
      .executeTakeFirstOrThrow();
    const { form } = ItemContentSchema.parse(version.content);
    const values = await prefilledValues(deps, tx, { form, values: input.form ?? {}, applicantId, actor });
    const stored = checkedForm(form, values, input.answers, { strict: false });
    // 委托受理: a window case lands in the queue of the place that received it (route-case.ts).
    const route = atWindow ? await routeWindowCase(tx, actor, item, caseToday()) : null;
    const created = await tx
      .insertInto("cases")
      .values({
        item_id: item.id,
        item_version: item.version,
        applicant_id: applicantId,
        acted_by_id: atWindow || actor.actingFor ? actor.id : null,
        channel,
        answers: JSON.stringify(input.answers),
        form: JSON.stringify(stored),
        department_id: item.department_id,
        region_code: route ? route.regionCode : item.region_code,
        place_id: route?.placeId ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await findCase(tx, created.id);
    if (!row) throw notFound("CASE_NOT_FOUND", "办件不存在");
    await recordStep(deps, tx, actor, row, {
      action: "create",
      to: "draft",
      today: caseToday(),
      requestId: input.requestId,
      details: { itemId: item.id, version: item.version, channel },
      quiet: true,
    });
    return { id: created.id };
  });
}
