import { ItemForm } from "@tongban/core";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { errorMessage, filledFields, formErrors, serverFieldErrors, shownErrors } from "./form-values.ts";

const form = ItemForm.parse({
  sections: [
    {
      id: "contact",
      title: "联系方式",
      fields: [
        { id: "contactName", label: "联系人", type: "text", required: true, maxLength: 5 },
        { id: "contactPhone", label: "联系电话", type: "phone", required: true },
      ],
    },
    {
      id: "payment",
      title: "津贴发放",
      fields: [
        { id: "payTo", label: "发放方式", type: "radio", required: true, options: ["银行卡", "社会保障卡"] },
        {
          id: "bankAccount",
          label: "银行账号",
          type: "text",
          required: true,
          visibleWhen: { field: "payTo", equals: "银行卡" },
        },
        { id: "byAgent", label: "委托他人", type: "checkbox" },
      ],
    },
  ],
});

const base = { form, answers: {}, touched: new Set<string>(), showAll: false, server: {} };
const codes = (errors: Record<string, { code: string }>) =>
  Object.fromEntries(Object.entries(errors).map(([id, error]) => [id, error.code]));

describe("the form's errors as the renderer shows them", () => {
  it("mirrors the core rules: strict wants required fields, lenient only types and lengths", () => {
    const values = { contactName: "陈晓明晓明晓明", payTo: "银行卡" };
    expect(codes(formErrors(form, values, {}, true))).toEqual({
      contactName: "too-long",
      contactPhone: "required",
      bankAccount: "required",
    });
    expect(codes(formErrors(form, values, {}, false))).toEqual({ contactName: "too-long" });
  });

  it("shows a missing field only once touched or after a submit attempt; wrong lengths at once", () => {
    const values = { contactName: "陈晓明晓明晓明", payTo: "银行卡" };
    expect(codes(shownErrors({ ...base, values }))).toEqual({ contactName: "too-long" });
    expect(codes(shownErrors({ ...base, values, touched: new Set(["bankAccount"]) }))).toEqual({
      contactName: "too-long",
      bankAccount: "required",
    });
    expect(Object.keys(shownErrors({ ...base, values, showAll: true }))).toEqual([
      "contactName",
      "contactPhone",
      "bankAccount",
    ]);
  });

  it("prefers the server's word on a field, and never shows an error on a hidden field", () => {
    const server = { bankAccount: { field: "bankAccount", code: "format" as const, message: "x" } };
    const shown = shownErrors({ ...base, values: { payTo: "银行卡" }, server });
    expect(shown.bankAccount?.code).toBe("format");
    const hidden = shownErrors({ ...base, values: { payTo: "社会保障卡" }, server, showAll: true });
    expect(hidden.bankAccount).toBeUndefined();
  });

  it("reads the field list of a refused save, and nothing from other failures", () => {
    const refused = new ApiError({
      type: "about:blank",
      title: "申请表填写有误",
      status: 400,
      code: "CASE_FORM_INVALID",
      details: { fields: [{ field: "payTo", code: "option", message: "“发放方式”请从选项中选择" }, "junk"] },
    });
    expect(codes(serverFieldErrors(refused) ?? {})).toEqual({ payTo: "option" });
    const other = new ApiError({ type: "about:blank", title: "x", status: 409, code: "CASE_WRONG_STATUS" });
    expect(serverFieldErrors(other)).toBeNull();
    expect(serverFieldErrors(new Error("boom"))).toBeNull();
  });

  it("names the message by what is wrong and the field's kind", () => {
    const field = (id: string) => form.sections.flatMap((s) => s.fields).find((f) => f.id === id);
    const payTo = field("payTo");
    const byAgent = field("byAgent");
    const name = field("contactName");
    if (!payTo || !byAgent || !name) throw new Error("fixture");
    expect(errorMessage({ field: "payTo", code: "required", message: "" }, payTo).key).toBe(
      "forms.error.requiredChoice",
    );
    expect(errorMessage({ field: "byAgent", code: "required", message: "" }, byAgent).key).toBe(
      "forms.error.requiredTick",
    );
    expect(errorMessage({ field: "contactName", code: "too-long", message: "", limit: 5 }, name)).toEqual({
      key: "forms.error.tooLong",
      params: { label: "联系人", limit: 5 },
    });
  });
});

describe("filledFields (case pages)", () => {
  it("lists filled fields in the form's order with their labels, unknown values last", () => {
    const filled = filledFields(form, {
      byAgent: false,
      payTo: "银行卡",
      contactName: "陈晓明",
      contactPhone: "",
      legacy: "旧值",
    });
    expect(filled.map((entry) => [entry.section, entry.field.label, entry.value])).toEqual([
      ["联系方式", "联系人", "陈晓明"],
      ["津贴发放", "发放方式", "银行卡"],
      ["津贴发放", "委托他人", false],
      ["", "legacy", "旧值"],
    ]);
  });
});
