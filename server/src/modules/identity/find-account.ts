import type { Deps } from "../../platform/deps.ts";

const MOBILE = /^1[3-9]\d{9}$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Normalizes what people type as a login name: mobile number, 统一社会信用代码, or a staff username. */
export function loginKind(login: string): "mobile" | "credit-code" | "username" {
  if (MOBILE.test(login)) return "mobile";
  if (CREDIT_CODE.test(login.toUpperCase())) return "credit-code";
  return "username";
}

/** The account a login name points to (mobile numbers through their blind index), or undefined. */
export function findAccountByLogin(deps: Deps, login: string) {
  const base = deps.db
    .selectFrom("account")
    .select([
      "id",
      "kind",
      "password_hash",
      "failed_logins",
      "locked_until",
      "disabled_at",
      "totp_enabled_at",
    ]);
  const kind = loginKind(login);
  if (kind === "mobile")
    return base.where("mobile_index", "=", deps.vault.index(`mobile:${login}`)).executeTakeFirst();
  if (kind === "credit-code") return base.where("credit_code", "=", login.toUpperCase()).executeTakeFirst();
  return base.where("username", "=", login).executeTakeFirst();
}
