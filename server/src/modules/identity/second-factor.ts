import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { matchTotp, newTotpSecret, totpUri } from "../../platform/totp.ts";
import { policyOf } from "./log-in.ts";
import type { ResolvedSession } from "./sessions.ts";
import { rotateSession } from "./sessions.ts";

const wrongCode = () => invalid("TOTP_INVALID", "动态验证码错误，请查看验证器中最新的6位数字");
const noPending = () => new DomainError("unauthenticated", "NO_PENDING_LOGIN", "请先输入账号和密码");

/** Completes a staff sign-in with the authenticator's current code; returns the new session token. */
export async function verifySecondFactor(
  deps: Deps,
  session: ResolvedSession | undefined,
  input: { token: string; code: string; requestId?: string },
): Promise<string> {
  if (session?.stage !== "mfa" || !session.actor.id) throw noPending();
  const accountId = session.actor.id;
  return deps.db
    .transaction()
    .execute(async (tx) => {
      const account = await tx
        .selectFrom("account")
        .select(["totp_secret_enc", "totp_last_step", "failed_logins"])
        .where("id", "=", accountId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (!account.totp_secret_enc) throw noPending();
      const step = matchTotp(
        deps.vault.decrypt(account.totp_secret_enc),
        input.code,
        Date.now(),
        account.totp_last_step,
      );
      if (step === undefined) {
        // Wrong codes count with wrong passwords: five lock the account, so codes cannot be guessed.
        const failures = account.failed_logins + 1;
        const locks = failures >= 5;
        await tx
          .updateTable("account")
          .set({
            failed_logins: locks ? 0 : failures,
            locked_until: locks ? new Date(Date.now() + 15 * 60_000) : null,
          })
          .where("id", "=", accountId)
          .execute();
        if (locks)
          await tx
            .deleteFrom("session")
            .where("account_id", "=", accountId)
            .where("stage", "!=", "active")
            .execute();
        await recordAudit(
          tx,
          { ...systemActor, kind: "staff", id: accountId },
          {
            action: "session.totp-failed",
            subjectType: "account",
            subjectId: accountId,
            requestId: input.requestId ?? null,
          },
        );
        return locks ? "locked" : null;
      }
      await tx
        .updateTable("account")
        .set({ totp_last_step: step, failed_logins: 0 })
        .where("id", "=", accountId)
        .execute();
      const token = await rotateSession(tx, input.token, policyOf(deps), { stage: "active" });
      await recordAudit(tx, session.actor, {
        action: "session.login",
        subjectType: "account",
        subjectId: accountId,
        requestId: input.requestId ?? null,
        details: { method: "password+totp" },
      });
      return token;
    })
    .then((token) => {
      if (token === "locked") {
        throw new DomainError(
          "unauthenticated",
          "ACCOUNT_LOCKED",
          "动态验证码错误次数过多，账号已锁定15分钟",
        );
      }
      if (token === null) throw wrongCode();
      return token;
    });
}

/** Starts setting up an authenticator: a new secret, kept until the first code confirms it. */
export async function startEnrolment(
  deps: Deps,
  session: ResolvedSession | undefined,
): Promise<{ secret: string; uri: string }> {
  if (session?.stage !== "enrol" || !session.actor.id) throw noPending();
  const secret = newTotpSecret();
  await deps.db
    .updateTable("account")
    .set({ totp_secret_enc: deps.vault.encrypt(secret), totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", session.actor.id)
    .where("totp_enabled_at", "is", null)
    .execute();
  return { secret, uri: totpUri(secret, session.actor.username ?? session.actor.displayName) };
}

/** Confirms the authenticator with its first code; the sign-in completes. Returns the new token. */
export async function confirmEnrolment(
  deps: Deps,
  session: ResolvedSession | undefined,
  input: { token: string; code: string; requestId?: string },
): Promise<string> {
  if (session?.stage !== "enrol" || !session.actor.id) throw noPending();
  const accountId = session.actor.id;
  return deps.db.transaction().execute(async (tx) => {
    const account = await tx
      .selectFrom("account")
      .select(["totp_secret_enc", "totp_enabled_at"])
      .where("id", "=", accountId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (account.totp_enabled_at) throw conflict("TOTP_ALREADY_ENROLLED", "已绑定验证器");
    if (!account.totp_secret_enc) throw invalid("TOTP_NOT_STARTED", "请先生成验证器二维码");
    const step = matchTotp(deps.vault.decrypt(account.totp_secret_enc), input.code, Date.now(), null);
    if (step === undefined) throw wrongCode();
    await tx
      .updateTable("account")
      .set({ totp_enabled_at: new Date(), totp_last_step: step })
      .where("id", "=", accountId)
      .execute();
    const token = await rotateSession(tx, input.token, policyOf(deps), { stage: "active" });
    await recordAudit(tx, session.actor, {
      action: "account.totp-enrolled",
      subjectType: "account",
      subjectId: accountId,
      requestId: input.requestId ?? null,
    });
    return token;
  });
}
