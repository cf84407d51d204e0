import { randomInt } from "node:crypto";
import { maskMobile } from "@tongban/core";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { sendMessage } from "../notifications/send-message.ts";

/** What a code proves: the holder of the number wants to register, or to sign in. */
export type CodePurpose = "register" | "login";

const TTL_MINUTES = 5;
const RESEND_SECONDS = 60;
const MAX_ATTEMPTS = 5;

const codeDigest = (deps: Deps, purpose: CodePurpose, mobile: string, code: string) =>
  deps.vault.index(`otp:${purpose}:${mobile}:${code}`);

/**
 * Sends a 6-digit code by SMS (through the notification channel). At most one a minute per number and
 * purpose. `deliver: false` records nothing visible to the caller either way, so the answer never tells
 * whether a number has an account.
 */
export async function issueCode(
  deps: Deps,
  tx: Tx,
  input: { purpose: CodePurpose; mobile: string; deliver: boolean },
): Promise<void> {
  const target = deps.vault.index(`mobile:${input.mobile}`);
  const recent = await tx
    .selectFrom("one_time_code")
    .select("created_at")
    .where("target_index", "=", target)
    .where("purpose", "=", input.purpose)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (recent && Date.now() - recent.created_at.getTime() < RESEND_SECONDS * 1000) {
    throw new DomainError("rate-limited", "CODE_TOO_SOON", `验证码已发送，请${RESEND_SECONDS}秒后再试`);
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  await tx
    .insertInto("one_time_code")
    .values({
      purpose: input.purpose,
      target_index: target,
      code_hash: codeDigest(deps, input.purpose, input.mobile, code),
      expires_at: new Date(Date.now() + TTL_MINUTES * 60_000),
    })
    .execute();
  if (!input.deliver) return;
  const what = input.purpose === "register" ? "注册" : "登录";
  await sendMessage(deps, tx, {
    channel: "sms",
    recipient: input.mobile,
    recipientMasked: maskMobile(input.mobile),
    template: `otp.${input.purpose}`,
    body: `【通办】您正在${what}，验证码 ${code}，${TTL_MINUTES}分钟内有效。请勿告诉他人。`,
  });
}

/** Checks and uses up a code; wrong, expired, used or over-tried codes all give one answer. */
export async function consumeCode(
  deps: Deps,
  tx: Tx,
  input: { purpose: CodePurpose; mobile: string; code: string },
): Promise<void> {
  const target = deps.vault.index(`mobile:${input.mobile}`);
  const latest = await tx
    .selectFrom("one_time_code")
    .selectAll()
    .where("target_index", "=", target)
    .where("purpose", "=", input.purpose)
    .orderBy("created_at", "desc")
    .forUpdate()
    .executeTakeFirst();
  const wrong = invalid("CODE_INVALID", "验证码错误或已失效，请重新获取");
  if (!latest || latest.consumed_at || latest.expires_at < new Date() || latest.attempts >= MAX_ATTEMPTS)
    throw wrong;
  if (latest.code_hash !== codeDigest(deps, input.purpose, input.mobile, input.code)) {
    await tx
      .updateTable("one_time_code")
      .set({ attempts: latest.attempts + 1 })
      .where("id", "=", latest.id)
      .execute();
    throw wrong;
  }
  await tx
    .updateTable("one_time_code")
    .set({ consumed_at: new Date() })
    .where("id", "=", latest.id)
    .execute();
}
