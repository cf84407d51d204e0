import { isLocalDate, type LocalDate, localDateOf } from "../calendar/local-date.ts";
import type { IdentifierReason } from "./reason.ts";

/** The outcome of checking a 公民身份号码. */
export type CitizenIdResult =
  | { valid: true; normalized: string; birthdate: LocalDate; sex: "male" | "female" }
  | { valid: false; reason: IdentifierReason };

// GB 11643-1999 §4: ISO 7064 MOD 11-2, W_i = 2^(18-i) mod 11, check = "10X98765432"[Σ mod 11].
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
const EARLIEST_BIRTHDATE = "1800-01-01";

/** Computes the 18th character (0–9 or X) of a 公民身份号码 from its first 17 digits. */
export function computeCitizenIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("A 公民身份号码 body is 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates an 18-character 公民身份号码 (GB 11643-1999). Non-strict mode accepts a lowercase x;
 * strict mode rejects it as `format`. `today` bounds the birthdate (default: today in Shanghai).
 */
export function validateCitizenId(
  value: string,
  options: { strict?: boolean; today?: LocalDate } = {},
): CitizenIdResult {
  // Normalizing x → X is a product decision (standards-cn §1); strict mode follows the standard's letter.
  const normalized = options.strict === true ? value : value.replace(/x$/, "X");
  if (!/^\d{17}[\dX]$/.test(normalized)) return { valid: false, reason: "format" };

  const birthdate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  const today = options.today ?? localDateOf(new Date());
  if (!isLocalDate(birthdate) || birthdate < EARLIEST_BIRTHDATE || birthdate > today) {
    return { valid: false, reason: "birthdate" };
  }
  // The address code is never re-coded when divisions change (GB 11643 §4), so abolished codes
  // stay valid; only the impossible province "00" is rejected.
  if (normalized.startsWith("00")) return { valid: false, reason: "region" };
  if (computeCitizenIdCheck(normalized.slice(0, 17)) !== normalized[17]) {
    return { valid: false, reason: "checksum" };
  }
  // The 17th digit (顺序码 end) is odd for men and even for women.
  const sex = Number(normalized[16]) % 2 === 1 ? "male" : "female";
  return { valid: true, normalized, birthdate, sex };
}

/** Upgrades a 15-digit GB 11643-1989 number to 18 characters: insert "19" before YYMMDD, append the check. */
export function upgradeCitizenId15(value: string): string {
  if (!/^\d{15}$/.test(value)) throw new RangeError("A first-generation 公民身份号码 is 15 digits");
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + computeCitizenIdCheck(first17);
}
