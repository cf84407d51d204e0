import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertNoViolations, uniquely } from "./guards.ts";
import { findRegion } from "./queries.ts";
import { departmentViolations, isAbolished, todayInShanghai, type Violation } from "./rules.ts";
import type { CreateDepartmentRequest } from "./schemas.ts";

/**
 * The checks a department's region and credit code must pass, shared by create and update. `staysPut`:
 * a department that keeps its region may still be edited after the region is abolished.
 */
export async function departmentProblems(
  tx: Tx,
  input: { regionCode: string; creditCode: string | null; staysPut?: boolean },
): Promise<Violation[]> {
  const region = await findRegion(tx, input.regionCode);
  const violations: Violation[] = [];
  if (!region) {
    violations.push({
      field: "regionCode",
      code: "REGION_NOT_FOUND",
      message: `区划 ${input.regionCode} 不存在`,
    });
  } else if (!input.staysPut && isAbolished(region, todayInShanghai())) {
    violations.push({
      field: "regionCode",
      code: "REGION_ABOLISHED",
      message: `${region.name}已于 ${region.valid_to} 停用`,
    });
  }
  violations.push(...departmentViolations({ creditCode: input.creditCode }));
  return violations;
}

/** Refuses a credit code another department already holds. */
export async function assertCreditCodeFree(
  tx: Tx,
  creditCode: string | null,
  exceptId?: string,
): Promise<void> {
  if (creditCode === null) return;
  let query = tx.selectFrom("department").select("name").where("credit_code", "=", creditCode);
  if (exceptId) query = query.where("id", "<>", exceptId);
  const holder = await query.executeTakeFirst();
  if (holder) {
    throw conflict("DEPARTMENT_CREDIT_CODE_TAKEN", `统一社会信用代码已被“${holder.name}”使用`);
  }
}

/** Adds a department (实施主体) in a region, with a valid 统一社会信用代码 when it has one. */
export async function createDepartment(
  deps: Deps,
  actor: Actor,
  input: CreateDepartmentRequest & { requestId?: string },
): Promise<string> {
  authorize(actor, "organisation.manage", { regionCode: input.regionCode });
  return deps.db.transaction().execute(async (tx) => {
    assertNoViolations(await departmentProblems(tx, input));
    await assertCreditCodeFree(tx, input.creditCode);
    const ref = input.ref ?? `dept-${(input.creditCode ?? crypto.randomUUID().slice(0, 8)).toLowerCase()}`;
    const taken = await tx.selectFrom("department").select("id").where("ref", "=", ref).executeTakeFirst();
    if (taken) throw conflict("DEPARTMENT_REF_TAKEN", `部门标识 ${ref} 已被使用`);
    const row = await uniquely(
      () =>
        tx
          .insertInto("department")
          .values({
            ref,
            name: input.name,
            kind: input.kind,
            credit_code: input.creditCode,
            region_code: input.regionCode,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      "DEPARTMENT_TAKEN",
      "部门标识或统一社会信用代码已被使用",
    );
    await recordAudit(tx, actor, {
      action: "department.created",
      subjectType: "department",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: {
        ref,
        name: input.name,
        kind: input.kind,
        creditCode: input.creditCode,
        regionCode: input.regionCode,
      },
    });
    return row.id;
  });
}
