import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultForm, type FormFieldInput, ItemForm, type ItemFormInput } from "./form.ts";
import { cleanFormValues, type FormValues, prefillForm, validateForm, visibleFields } from "./form-values.ts";
import { fixtureItem } from "./item.fixture.ts";
import { ItemContent } from "./item-content.ts";

const contact = [
  { id: "contactName", label: "联系人", type: "text", required: true, prefill: "name" },
  { id: "contactPhone", label: "联系电话", type: "phone", required: true, prefill: "mobile" },
] satisfies FormFieldInput[];

/** 高龄津贴-like form: a bank section, an agent switch with conditional fields, a situation-bound field. */
const form = ItemForm.parse({
  sections: [
    { id: "contact", title: "联系方式", fields: contact },
    {
      id: "apply",
      title: "申请信息",
      fields: [
        { id: "idNumber", label: "身份证号", type: "idNumber", required: true, prefill: "idNumber" },
        { id: "bank", label: "开户银行", type: "select", required: true, options: ["工商银行", "农业银行"] },
        { id: "people", label: "家庭人口", type: "number", min: 1, max: 20 },
        { id: "moveIn", label: "迁入日期", type: "date" },
        { id: "byAgent", label: "是否委托他人", type: "checkbox" },
        {
          id: "agentName",
          label: "代理人姓名",
          type: "text",
          required: true,
          maxLength: 10,
          visibleWhen: { field: "byAgent", equals: true },
        },
        {
          id: "agentPhone",
          label: "代理人电话",
          type: "phone",
          required: true,
          visibleWhen: { field: "agentName", equals: "张三" },
        },
        {
          id: "lease",
          label: "租赁合同编号",
          type: "text",
          required: true,
          visibleWhen: { situation: "housing", answer: "租赁" },
        },
      ],
    },
  ],
} satisfies ItemFormInput);

const ids = (values: FormValues, answers: Record<string, string> = {}) =>
  visibleFields(form, values, answers).map((field) => field.id);
const valid: FormValues = {
  contactName: "陈晓明",
  contactPhone: "13800510001",
  idNumber: "320202198503120130",
  bank: "工商银行",
};

describe("ItemForm (申请表 as data)", () => {
  it("gives items without a form the contact form, so old versions and cases keep working", () => {
    const item = fixtureItem();
    expect(item.form).toEqual(defaultForm());
    expect(item.form.sections[0]?.fields.map((field) => field.id)).toEqual([
      "contactName",
      "contactPhone",
      "note",
    ]);
    // Two parses never share one default object.
    expect(fixtureItem().form).not.toBe(item.form);
  });

  it("refuses a form without the contact fields, or with them optional or conditional", () => {
    const without = ItemForm.safeParse({
      sections: [{ id: "a", title: "A", fields: [{ id: "x", label: "X", type: "text" }] }],
    });
    expect(without.success).toBe(false);
    const optional = ItemForm.safeParse({
      sections: [{ id: "a", title: "A", fields: [{ ...contact[0], required: false }, contact[1]] }],
    });
    expect(optional.success).toBe(false);
    const textPhone = ItemForm.safeParse({
      sections: [{ id: "a", title: "A", fields: [contact[0], { ...contact[1], type: "text" }] }],
    });
    expect(textPhone.success).toBe(false);
  });

  it("refuses duplicate ids, forward or impossible conditions, misplaced options and bad prefill", () => {
    const bad = (fields: unknown[]) =>
      ItemForm.safeParse({ sections: [{ id: "a", title: "A", fields: [...contact, ...fields] }] });
    const messages = (fields: unknown[]) => {
      const result = bad(fields);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages([{ id: "contactName", label: "重复", type: "text" }])).toContain(
      "字段标识“contactName”重复",
    );
    expect(
      messages([
        { id: "a", label: "A", type: "text", visibleWhen: { field: "b", equals: "x" } },
        { id: "b", label: "B", type: "text" },
      ]),
    ).toContain("显示条件引用的字段“b”须在本字段之前");
    expect(
      messages([
        { id: "b", label: "B", type: "radio", options: ["是", "否"] },
        { id: "a", label: "A", type: "text", visibleWhen: { field: "b", equals: "也许" } },
      ]),
    ).toContain("显示条件的取值不是字段“B”可能的值");
    expect(messages([{ id: "a", label: "A", type: "select" }])).toContain("下拉选择和单选须列出选项");
    expect(messages([{ id: "a", label: "A", type: "text", options: ["x"] }])).toContain(
      "只有下拉选择和单选可以有选项",
    );
    expect(messages([{ id: "a", label: "A", type: "number", min: 5, max: 1 }])).toContain(
      "最大值不能小于最小值",
    );
    expect(messages([{ id: "a", label: "A", type: "number", prefill: "idNumber" }])).toContain(
      "“公民身份号码”不能预填到数字字段",
    );
    expect(messages([{ id: "Bad-id", label: "A", type: "text" }]).length).toBeGreaterThan(0);
  });

  it("is read as part of the item and survives a JSON round trip unchanged", () => {
    const item = fixtureItem({ form });
    const again = ItemContent.parse(JSON.parse(JSON.stringify(item)));
    expect(again.form).toEqual(form);
  });
});

