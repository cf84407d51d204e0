import type { IdentifierReason } from "./reason.ts";

/** A doubt that does not make a 统一社会信用代码 invalid. */
export type CreditCodeWarning = "inner-check" | "unknown-category";

/** The outcome of checking a 统一社会信用代码. */
export type CreditCodeResult =
  | { valid: true; warnings: CreditCodeWarning[] }
  | { valid: false; reason: IdentifierReason };

// GB 32100-2015: 31 characters, digits and upper-case letters without I, O, Z, S, V.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CHAR = "[0-9A-HJ-NPQRTUWXY]";
const CODE_PATTERN = new RegExp(`^${CHAR}{2}\\d{6}${CHAR}{10}$`);
const BODY_PATTERN = new RegExp(`^${CHAR}{2}\\d{6}${CHAR}{9}$`);
// W_i = 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// GB 11714-1997 组织机构代码 check over positions 9–16: letters count A = 10 … Z = 35.
const INNER_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

// 登记管理部门码 → 机构类别码 pairs as published (standards-cn §2). The table has grown since 2015,
// so an unknown pair is only a warning, never a rejection.
const KNOWN_CATEGORIES: Readonly<Record<string, string>> = {
  "1": "1239",
  "2": "19",
  "3": "123459",
  "4": "19",
  "5": "1239",
  "6": "129",
  "7": "129",
  "8": "19",
  "9": "123",
  A: "19",
  N: "1239",
  Y: "1",
};

/** Computes the 18th character of a 统一社会信用代码 from its first 17 characters. */
export function computeCreditCodeCheck(first17: string): string {
  if (!BODY_PATTERN.test(first17))
    throw new RangeError("A 统一社会信用代码 body is 17 characters of GB 32100");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  // C18 = 31 − (Σ mod 31), where 31 becomes 0.
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Computes the GB 11714 check character (0–9 or X) of an 8-character 组织机构代码 body. */
export function computeOrganizationCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8))
    throw new RangeError("A 组织机构代码 body is 8 digits or upper-case letters");
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8.charAt(i), 36) * (INNER_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Validates an 18-character 统一社会信用代码 (GB 32100-2015); the inner GB 11714 check only warns. */
export function validateCreditCode(value: string): CreditCodeResult {
  if (value.length !== 18) return { valid: false, reason: "length" };
  if (!CODE_PATTERN.test(value)) return { valid: false, reason: "charset" };
  if (computeCreditCodeCheck(value.slice(0, 17)) !== value.charAt(17)) {
    return { valid: false, reason: "checksum" };
  }
  const warnings: CreditCodeWarning[] = [];
  // Early pilot codes (e.g. Fujian's 91350100M0001TGQXM) are legal yet fail GB 11714, hence a warning.
  if (computeOrganizationCodeCheck(value.slice(8, 16)) !== value.charAt(16)) warnings.push("inner-check");
  if (!KNOWN_CATEGORIES[value.charAt(0)]?.includes(value.charAt(1))) warnings.push("unknown-category");
  return { valid: true, warnings };
}
