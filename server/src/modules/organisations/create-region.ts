import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { assertNoViolations, uniquely } from "./guards.ts";
import { findRegion } from "./queries.ts";
import { regionLevelOf, regionViolations, todayInShanghai } from "./rules.ts";
import type { CreateRegionRequest } from "./schemas.ts";

/**
 * Adds a region under its parent. The level follows from the code's structure (GB/T 2260, 12-digit
 * 统计用区划 below county) and the code must extend the parent's prefix.
 */
export async function createRegion(
  deps: Deps,
  actor: Actor,
  input: CreateRegionRequest & { requestId?: string },
): Promise<string> {
  // The new code itself must lie in the actor's scope: a district administrator adds streets, not cities.
  authorize(actor, "organisation.manage", { regionCode: input.code });
  return deps.db.transaction().execute(async (tx) => {
    const parent = input.parentCode === null ? null : await findRegion(tx, input.parentCode);
    assertNoViolations(
      regionViolations({
        code: input.code,
        parent,
        parentCode: input.parentCode,
        validFrom: input.validFrom,
        validTo: input.validTo,
        today: todayInShanghai(),
      }),
    );
    const level = regionLevelOf(input.code);
    if (!level) throw new Error("unreachable: regionViolations accepts only well-formed codes");
    if (await findRegion(tx, input.code)) {
      throw conflict("REGION_CODE_TAKEN", `区划代码 ${input.code} 已存在`);
    }
    await uniquely(
      () =>
        tx
          .insertInto("region")
          .values({
            code: input.code,
            name: input.name,
            level,
            parent_code: input.parentCode,
            valid_from: input.validFrom,
            valid_to: input.validTo,
          })
          .execute(),
      "REGION_CODE_TAKEN",
      `区划代码 ${input.code} 已存在`,
    );
    await recordAudit(tx, actor, {
      action: "region.created",
      subjectType: "region",
      subjectId: input.code,
      requestId: input.requestId ?? null,
      details: {
        name: input.name,
        level,
        parentCode: input.parentCode,
        validFrom: input.validFrom,
        validTo: input.validTo,
      },
    });
    return input.code;
  });
}
