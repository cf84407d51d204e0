import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ContentChange, diffContent, jsonEqual } from "./diff.ts";
import { fixtureItem } from "./item.fixture.ts";
import type { ItemContent } from "./item-content.ts";

const base = fixtureItem();
const brief = (changes: ContentChange[]) => changes.map((c) => [c.path, c.kind, c.label]);

// Edits an editor might make, each producing a valid item that differs from `base`.
const edits: Record<string, (content: ItemContent) => ItemContent> = {
  rename: (c) => ({ ...c, name: `${c.name}（变更）` }),
  promise: (c) => ({ ...c, promisedLimit: { days: 3, unit: "workday", text: null } }),
  dropResult: (c) => ({ ...c, result: null }),
  addTag: (c) => ({ ...c, tags: [...c.tags, "mobile"] }),
  addMaterial: (c) => ({
    ...c,
    materials: [
      ...c.materials,
      { ...(c.materials[0] as ItemContent["materials"][number]), id: "photo", name: "照片" },
    ],
  }),
  removeMaterial: (c) => ({ ...c, materials: c.materials.filter((m) => m.id !== "house") }),
  editMaterial: (c) => ({
    ...c,
    materials: c.materials.map((m) => (m.id === "hkb" ? { ...m, copies: 2 } : m)),
  }),
  reorderMaterials: (c) => ({ ...c, materials: [...c.materials].reverse() }),
  addFaq: (c) => ({ ...c, faq: [...c.faq, { question: "多久办好？", answer: "五个工作日。" }] }),
  law: (c) => ({ ...c, legalBasis: [{ law: "户口登记条例", article: null, text: null }] }),
  visits: (c) => ({ ...c, maxVisits: 0, visitReason: null }),
  remedies: (c) => ({ ...c, remedies: { ...c.remedies, litigation: null } }),
  situation: (c) => ({
    ...c,
    situations: c.situations.map((s) => (s.id === "agent" ? { ...s, question: "是否由他人代办？" } : s)),
  }),
};

describe("diffContent", () => {
  it("finds nothing between an item and itself", () => {
    expect(diffContent(base, base)).toEqual([]);
    expect(diffContent(base, structuredClone(base))).toEqual([]);
  });

  it("names a scalar change with its Chinese label", () => {
    expect(diffContent(base, edits.rename?.(base) as ItemContent)).toEqual([
      {
        field: "name",
        path: "name",
        label: "事项名称",
        kind: "changed",
        before: "户口迁移登记",
        after: "户口迁移登记（变更）",
      },
    ]);
  });

  it("matches materials by id and reports the part that changed", () => {
    const after = edits.editMaterial?.(base) as ItemContent;
    expect(diffContent(base, after)).toEqual([
      {
        field: "materials",
        path: "materials[hkb].copies",
        label: "申请材料「居民户口簿」 · 份数",
        kind: "changed",
        before: 1,
        after: 2,
      },
    ]);
  });

  it("reports added and removed materials, and a reordering", () => {
    expect(brief(diffContent(base, edits.addMaterial?.(base) as ItemContent))).toEqual([
      ["materials[photo]", "added", "申请材料「照片」"],
    ]);
    expect(brief(diffContent(base, edits.removeMaterial?.(base) as ItemContent))).toEqual([
      ["materials[house]", "removed", "申请材料「房屋产权证明」"],
    ]);
    expect(brief(diffContent(base, edits.reorderMaterials?.(base) as ItemContent))).toEqual([
      ["materials", "changed", "申请材料（顺序）"],
    ]);
  });

  it("compares object elements part by part and nullable elements as a whole", () => {
    expect(brief(diffContent(base, edits.promise?.(base) as ItemContent))).toEqual([
      ["promisedLimit.days", "changed", "承诺办结时限 · 天数"],
    ]);
    expect(brief(diffContent(base, edits.dropResult?.(base) as ItemContent))).toEqual([
      ["result", "removed", "办理结果"],
    ]);
    expect(brief(diffContent(edits.dropResult?.(base) as ItemContent, base))).toEqual([
      ["result", "added", "办理结果"],
    ]);
  });

  it("compares lists of values by value and lists of records by position", () => {
    expect(brief(diffContent(base, edits.addTag?.(base) as ItemContent))).toEqual([
      ["tags", "added", "特色标签"],
    ]);
    expect(brief(diffContent(base, edits.addFaq?.(base) as ItemContent))).toEqual([
      ["faq[1]", "added", "常见问题 第2项"],
    ]);
    expect(brief(diffContent(base, edits.law?.(base) as ItemContent))).toEqual([
      ["legalBasis[0]", "changed", "设定依据 第1项"],
    ]);
    const reordered = { ...base, tags: ["mobile", "nearby"] } as ItemContent;
    const withMobile = { ...base, tags: ["nearby", "mobile"] } as ItemContent;
    expect(brief(diffContent(withMobile, reordered))).toEqual([["tags", "changed", "特色标签"]]);
  });

  it("lists changes in the order the elements appear in the item", () => {
    const after = edits.visits?.(edits.rename?.(base) as ItemContent) as ItemContent;
    expect(diffContent(base, after).map((c) => c.path)).toEqual(["name", "maxVisits", "visitReason"]);
  });

  it("is empty exactly when the contents are equal, and every changed element is named (generated edits)", () => {
    const names = Object.keys(edits);
    fc.assert(
      fc.property(fc.subarray(names), fc.subarray(names), (left, right) => {
        const a = left.reduce((c, name) => edits[name]?.(c) ?? c, base);
        const b = right.reduce((c, name) => edits[name]?.(c) ?? c, base);
        const changes = diffContent(a, b);
        expect(changes.length === 0).toBe(jsonEqual(a, b));
        const fields = new Set(changes.map((c) => c.field));
        for (const key of Object.keys(a) as (keyof ItemContent)[]) {
          expect(fields.has(key)).toBe(!jsonEqual(a[key], b[key]));
        }
        // Reversing the direction swaps added and removed and keeps the paths.
        const back = diffContent(b, a);
        expect(back.map((c) => c.path).sort()).toEqual(changes.map((c) => c.path).sort());
        const count = (list: ContentChange[], kind: ContentChange["kind"]) =>
          list.filter((c) => c.kind === kind).length;
        expect(count(back, "added")).toBe(count(changes, "removed"));
      }),
    );
  });
});
