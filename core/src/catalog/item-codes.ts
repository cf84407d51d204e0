import { validateCreditCode } from "../identifiers/credit-code.ts";

/**
 * 事项类型 per GB/T 39046-2020 Appendix A.1, keyed by the one English word used in code.
 * A.1 has no code for 行政备案: national-platform integrations file it under "10 其他类别事项"
 * (reported as 其他行政权力), so `filing` shares code "10" but keeps its own name, which the
 * catalog and the 权责清单 show.
 */
export const itemTypes = {
  licensing: { code: "01", name: "行政许可" },
  penalty: { code: "02", name: "行政处罚" },
  enforcement: { code: "03", name: "行政强制" },
  levy: { code: "04", name: "行政征收" },
  payment: { code: "05", name: "行政给付" },
  inspection: { code: "06", name: "行政检查" },
  confirmation: { code: "07", name: "行政确认" },
  reward: { code: "08", name: "行政奖励" },
  adjudication: { code: "09", name: "行政裁决" },
  "other-power": { code: "10", name: "其他行政权力" },
  filing: { code: "10", name: "行政备案" },
  "public-service": { code: "20", name: "公共服务" },
} as const satisfies Record<string, { code: string; name: string }>;

/** The English key of a 事项类型. */
export type ItemType = keyof typeof itemTypes;

/** The two-digit GB/T 39046 A.1 code of a 事项类型. */
export type ItemTypeCode = (typeof itemTypes)[ItemType]["code"];

/** 行使层级 per GB/T 39046-2020 Appendix A.2. */
export const exerciseLevels = {
  national: { code: "1", name: "国家级" },
  provincial: { code: "2", name: "省级" },
  municipal: { code: "3", name: "市级" },
  county: { code: "4", name: "县级" },
  township: { code: "5", name: "镇(乡、街道)级" },
  village: { code: "6", name: "村(社区)级" },
  tiered: { code: "7", name: "分级管理" },
} as const satisfies Record<string, { code: string; name: string }>;

/** The English key of a 行使层级. */
export type ExerciseLevel = keyof typeof exerciseLevels;

/** Finds the 事项类型 key for its Chinese name (e.g. "行政许可" → "licensing"). */
export function itemTypeByName(name: string): ItemType | undefined {
  return (Object.keys(itemTypes) as ItemType[]).find((key) => itemTypes[key].name === name);
}

/**
 * How a deployment writes its codes. "national": the national platform's observed form, 基本编码 of
 * 12 characters and 实施编码 of 31 = 实施主体 USCC (18) + 行使层级 (1) + 基本编码 (12).
 * "gbt39046": only the data dictionary's limits, 基本编码 an..10 and 实施编码 an..24.
 * GB/T 39554.1 itself was not available (standards-cn §3), so the profile is configuration.
 */
export type CodeProfile = "national" | "gbt39046";

/** Why a 基本编码 or 实施编码 was rejected. */
export type CatalogCodeReason = "length" | "charset" | "subject-code" | "level";

/** The outcome of checking a 基本编码. */
export type BasicCodeResult = { valid: true } | { valid: false; reason: CatalogCodeReason };

/** The outcome of checking a 实施编码; `parts` is known only under the national profile. */
export type ImplementationCodeResult =
  | { valid: true; parts: { subjectCode: string; levelCode: string; basicCode: string } | null }
  | { valid: false; reason: CatalogCodeReason };

const NATIONAL_BASIC = /^[0-9A-Z]{12}$/;
const ALPHANUMERIC = /^[0-9A-Za-z]+$/;

function checkAlphanumeric(code: string, maxLength: number): BasicCodeResult {
  if (code.length === 0 || code.length > maxLength) return { valid: false, reason: "length" };
  if (!ALPHANUMERIC.test(code)) return { valid: false, reason: "charset" };
  return { valid: true };
}

/** Validates a 基本编码 under a deployment's code profile. */
export function validateBasicCode(code: string, profile: CodeProfile): BasicCodeResult {
  if (profile === "gbt39046") return checkAlphanumeric(code, 10);
  if (code.length !== 12) return { valid: false, reason: "length" };
  if (!NATIONAL_BASIC.test(code)) return { valid: false, reason: "charset" };
  return { valid: true };
}

/** Validates a 实施编码 under a deployment's code profile. */
export function validateImplementationCode(code: string, profile: CodeProfile): ImplementationCodeResult {
  if (profile === "gbt39046") {
    const result = checkAlphanumeric(code, 24);
    return result.valid ? { valid: true, parts: null } : result;
  }
  if (code.length !== 31) return { valid: false, reason: "length" };
  const subjectCode = code.slice(0, 18);
  const levelCode = code.charAt(18);
  const basicCode = code.slice(19);
  if (!validateCreditCode(subjectCode).valid) return { valid: false, reason: "subject-code" };
  if (!/^[1-7]$/.test(levelCode)) return { valid: false, reason: "level" };
  const basic = validateBasicCode(basicCode, "national");
  if (!basic.valid) return basic;
  return { valid: true, parts: { subjectCode, levelCode, basicCode } };
}

/** Composes a national-profile 实施编码; throws RangeError when a part is invalid. */
export function composeImplementationCode(parts: {
  subjectCode: string;
  level: ExerciseLevel;
  basicCode: string;
}): string {
  const code = parts.subjectCode + exerciseLevels[parts.level].code + parts.basicCode;
  const result = validateImplementationCode(code, "national");
  if (!result.valid) throw new RangeError(`Invalid 实施编码 part (${result.reason}): ${code}`);
  return code;
}
