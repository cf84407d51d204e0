import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { DomainError } from "../../platform/errors.ts";
import { findAccountByLogin } from "./find-account.ts";
import { consumeCode } from "./one-time-codes.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { createSession, type SessionStage } from "./sessions.ts";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
// Verifying against a real hash when the account is unknown keeps the timing the same for both cases.
const decoyHash = hashPassword("decoy-password-for-timing");

/** How someone proves who they are: a password, or a one-time code sent to their mobile. */
export type Credentials = { login: string; password: string } | { mobile: string; code: string };

/**
 * Signs in. Staff always need a second factor: a correct password opens only a pending session
 * (`mfa`, or `enrol` when no authenticator is set up yet). Repeated failures lock the account a while.
 */
export async function logIn(
  deps: Deps,
  input: Credentials & { requestId?: string },
): Promise<{ token: string; accountId: string; stage: SessionStage }> {
  const login = "login" in input ? input.login : input.mobile;
  const account = await findAccountByLogin(deps, login);
  const refused = new DomainError("unauthenticated", "LOGIN_FAILED", "账号或密码错误");
  if ("password" in input) {
    const ok = await verifyPassword(account?.password_hash ?? (await decoyHash), input.password);
    if (!account || account.disabled_at) throw refused;
    if (account.locked_until && account.locked_until > new Date()) {
      throw new DomainError(
        "unauthenticated",
        "ACCOUNT_LOCKED",
        `登录失败次数过多，请${LOCK_MINUTES}分钟后再试`,
      );
    }
    if (!ok) {
      await recordFailure(deps, account, input.requestId);
      throw refused;
    }
  } else {
    // The code is checked (and used up) even for unknown numbers, so the answer is the same.
    await deps.db
      .transaction()
      .execute((tx) => consumeCode(deps, tx, { purpose: "login", mobile: input.mobile, code: input.code }));
    if (!account || account.disabled_at)
      throw new DomainError("unauthenticated", "LOGIN_FAILED", "验证码错误或已失效，请重新获取");
    if (account.kind === "staff")
      throw new DomainError("unauthenticated", "STAFF_PASSWORD_REQUIRED", "工作人员请使用账号密码登录");
  }
  const stage: SessionStage = account.kind !== "staff" ? "active" : account.totp_enabled_at ? "mfa" : "enrol";
  return deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("account")
      .set({ failed_logins: 0, locked_until: null })
      .where("id", "=", account.id)
      .execute();
    const token = await createSession(tx, account.id, policyOf(deps), stage);
    await recordAudit(
      tx,
      { ...systemActor, kind: account.kind, id: account.id },
      {
        action: stage === "active" ? "session.login" : "session.password-accepted",
        subjectType: "account",
        subjectId: account.id,
        requestId: input.requestId ?? null,
        details: { method: "password" in input ? "password" : "sms-code" },
      },
    );
    return { token, accountId: account.id, stage };
  });
}

/** Session lifetimes from configuration. */
export const policyOf = (deps: Deps) => ({
  idleMinutes: deps.config.SESSION_IDLE_MINUTES,
  absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
});

async function recordFailure(
  deps: Deps,
  account: { id: string; kind: "staff" | "citizen" | "company"; failed_logins: number },
  requestId: string | undefined,
) {
  const failures = account.failed_logins + 1;
  const locks = failures >= MAX_FAILURES;
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("account")
      .set({
        failed_logins: locks ? 0 : failures,
        locked_until: locks ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
      })
      .where("id", "=", account.id)
      .execute();
    await recordAudit(
      tx,
      { ...systemActor, kind: account.kind, id: account.id },
      {
        action: locks ? "account.locked" : "session.login-failed",
        subjectType: "account",
        subjectId: account.id,
        requestId: requestId ?? null,
        details: { failures },
      },
    );
  });
}
