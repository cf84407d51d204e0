import { maskCitizenId, validateCitizenId } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import type { IdentityVerifier } from "./verifier.ts";

/**
 * Raises a citizen to real-name level 2 when the identity service confirms their name and
 * 公民身份号码. One person, one account: a number already bound elsewhere is refused.
 */
export async function verifyRealName(
  deps: Deps & { verifier: IdentityVerifier },
  actor: Actor,
  input: { name: string; citizenId: string; requestId?: string },
): Promise<void> {
  if (actor.kind !== "citizen" || !actor.id)
    throw new DomainError("forbidden", "FORBIDDEN", "只有个人用户可以进行实名认证");
  const accountId = actor.id;
  const checked = validateCitizenId(input.citizenId);
  if (!checked.valid) throw invalid("CITIZEN_ID_INVALID", "公民身份号码不正确", { reason: checked.reason });
  const citizenId = checked.normalized;
  const { matched } = await deps.verifier.verify({ name: input.name, citizenId });
  await deps.db.transaction().execute(async (tx) => {
    const index = deps.vault.index(`citizen-id:${citizenId}`);
    const holder = await tx
      .selectFrom("account")
      .select("id")
      .where("citizen_id_index", "=", index)
      .executeTakeFirst();
    if (holder && holder.id !== accountId) throw conflict("CITIZEN_ID_BOUND", "该身份证号已绑定其他账号");
    if (matched) {
      await tx
        .updateTable("account")
        .set({
          real_name_level: 2,
          legal_name: input.name,
          citizen_id_enc: deps.vault.encrypt(citizenId),
          citizen_id_index: index,
          citizen_id_masked: maskCitizenId(citizenId),
        })
        .where("id", "=", accountId)
        .execute();
    }
    await recordAudit(tx, actor, {
      action: matched ? "account.real-name-verified" : "account.real-name-rejected",
      subjectType: "account",
      subjectId: accountId,
      requestId: input.requestId ?? null,
      details: { citizenId: maskCitizenId(citizenId) },
    });
  });
  if (!matched) throw invalid("REAL_NAME_MISMATCH", "姓名与身份证号码不匹配，请核对后重试");
}
