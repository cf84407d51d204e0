import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { sqlState } from "./guards.ts";
import { findRegion } from "./queries.ts";

/**
 * Deletes a region entered by mistake. A region that anything references (a child region, a
 * department, a place, an account — any foreign key, present or future) is refused: abolish it with
 * valid_to instead, so the code stays meaningful.
 */
export async function deleteRegion(
  deps: Deps,
  actor: Actor,
  input: { code: string; requestId?: string },
): Promise<void> {
  authorize(actor, "organisation.manage");
  const region = await findRegion(deps.db, input.code);
  if (!region) throw notFound("REGION_NOT_FOUND", "区划不存在");
  authorize(actor, "organisation.manage", { regionCode: region.code });
  try {
    await deps.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("region").where("code", "=", region.code).execute();
      await recordAudit(tx, actor, {
        action: "region.deleted",
        subjectType: "region",
        subjectId: region.code,
        requestId: input.requestId ?? null,
        details: { name: region.name, level: region.level, parentCode: region.parent_code },
      });
    });
  } catch (error) {
    // The database knows every reference, including those of tables added after this module.
    if (sqlState(error) === "23503") {
      throw conflict("REGION_IN_USE", `${region.name}已被其他数据引用，不能删除；如已撤销，请填写停用日期`);
    }
    throw error;
  }
}
