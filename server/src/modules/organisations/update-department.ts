import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertCreditCodeFree, departmentProblems } from "./create-department.ts";
import { assertNoViolations, changes, uniquely } from "./guards.ts";
import { findDepartment } from "./queries.ts";
import type { UpdateDepartmentRequest } from "./schemas.ts";

/** Changes a department's name, kind, credit code or region (moving it needs scope over both regions). */
export async function updateDepartment(
  deps: Deps,
  actor: Actor,
  input: UpdateDepartmentRequest & { id: string; requestId?: string },
): Promise<void> {
  authorize(actor, "organisation.manage");
  await deps.db.transaction().execute(async (tx) => {
    const department = await findDepartment(tx, input.id);
    // Departments are reference data every staff member reads, so a refusal is FORBIDDEN, not hidden.
    if (!department) throw notFound("DEPARTMENT_NOT_FOUND", "部门不存在");
    authorize(actor, "organisation.manage", { regionCode: department.region_code });
    if (input.regionCode !== undefined)
      authorize(actor, "organisation.manage", { regionCode: input.regionCode });
    const next = {
      name: input.name ?? department.name,
      kind: input.kind ?? department.kind,
      creditCode: input.creditCode === undefined ? department.credit_code : input.creditCode,
      regionCode: input.regionCode ?? department.region_code,
    };
    assertNoViolations(
      await departmentProblems(tx, { ...next, staysPut: next.regionCode === department.region_code }),
    );
    await assertCreditCodeFree(tx, next.creditCode, department.id);
    const changed = changes(
      {
        name: department.name,
        kind: department.kind,
        creditCode: department.credit_code,
        regionCode: department.region_code,
      },
      { name: input.name, kind: input.kind, creditCode: input.creditCode, regionCode: input.regionCode },
    );
    if (Object.keys(changed).length === 0) return;
    await uniquely(
      () =>
        tx
          .updateTable("department")
          .set({
            name: next.name,
            kind: next.kind,
            credit_code: next.creditCode,
            region_code: next.regionCode,
          })
          .where("id", "=", department.id)
          .execute(),
      "DEPARTMENT_CREDIT_CODE_TAKEN",
      "统一社会信用代码已被其他部门使用",
    );
    await recordAudit(tx, actor, {
      action: "department.updated",
      subjectType: "department",
      subjectId: department.id,
      requestId: input.requestId ?? null,
      details: { changes: changed },
    });
  });
}
