import { z } from "zod";
import { isLocalDate } from "../calendar/local-date.ts";
import { validateCitizenId } from "../identifiers/citizen-id.ts";
import { validateCreditCode } from "../identifiers/credit-code.ts";

/**
 * The application form (申请表) of an item version, as data: sections of typed fields with validation,
 * conditions and prefill from the applicant's verified profile. The portal and the window render it, the
 * server checks it again (leniently on autosave, strictly on submit) and the case stores its values.
 */

/** Field types and their Chinese names (the editor's choices). */
export const formFieldTypes = {
  text: "单行文本",
  textarea: "多行文本",
  number: "数字",
  date: "日期",
  select: "下拉选择",
  radio: "单选",
  checkbox: "勾选",
  phone: "电话号码",
  email: "电子邮箱",
  idNumber: "公民身份号码",
  creditCode: "统一社会信用代码",
  address: "地址",
} as const;
export type FormFieldType = keyof typeof formFieldTypes;

/** What a field may be filled from: the applicant's verified profile. */
export const prefillSources = {
  name: "姓名",
  mobile: "手机号码",
  idNumber: "公民身份号码",
  creditCode: "统一社会信用代码",
  companyName: "企业名称",
} as const;
export type PrefillSource = keyof typeof prefillSources;

// Field types a profile value fits into: a 公民身份号码 never lands in a number field.
const prefillTypes: Record<PrefillSource, readonly FormFieldType[]> = {
  name: ["text"],
  companyName: ["text"],
  mobile: ["phone", "text"],
  idNumber: ["idNumber", "text"],
  creditCode: ["creditCode", "text"],
};

// The longest value each text-like type takes when the editor sets no maxLength.
const defaultMaxLength: Partial<Record<FormFieldType, number>> = {
  text: 200,
  textarea: 2000,
  address: 200,
  email: 100,
  phone: 20,
  idNumber: 18,
  creditCode: 18,
};
const withOptions = new Set<FormFieldType>(["select", "radio"]);
const withLength = new Set<FormFieldType>(["text", "textarea", "address"]);

/** Fields every form carries: the platform reaches the applicant through them. */
export const contactFieldIds = ["contactName", "contactPhone"] as const;

const fieldId = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, "标识须以小写字母开头，只含字母和数字，最长40位");
const label = (max: number) => z.string().trim().min(1, "不能为空").max(max, `不能超过${max}个字`);
const enumOf = <T extends Record<string, unknown>>(table: T) =>
  z.enum(Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]);

/** When a field shows: another (earlier) field's value, or a 情形引导 answer. */
export const FieldCondition = z.union([
  z.object({ field: fieldId, equals: z.union([z.string().max(200), z.boolean()]) }),
  z.object({ situation: z.string().min(1).max(40), answer: z.string().min(1).max(60) }),
]);
export type FieldCondition = z.infer<typeof FieldCondition>;

export const FormField = z
  .object({
    id: fieldId,
    label: label(60),
    type: enumOf(formFieldTypes),
    required: z.boolean().default(false),
    /** Choices of a select or radio field. */
    options: z.array(label(60)).min(1).max(50).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    help: z.string().trim().max(200).nullable().default(null),
    prefill: enumOf(prefillSources).nullable().default(null),
    visibleWhen: FieldCondition.nullable().default(null),
  })
  .superRefine((field, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (withOptions.has(field.type) && !field.options) problem("options", "下拉选择和单选须列出选项");
    if (!withOptions.has(field.type) && field.options) problem("options", "只有下拉选择和单选可以有选项");
    if (field.options && new Set(field.options).size !== field.options.length)
      problem("options", "选项不能重复");
    if (field.type !== "number" && (field.min !== undefined || field.max !== undefined))
      problem("min", "只有数字可以设置最小值和最大值");
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      problem("max", "最大值不能小于最小值");
    if (!withLength.has(field.type) && field.maxLength !== undefined)
      problem("maxLength", "只有文本和地址可以设置最大长度");
    if (field.prefill && !prefillTypes[field.prefill].includes(field.type))
      problem("prefill", `“${prefillSources[field.prefill]}”不能预填到${formFieldTypes[field.type]}字段`);
  });
export type FormField = z.infer<typeof FormField>;
export type FormFieldInput = z.input<typeof FormField>;

export const FormSection = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9-]{0,39}$/, "分节标识须以小写字母开头，只含字母、数字和连字符"),
  title: label(60),
  fields: z.array(FormField).min(1, "每节至少一个字段").max(100),
});
export type FormSection = z.infer<typeof FormSection>;

export const ItemForm = z
  .object({ sections: z.array(FormSection).min(1, "至少一节").max(20) })
  .superRefine((form, ctx) => {
    const seen = new Map<string, FormField>();
    const sectionIds = new Set<string>();
    form.sections.forEach((section, s) => {
      if (sectionIds.has(section.id))
        ctx.addIssue({ code: "custom", path: ["sections", s, "id"], message: `分节标识“${section.id}”重复` });
      sectionIds.add(section.id);
      section.fields.forEach((field, f) => {
        const at = (...rest: string[]) => ["sections", s, "fields", f, ...rest];
        if (seen.has(field.id))
          ctx.addIssue({ code: "custom", path: at("id"), message: `字段标识“${field.id}”重复` });
        const condition = field.visibleWhen;
        // Conditions look back only, so the form is evaluated in one pass and can never loop.
        if (condition && "field" in condition) {
          const target = seen.get(condition.field);
          if (!target) {
            ctx.addIssue({
              code: "custom",
              path: at("visibleWhen"),
              message: `显示条件引用的字段“${condition.field}”须在本字段之前`,
            });
          } else if (!conditionFits(target, condition.equals)) {
            ctx.addIssue({
              code: "custom",
              path: at("visibleWhen"),
              message: `显示条件的取值不是字段“${target.label}”可能的值`,
            });
          }
        }
        seen.set(field.id, field);
      });
    });
    for (const id of contactFieldIds) {
      const field = seen.get(id);
      const type: FormFieldType = id === "contactPhone" ? "phone" : "text";
      if (!field || field.type !== type || !field.required || field.visibleWhen)
        ctx.addIssue({
          code: "custom",
          path: ["sections"],
          message: `申请表须有必填、始终显示的${type === "phone" ? "电话号码" : "单行文本"}字段“${id}”（联系人信息）`,
        });
    }
    if (seen.size > 200) ctx.addIssue({ code: "custom", path: ["sections"], message: "申请表最多200个字段" });
  });
export type ItemForm = z.infer<typeof ItemForm>;
export type ItemFormInput = z.input<typeof ItemForm>;

function conditionFits(target: FormField, equals: string | boolean): boolean {
  if (target.type === "checkbox") return typeof equals === "boolean";
  if (target.options) return typeof equals === "string" && target.options.includes(equals);
  return typeof equals === "string";
}

/** The form of an item that defines none: contact name, phone and a note — what every case had before. */
export function defaultForm(): ItemForm {
  return ItemForm.parse({
    sections: [
      {
        id: "contact",
        title: "联系方式",
        fields: [
          {
            id: "contactName",
            label: "联系人",
            type: "text",
            required: true,
            maxLength: 50,
            prefill: "name",
          },
          { id: "contactPhone", label: "联系电话", type: "phone", required: true, prefill: "mobile" },
          { id: "note", label: "备注", type: "textarea", maxLength: 500 },
        ],
      },
    ],
  });
}

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
