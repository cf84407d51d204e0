import { maskMobile } from "@tongban/core";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict } from "../../platform/errors.ts";
import { policyOf } from "./log-in.ts";
import { consumeCode, issueCode } from "./one-time-codes.ts";
import { hashPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

/** Sends a code to a number about to register (or to sign in: unknown numbers get no message). */
export async function requestCode(
  deps: Deps,
  input: { mobile: string; purpose: "register" | "login" },
): Promise<void> {
  const exists = await deps.db
    .selectFrom("account")
    .select("id")
    .where("mobile_index", "=", deps.vault.index(`mobile:${input.mobile}`))
    .executeTakeFirst();
  // Registering a taken number, or signing in with an unknown one, sends nothing but answers the same.
  const deliver = input.purpose === "register" ? !exists : Boolean(exists);
  await deps.db.transaction().execute((tx) => issueCode(deps, tx, { ...input, deliver }));
}

/**
 * Registers a citizen with a verified mobile number (real-name level 1) and signs them in:
 * "一次注册、多点互认" starts here; real-name verification raises the level later.
 */
export async function registerCitizen(
  deps: Deps,
  input: { mobile: string; code: string; password: string; displayName: string; requestId?: string },
): Promise<{ token: string; accountId: string }> {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (tx) => {
    await consumeCode(deps, tx, { purpose: "register", mobile: input.mobile, code: input.code });
    const index = deps.vault.index(`mobile:${input.mobile}`);
    const taken = await tx
      .selectFrom("account")
      .select("id")
      .where("mobile_index", "=", index)
      .executeTakeFirst();
    if (taken) throw conflict("MOBILE_TAKEN", "该手机号已注册，请直接登录");
    const account = await tx
      .insertInto("account")
      .values({
        kind: "citizen",
        username: null,
        display_name: input.displayName,
        password_hash: passwordHash,
        mobile_enc: deps.vault.encrypt(input.mobile),
        mobile_index: index,
        mobile_masked: maskMobile(input.mobile),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const token = await createSession(tx, account.id, policyOf(deps));
    await recordAudit(
      tx,
      { ...systemActor, kind: "citizen", id: account.id },
      {
        action: "account.registered",
        subjectType: "account",
        subjectId: account.id,
        requestId: input.requestId ?? null,
        details: { mobile: maskMobile(input.mobile) },
      },
    );
    return { token, accountId: account.id };
  });
}
