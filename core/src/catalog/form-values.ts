import { z } from "zod";
import { isLocalDate } from "../calendar/local-date.ts";
import { validateCitizenId } from "../identifiers/citizen-id.ts";
import { validateCreditCode } from "../identifiers/credit-code.ts";
import { defaultMaxLength, type FormField, type ItemForm, type PrefillSource, withOptions } from "./form.ts";

// A case's form values against the item's form definition (form.ts): which fields show, cleaning,
// validation (lenient for autosave, strict at submit) and prefill from the verified profile.

/** One value of a case's form: text, a number, a tick, or nothing. */
export type FormValue = string | number | boolean | null;
/** A case's form values by field id (`cases.form`). */
export type FormValues = Record<string, FormValue>;

/** The request shape of form values: at most 200 fields of scalar values. */
export const FormValuesSchema = z
  .record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]))
  .refine((values) => Object.keys(values).length <= 200, "申请表最多200个字段");

/** The fields of the form in order. */
export function formFields(form: ItemForm): FormField[] {
  return form.sections.flatMap((section) => section.fields);
}

const isEmpty = (value: FormValue | undefined): boolean =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * The fields shown for these values and 情形引导 answers, in order. A field whose condition names a
 * hidden field is hidden too; an unticked checkbox counts as `false`.
 */
export function visibleFields(
  form: ItemForm,
  values: Readonly<FormValues>,
  answers: Readonly<Record<string, string>>,
): FormField[] {
  const shown = new Set<string>();
  const visible: FormField[] = [];
  for (const field of formFields(form)) {
    const condition = field.visibleWhen;
    let isShown = true;
    if (condition && "field" in condition) {
      const value = values[condition.field];
      const actual = typeof condition.equals === "boolean" ? value === true : value;
      isShown = shown.has(condition.field) && actual === condition.equals;
    } else if (condition) {
      isShown = answers[condition.situation] === condition.answer;
    }
    if (isShown) {
      shown.add(field.id);
      visible.push(field);
    }
  }
  return visible;
}

/**
 * The values worth keeping: only shown fields of the form (hidden and unknown ones are dropped), text
 * trimmed, empty values left out, numbers typed as text turned into numbers.
 */
export function cleanFormValues(
  form: ItemForm,
  values: Readonly<FormValues>,
  answers: Readonly<Record<string, string>>,
): FormValues {
  const clean: FormValues = {};
  const normalized = normalizeValues(form, values);
  for (const field of visibleFields(form, normalized, answers)) {
    const value = normalized[field.id];
    if (value !== undefined) clean[field.id] = value;
  }
  return clean;
}

// The form's own fields only, each value trimmed and typed; visibility is decided on these, as stored.
function normalizeValues(form: ItemForm, values: Readonly<FormValues>): FormValues {
  const normalized: FormValues = {};
  for (const field of formFields(form)) {
    const value = normalize(field, values[field.id]);
    if (value !== undefined) normalized[field.id] = value;
  }
  return normalized;
}

function normalize(field: FormField, value: FormValue | undefined): FormValue | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (field.type === "number" && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (field.type === "idNumber" || field.type === "creditCode") return text.toUpperCase();
  return text;
}

/** Why a value was refused: stable codes for machines, a Chinese message for people. */
export type FormErrorCode =
  | "required"
  | "type"
  | "too-long"
  | "too-small"
  | "too-large"
  | "option"
  | "format";
export interface FormError {
  field: string;
  code: FormErrorCode;
  message: string;
  /** The length or bound a too-long, too-small or too-large value broke. */
  limit?: number;
}

/** The longest text a field takes. */
export function maxLengthOf(field: FormField): number | undefined {
  return field.maxLength ?? defaultMaxLength[field.type];
}

const MOBILE = /^1[3-9]\d{9}$/;
// 区号-号码(-分机), or a local number: what people write for a landline.
const LANDLINE = /^(0\d{2,3}-?)?\d{7,8}(-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a phone number is a mainland mobile or a landline (spaces ignored). */
export function isPhoneNumber(value: string): boolean {
  const compact = value.replace(/\s/g, "");
  return MOBILE.test(compact) || LANDLINE.test(compact);
}

/**
 * Checks form values (trimmed and typed as cleanFormValues does) against the form: hidden and unknown
 * fields are ignored. Lenient (autosave)
 * checks only that each value has the right type, length and choice, so a half-filled draft saves;
 * strict (submit) also wants every required shown field and well-formed phones, dates and identifiers.
 * At most one error per field.
 */
export function validateForm(
  form: ItemForm,
  values: Readonly<FormValues>,
  answers: Readonly<Record<string, string>>,
  options: { strict: boolean },
): FormError[] {
  const errors: FormError[] = [];
  const normalized = normalizeValues(form, values);
  for (const field of visibleFields(form, normalized, answers)) {
    const error = checkField(field, normalized[field.id], options.strict);
    if (error) errors.push({ field: field.id, ...error });
  }
  return errors;
}

type FieldError = Omit<FormError, "field">;

function checkField(field: FormField, value: FormValue | undefined, strict: boolean): FieldError | null {
  const name = `“${field.label}”`;
  if (isEmpty(value) || (field.type === "checkbox" && value === false)) {
    if (!strict || !field.required) return null;
    const verb =
      field.type === "checkbox"
        ? "请勾选"
        : withOptions.has(field.type) || field.type === "date"
          ? "请选择"
          : "请填写";
    return { code: "required", message: `${verb}${name}` };
  }
  const wrongType = { code: "type", message: `${name}的格式不正确` } as const;
  if (field.type === "checkbox") return typeof value === "boolean" ? null : wrongType;
  if (field.type === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return wrongType;
    if (!strict) return null;
    if (field.min !== undefined && value < field.min)
      return { code: "too-small", message: `${name}不能小于${field.min}`, limit: field.min };
    if (field.max !== undefined && value > field.max)
      return { code: "too-large", message: `${name}不能大于${field.max}`, limit: field.max };
    return null;
  }
  if (typeof value !== "string") return wrongType;
  const text = value.trim();
  const limit = maxLengthOf(field);
  if (limit !== undefined && [...text].length > limit)
    return { code: "too-long", message: `${name}不能超过${limit}个字`, limit };
  if (field.options && !field.options.includes(text))
    return { code: "option", message: `${name}请从选项中选择` };
  if (!strict) return null;
  const bad = (what: string): FieldError => ({ code: "format", message: `${name}不是有效的${what}` });
  switch (field.type) {
    case "phone":
      return isPhoneNumber(text) ? null : bad("电话号码");
    case "email":
      return EMAIL.test(text) ? null : bad("电子邮箱");
    case "date":
      return isLocalDate(text) ? null : bad("日期（YYYY-MM-DD）");
    case "idNumber":
      return validateCitizenId(text.toUpperCase()).valid ? null : bad("公民身份号码");
    case "creditCode":
      return validateCreditCode(text.toUpperCase()).valid ? null : bad("统一社会信用代码");
    default:
      return null;
  }
}

/** A profile's values by prefill source; missing or unverified ones are null. */
export type PrefillProfile = Partial<Record<PrefillSource, string | null>>;

/** Fills the empty fields that name a prefill source from the profile; values already given stay. */
export function prefillForm(
  form: ItemForm,
  values: Readonly<FormValues>,
  profile: PrefillProfile,
): FormValues {
  const filled: FormValues = { ...values };
  for (const field of formFields(form)) {
    const source = field.prefill ? profile[field.prefill] : null;
    if (source && isEmpty(filled[field.id])) filled[field.id] = source;
  }
  return filled;
}
