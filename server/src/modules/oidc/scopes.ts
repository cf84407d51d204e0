import type { AccountClaims } from "../identity/claims.ts";

/** The scopes client systems may ask for, in the order the consent page lists them. */
export const oidcScopes = [
  "openid",
  "profile",
  "realname",
  "identifiers_masked",
  "identifiers",
  "phone",
] as const;
export type OidcScope = (typeof oidcScopes)[number];

/** The claims each scope releases (the provider drops every claim whose scope was not granted). */
export const scopeClaims: Record<OidcScope, string[]> = {
  openid: ["sub"],
  profile: ["name"],
  realname: ["real_name_level", "user_type"],
  identifiers_masked: ["citizen_id_masked", "credit_code_masked"],
  identifiers: ["citizen_id", "credit_code"],
  // Only the masked number: a client system that must call someone asks them, it does not harvest numbers.
  phone: ["phone_number_masked"],
};

/**
 * Scopes a person must tick on the consent page themselves; approving the request alone does not
 * release them. The full 公民身份号码 is the one piece of personal data that needs this.
 */
export const explicitScopes: ReadonlySet<string> = new Set<OidcScope>(["identifiers"]);

/** True for a scope Tongban offers. */
export function isOidcScope(value: string): value is OidcScope {
  return (oidcScopes as readonly string[]).includes(value);
}

// 统一社会信用代码 are public, but a client that asked only for masked identifiers gets them masked alike.
const maskCreditCode = (code: string) =>
  `${code.slice(0, 6)}${"*".repeat(code.length - 10)}${code.slice(-4)}`;

/** An account's claims under their OIDC names; missing values are left out rather than sent as null. */
export function toOidcClaims(account: AccountClaims): Record<string, string | number> {
  const claims: Record<string, string | number | null> = {
    sub: account.sub,
    name: account.name,
    real_name_level: account.realNameLevel,
    // 自然人 or 法人: staff sign in as the natural persons they are.
    user_type: account.kind === "company" ? "legal_person" : "natural_person",
    citizen_id_masked: account.citizenIdMasked,
    credit_code_masked: account.creditCode ? maskCreditCode(account.creditCode) : null,
    citizen_id: account.citizenId,
    credit_code: account.creditCode,
    phone_number_masked: account.mobileMasked,
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== null)) as Record<
    string,
    string | number
  >;
}
