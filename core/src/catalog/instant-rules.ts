import { z } from "zod";
import type { LocalDate } from "../calendar/local-date.ts";
import { validateCitizenId } from "../identifiers/citizen-id.ts";

/**
 * 秒批 (instant approval): an item's declarative rules over the application form and the applicant's
 * verified identity. When every rule passes (and the item is tagged 秒批 and charges nothing) the platform
 * accepts, decides and completes the case at once; otherwise people handle it, seeing which rules failed.
 */

/** Verified identity data a form field can be matched against, with their Chinese names. */
export const verifiedFields = {
  name: "姓名",
  idNumber: "公民身份号码",
  mobile: "手机号码",
  creditCode: "统一社会信用代码",
  companyName: "企业名称",
} as const;
export type VerifiedField = keyof typeof verifiedFields;

const fieldId = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, "field: a form field id such as monthlyRent");
// 行政区划代码 prefixes: 2 digits (province), 4 (city) or 6 (county).
const regionCode = z.string().regex(/^\d{2}(\d{2}){0,2}$/, "region: 2, 4 or 6 digits of a 行政区划代码");
const scalar = z.union([z.string().trim().min(1).max(200), z.number(), z.boolean()]);

/** One 秒批 rule. */
export const InstantRule = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("age-at-least"), years: z.number().int().min(0).max(150) }),
  z.object({ kind: z.literal("age-below"), years: z.number().int().min(1).max(150) }),
  z.object({ kind: z.literal("resident-of"), regionCodes: z.array(regionCode).min(1).max(50) }),
  z.object({
    kind: z.literal("field-matches-verified"),
    field: fieldId,
    verified: z.enum(Object.keys(verifiedFields) as [VerifiedField, ...VerifiedField[]]),
  }),
  z.object({ kind: z.literal("field-equals"), field: fieldId, value: scalar }),
  z.object({
    kind: z.literal("field-in"),
    field: fieldId,
    values: z
      .array(z.union([z.string().trim().min(1).max(200), z.number()]))
      .min(1)
      .max(100),
  }),
  z.object({ kind: z.literal("field-at-most"), field: fieldId, value: z.number() }),
  z.object({ kind: z.literal("field-at-least"), field: fieldId, value: z.number() }),
  z.object({ kind: z.literal("audience"), audience: z.enum(["citizen", "company"]) }),
]);
export type InstantRule = z.infer<typeof InstantRule>;

/** The applicant's data the platform has verified (实名认证, the company register); null when unknown. */
export interface VerifiedIdentity {
  kind: "citizen" | "company";
  /** The person's verified name (for a company: the agent who applied, when known). */
  name: string | null;
  /** The person's 公民身份号码. */
  idNumber: string | null;
  mobile: string | null;
  creditCode: string | null;
  companyName: string | null;
}

/** A value of an application form field. */
export type FormValue = string | number | boolean | null | undefined;

/** The outcome of one rule, with Chinese text for applicants and staff. */
export interface InstantRuleResult {
  rule: InstantRule;
  passed: boolean;
  /** What the rule asks (describeInstantRule), frozen with the result. */
  description: string;
  /** Why it passed or failed, without repeating personal data in full. */
  detail: string;
}

/** What the rules are evaluated over. */
export interface InstantInput {
  form: Readonly<Record<string, FormValue>>;
  identity: VerifiedIdentity;
  /** The local date ages are computed on. */
  today: LocalDate;
  /** Form field labels by id, so descriptions name fields the way the applicant saw them. */
  labels?: Readonly<Record<string, string>>;
}

const labelOf = (field: string, labels?: Readonly<Record<string, string>>) =>
  `「${labels?.[field] ?? field}」`;
const show = (value: string | number | boolean) =>
  typeof value === "boolean" ? (value ? "是" : "否") : String(value);

/** The Chinese sentence an editor, a reviewer and the applicant read for one rule. */
export function describeInstantRule(rule: InstantRule, labels?: Readonly<Record<string, string>>): string {
  switch (rule.kind) {
    case "age-at-least":
      return `申请人年满 ${rule.years} 周岁`;
    case "age-below":
      return `申请人未满 ${rule.years} 周岁`;
    case "resident-of":
      return `申请人属于行政区划 ${rule.regionCodes.join("、")}`;
    case "field-matches-verified":
      return `${labelOf(rule.field, labels)}与经核验的${verifiedFields[rule.verified]}一致`;
    case "field-equals":
      return `${labelOf(rule.field, labels)}为「${show(rule.value)}」`;
    case "field-in":
      return `${labelOf(rule.field, labels)}为以下之一：${rule.values.map(show).join("、")}`;
    case "field-at-most":
      return `${labelOf(rule.field, labels)}不超过 ${rule.value}`;
    case "field-at-least":
      return `${labelOf(rule.field, labels)}不低于 ${rule.value}`;
    case "audience":
      return rule.audience === "citizen" ? "申请人为自然人" : "申请人为法人";
  }
}

/** The form field a rule reads, or null for rules over identity only. */
export function ruleField(rule: InstantRule): string | null {
  return "field" in rule ? rule.field : null;
}