describe("visibleFields (conditions)", () => {
  it("shows conditional fields only when the other field or the 情形引导 answer matches", () => {
    expect(ids(valid)).toEqual([
      "contactName",
      "contactPhone",
      "idNumber",
      "bank",
      "people",
      "moveIn",
      "byAgent",
    ]);
    expect(ids({ ...valid, byAgent: true })).toContain("agentName");
    expect(ids({ ...valid, byAgent: true, agentName: "张三" })).toContain("agentPhone");
    expect(ids({ ...valid, byAgent: false, agentName: "张三" })).not.toContain("agentPhone");
    expect(ids(valid, { housing: "租赁" })).toContain("lease");
    expect(ids(valid, { housing: "自有" })).not.toContain("lease");
  });
});

describe("validateForm", () => {
  it("on submit (strict) wants every required shown field, and well-formed identifiers", () => {
    expect(validateForm(form, valid, {}, { strict: true })).toEqual([]);
    const errors = validateForm(
      form,
      { contactName: "  ", contactPhone: "12345", idNumber: "320202198503120131", byAgent: true },
      { housing: "租赁" },
      { strict: true },
    );
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ["contactName", "required"],
      ["contactPhone", "format"],
      ["idNumber", "format"],
      ["bank", "required"],
      ["agentName", "required"],
      ["lease", "required"],
    ]);
    expect(errors[0]?.message).toBe("请填写“联系人”");
    expect(errors[3]?.message).toBe("请选择“开户银行”");
    expect(errors[2]?.message).toBe("“身份证号”不是有效的公民身份号码");
  });

  it("on autosave (lenient) accepts a half-filled draft but not a wrong type, length or choice", () => {
    expect(validateForm(form, { contactPhone: "138" }, {}, { strict: false })).toEqual([]);
    const errors = validateForm(
      form,
      { bank: "招商银行", people: "三", byAgent: true, agentName: "一二三四五六七八九十十一" },
      {},
      { strict: false },
    );
    expect(errors.map((error) => [error.field, error.code, error.limit])).toEqual([
      ["bank", "option", undefined],
      ["people", "type", undefined],
      ["agentName", "too-long", 10],
    ]);
  });

  it("checks numbers' bounds, dates and credit codes on submit", () => {
    const errors = validateForm(form, { ...valid, people: 0, moveIn: "2026-02-30" }, {}, { strict: true });
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ["people", "too-small"],
      ["moveIn", "format"],
    ]);
  });

  it("ignores hidden fields, and cleanFormValues drops them with unknown and empty values", () => {
    const values: FormValues = { ...valid, agentName: "x".repeat(99), unknown: 1, people: " 3 ", moveIn: "" };
    expect(validateForm(form, values, {}, { strict: true })).toEqual([]);
    expect(cleanFormValues(form, values, {})).toEqual({ ...valid, people: 3 });
  });

  // Generated values: lenient problems are always also submit problems, and never name hidden fields.
  it("property: lenient ⊆ strict, and only shown fields are ever reported or kept", () => {
    const value = fc.oneof(
      fc.constantFrom("", " ", "是", "张三", "工商银行", "13800510001", "2026-03-02", "320202198503120130"),
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -5, max: 30 }),
      fc.boolean(),
      fc.constant(null),
    );
    const keys = [
      "contactName",
      "contactPhone",
      "idNumber",
      "bank",
      "people",
      "moveIn",
      "byAgent",
      "agentName",
      "agentPhone",
      "lease",
      "other",
    ];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), value),
        fc.constantFrom<Record<string, string>>({}, { housing: "租赁" }),
        (values, answers) => {
          const shown = new Set(ids(cleanFormValues(form, values, answers), answers));
          const strict = validateForm(form, values, answers, { strict: true });
          const lenient = validateForm(form, values, answers, { strict: false });
          for (const error of lenient) expect(strict).toContainEqual(error);
          for (const error of strict) expect(shown.has(error.field)).toBe(true);
          const clean = cleanFormValues(form, values, answers);
          const cleanShown = new Set(ids(clean, answers));
          for (const key of Object.keys(clean)) expect(cleanShown.has(key)).toBe(true);
          // Cleaning is idempotent: what the server stores cleans to itself.
          expect(cleanFormValues(form, clean, answers)).toEqual(clean);
        },
      ),
    );
  });
});

describe("prefillForm", () => {
  it("fills empty prefill fields from the profile and keeps what the applicant gave", () => {
    const filled = prefillForm(
      form,
      { contactName: "代填人", contactPhone: " " },
      {
        name: "陈晓明",
        mobile: "13800510001",
        idNumber: "320202198503120130",
      },
    );
    expect(filled).toEqual({
      contactName: "代填人",
      contactPhone: "13800510001",
      idNumber: "320202198503120130",
    });
    expect(prefillForm(form, {}, { name: null })).toEqual({});
  });
});
