import { type ItemContent, ItemContentSchema, type LocalDate } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { invalid } from "../../../platform/errors.ts";
import { authorize } from "../../identity/policy.ts";
import { filingDue } from "./filing-deadline.ts";
import { assertStep, loadChangeForUpdate } from "./guard.ts";

/** Rewrites a draft or returned change: its document, effective date, reason and law-change date. */
export async function updateChange(
  deps: Deps,
  actor: Actor,
  input: {
    id: string;
    content?: ItemContent | null;
    effectiveFrom: LocalDate;
    reason: string;
    lawChangedOn?: LocalDate | null;
    requestId?: string;
  },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const change = await loadChangeForUpdate(tx, actor, input.id);
    assertStep(actor, "edit", change);
    const reason = input.reason.trim();
    if (reason.length === 0) throw invalid("CATALOG_REASON_REQUIRED", "请填写变更理由");
    let content: ItemContent | null = change.content;
    let scope = { region_code: change.region_code, department_id: change.department_id };
    if (input.content != null) {
      if (change.kind === "cancel") throw invalid("CATALOG_CONTENT_NOT_ALLOWED", "取消事项不提交事项要素");
      const parsed = ItemContentSchema.safeParse(input.content);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        throw invalid("CATALOG_CONTENT_INVALID", "事项要素不完整或格式不正确", { issues });
      }
      content = parsed.data;
      const department = await tx
        .selectFrom("department")
        .select(["id", "region_code"])
        .where("id", "=", content.departmentId)
        .executeTakeFirst();
      if (!department) throw invalid("CATALOG_DEPARTMENT_NOT_FOUND", "实施主体不存在");
      authorize(actor, "catalog.draft", { regionCode: department.region_code, departmentId: department.id });
      scope = { region_code: department.region_code, department_id: department.id };
    }
    const lawChangedOn = input.lawChangedOn === undefined ? change.law_changed_on : input.lawChangedOn;
    await tx
      .updateTable("change_request")
      .set({
        content: content === null ? null : JSON.stringify(content),
        effective_from: input.effectiveFrom,
        reason,
        law_changed_on: lawChangedOn,
        filing_due: await filingDue(tx, lawChangedOn),
        ...scope,
        updated_at: new Date(),
      })
      .where("id", "=", change.id)
      .execute();
    await recordAudit(tx, actor, {
      action: "catalog.change-updated",
      subjectType: "change_request",
      subjectId: change.id,
      requestId: input.requestId ?? null,
      details: { number: change.number, effectiveFrom: input.effectiveFrom },
    });
  });
}