/**
 * Age in full years on `today` (calendar age: the birthday itself completes a year; someone born on
 * 29 February completes it on 1 March in common years). Null without a valid 公民身份号码.
 */
export function ageOn(idNumber: string | null, today: LocalDate): number | null {
  if (!idNumber) return null;
  const checked = validateCitizenId(idNumber, { today });
  if (!checked.valid) return null;
  const [by, bm, bd] = checked.birthdate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/**
 * The region an applicant belongs to as a 6-digit 行政区划代码: a person's from the address code of their
 * 公民身份号码 (GB 11643: the residence when first issued, never re-coded), a company's from digits 3–8 of
 * its 统一社会信用代码 (GB 32100: the registering authority's region).
 */
export function regionOf(identity: VerifiedIdentity): string | null {
  if (identity.kind === "company") {
    const code = identity.creditCode?.toUpperCase() ?? "";
    return /^[0-9A-Z]{2}\d{6}/.test(code) ? code.slice(2, 8) : null;
  }
  const id = identity.idNumber ?? "";
  return /^\d{6}/.test(id) ? id.slice(0, 6) : null;
}

const isBlank = (value: FormValue) => value === null || value === undefined || String(value).trim() === "";

/** A form value as a number, or null when it is not one. */
function numberOf(value: FormValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string" || value.trim() === "") return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : null;
}

/** Equality a person would expect: numbers by value, text trimmed, booleans as themselves. */
function sameValue(value: FormValue, wanted: string | number | boolean): boolean {
  if (isBlank(value)) return false;
  if (typeof wanted === "boolean") return value === wanted || String(value) === String(wanted);
  if (typeof wanted === "number") return numberOf(value) === wanted;
  return String(value).trim() === wanted.trim();
}

// Identifiers compare case-insensitively (a lowercase x or letter is the same number); mobiles without spaces.
function normalizeVerified(kind: VerifiedField, value: string): string {
  const trimmed = value.trim();
  if (kind === "idNumber" || kind === "creditCode") return trimmed.toUpperCase();
  if (kind === "mobile") return trimmed.replace(/[\s-]/g, "").replace(/^\+?86/, "");
  return trimmed;
}

type Verdict = { passed: boolean; detail: string };

function judge(rule: InstantRule, input: InstantInput): Verdict {
  const { form, identity, today, labels } = input;
  switch (rule.kind) {
    case "age-at-least":
    case "age-below": {
      const age = identity.kind === "citizen" ? ageOn(identity.idNumber, today) : null;
      if (age === null) return { passed: false, detail: "未取得经核验的公民身份号码，无法计算年龄" };
      const passed = rule.kind === "age-at-least" ? age >= rule.years : age < rule.years;
      return { passed, detail: `申请人 ${age} 周岁` };
    }
    case "resident-of": {
      const region = regionOf(identity);
      if (region === null) return { passed: false, detail: "未取得经核验的身份信息，无法确定所属行政区划" };
      const passed = rule.regionCodes.some((prefix) => region.startsWith(prefix));
      return { passed, detail: passed ? `所属行政区划 ${region}` : `所属行政区划 ${region} 不在范围内` };
    }
    case "field-matches-verified": {
      const verified = identity[rule.verified];
      const name = verifiedFields[rule.verified];
      if (!verified) return { passed: false, detail: `未取得经核验的${name}` };
      const value = form[rule.field];
      if (isBlank(value)) return { passed: false, detail: `未填写${labelOf(rule.field, labels)}` };
      const passed =
        normalizeVerified(rule.verified, String(value)) === normalizeVerified(rule.verified, verified);
      return { passed, detail: passed ? `与经核验的${name}一致` : `与经核验的${name}不一致` };
    }
    case "field-equals":
    case "field-in":
    case "field-at-most":
    case "field-at-least": {
      const value = form[rule.field];
      if (isBlank(value)) return { passed: false, detail: `未填写${labelOf(rule.field, labels)}` };
      const filled = `填写的是「${show(value as string | number | boolean)}」`;
      if (rule.kind === "field-equals") return { passed: sameValue(value, rule.value), detail: filled };
      if (rule.kind === "field-in")
        return { passed: rule.values.some((wanted) => sameValue(value, wanted)), detail: filled };
      const number = numberOf(value);
      if (number === null) return { passed: false, detail: `${filled}，不是数字` };
      return {
        passed: rule.kind === "field-at-most" ? number <= rule.value : number >= rule.value,
        detail: filled,
      };
    }
    case "audience": {
      const passed = identity.kind === rule.audience;
      return { passed, detail: identity.kind === "citizen" ? "申请人为自然人" : "申请人为法人" };
    }
  }
}

/** Evaluates every rule (none short-circuits, so staff see the whole picture); pure. */
export function evaluateInstantRules(
  rules: readonly InstantRule[],
  input: InstantInput,
): InstantRuleResult[] {
  return rules.map((rule) => ({
    rule,
    description: describeInstantRule(rule, input.labels),
    ...judge(rule, input),
  }));
}

/** True when there are rules and every one passed: the condition for 秒批. */
export function allPassed(results: readonly InstantRuleResult[]): boolean {
  return results.length > 0 && results.every((result) => result.passed);
}
