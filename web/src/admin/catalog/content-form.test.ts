import { type ItemContent, ItemContentSchema } from "@tongban/core";
import { describe, expect, it } from "vitest";
import { emptyValues, parseEditor, toContentCandidate, toEditorValues } from "./content-form.ts";

const content: ItemContent = ItemContentSchema.parse({
  name: "居民身份证换领",
  basicCode: "322000100200",
  implementationCode: "11320200MB320001633322000100200",
  type: "public-service",
  level: "municipal",
  departmentId: "0b7e6c1e-3c5f-4a1e-9d3a-2f1f6a4f8e01",
  audience: ["citizen"],
  legalBasis: [{ law: "《中华人民共和国居民身份证法》", article: "第十一条" }],
  materials: [
    { id: "old-card", name: "原居民身份证", forms: ["original"], required: true },
    { id: "proxy", name: "授权委托书", forms: ["original"], required: false, conditional: true },
  ],
  situations: [
    {
      id: "by-proxy",
      question: "委托他人办理？",
      options: [{ label: "是", effects: [{ kind: "add-material", material: "proxy" }] }, { label: "否" }],
    },
  ],
  processing: "promised",
  statutoryLimit: { days: 60, unit: "natural-day" },
  promisedLimit: { days: 15, unit: "workday" },
  fees: [{ name: "工本费", amountFen: 2000, basis: "发改价格〔2003〕2322号" }],
  result: { type: "certificate", name: "居民身份证" },
  onlineDepth: 3,
  maxVisits: 1,
  visitReason: "需现场采集人像和指纹",
});

describe("editor values and the item document", () => {
  it("maps a document to the form and back without loss", () => {
    const values = toEditorValues(content);
    expect(values.fees).toEqual([{ name: "工本费", amountYuan: "20.00", basis: "发改价格〔2003〕2322号" }]);
    expect(parseEditor(values)).toEqual({ content, errors: [] });
  });

  it("stores a fee typed in 元 as fen", () => {
    const values = toEditorValues(content);
    values.fees = [{ name: "工本费", amountYuan: "25.5", basis: "" }];
    expect(parseEditor(values).content?.fees).toEqual([{ name: "工本费", amountFen: 2550, basis: null }]);
  });

  it("turns empty sub-forms and blank texts into null", () => {
    const values = toEditorValues(content);
    values.promisedLimit = { unit: "workday" };
    values.result = { type: "certificate", name: "" };
    values.visitReason = "  ";
    const candidate = toContentCandidate(values);
    expect(candidate.promisedLimit).toBeNull();
    expect(candidate.result).toBeNull();
    expect(candidate.visitReason).toBeNull();
  });

  it("reports field errors at the form's own paths", () => {
    const values = toEditorValues(content);
    values.name = "";
    values.fees = [{ name: "工本费", amountYuan: "12.345" }];
    values.materials = [{ ...content.materials[0], id: "Bad Id" } as ItemContent["materials"][number]];
    const { content: parsed, errors } = parseEditor(values);
    expect(parsed).toBeNull();
    expect(errors).toEqual(
      expect.arrayContaining([
        { name: ["name"], reason: "required" },
        { name: ["fees", 0, "amountYuan"], reason: "amount" },
        { name: ["materials", 0, "id"], reason: "format" },
      ]),
    );
  });

  it("starts a new item with the required fields still to fill", () => {
    const { errors } = parseEditor(emptyValues());
    const names = errors.map((e) => e.name.join("."));
    expect(names).toEqual(expect.arrayContaining(["name", "basicCode", "departmentId", "type", "level"]));
  });
});
