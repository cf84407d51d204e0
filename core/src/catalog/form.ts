import { z } from "zod";

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
export const defaultMaxLength: Partial<Record<FormFieldType, number>> = {
  text: 200,
  textarea: 2000,
  address: 200,
  email: 100,
  phone: 20,
  idNumber: 18,
  creditCode: 18,
};
export const withOptions = new Set<FormFieldType>(["select", "radio"]);
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
