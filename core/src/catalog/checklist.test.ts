import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildChecklist } from "./checklist.ts";
import { fixtureItem } from "./item.fixture.ts";

const item = fixtureItem();
const ids = (answers: Record<string, string>) => buildChecklist(item, answers).materials.map((m) => m.id);

describe("buildChecklist (情形引导)", () => {
  it("lists the non-conditional materials when nothing is answered", () => {
    const checklist = buildChecklist(item, {});
    expect(checklist.materials.map((m) => m.id)).toEqual(["hkb", "id-card", "house"]);
    expect(checklist.materials.every((m) => m.addedBy === null)).toBe(true);
    expect(checklist.conditions).toEqual(["在本市有合法稳定住所"]);
    expect(checklist.unanswered).toEqual(["agent", "housing"]);
  });

  it("adds 授权委托书 and the agent's ID when someone else applies", () => {
    const checklist = buildChecklist(item, { agent: "是" });
    expect(checklist.materials.map((m) => [m.id, m.addedBy])).toEqual([
      ["hkb", null],
      ["id-card", null],
      ["wts", "agent"],
      ["agent-id", "agent"],
      ["house", null],
    ]);
    expect(checklist.unanswered).toEqual(["housing"]);
  });

  it("replaces a material and adds a condition", () => {
    const checklist = buildChecklist(item, { agent: "否", housing: "租赁" });
    expect(checklist.materials.map((m) => [m.id, m.addedBy])).toEqual([
      ["hkb", null],
      ["id-card", null],
      ["lease", "housing"],
    ]);
    expect(checklist.conditions).toEqual(["在本市有合法稳定住所", "租赁合同已登记备案"]);
    expect(checklist.unanswered).toEqual([]);
  });

  it("treats an answer the question does not offer as unanswered", () => {
    expect(buildChecklist(item, { agent: "也许" }).unanswered).toEqual(["agent", "housing"]);
    expect(ids({ agent: "也许" })).toEqual(["hkb", "id-card", "house"]);
  });

  it("removes a material, and a later question may add it back", () => {
    const content = fixtureItem({
      situations: [
        {
          id: "born-here",
          question: "是否本市出生？",
          options: [
            { label: "是", effects: [{ kind: "remove-material", material: "hkb" }] },
            { label: "否" },
          ],
        },
        {
          id: "moving",
          question: "是否跨市迁入？",
          options: [{ label: "是", effects: [{ kind: "add-material", material: "hkb" }] }, { label: "否" }],
        },
      ],
    });
    expect(buildChecklist(content, { "born-here": "是" }).materials.map((m) => m.id)).toEqual([
      "id-card",
      "house",
    ]);
    const back = buildChecklist(content, { "born-here": "是", moving: "是" }).materials;
    expect(back.map((m) => [m.id, m.addedBy])).toEqual([
      ["hkb", "moving"],
      ["id-card", null],
      ["house", null],
    ]);
  });

  it("ignores effects naming materials the item does not have", () => {
    const content = fixtureItem({
      situations: [
        {
          id: "q",
          question: "问题？",
          options: [{ label: "是", effects: [{ kind: "add-material", material: "ghost" }] }, { label: "否" }],
        },
      ],
    });
    expect(buildChecklist(content, { q: "是" }).materials.map((m) => m.id)).toEqual([
      "hkb",
      "id-card",
      "house",
    ]);
  });

  it("ignores answers to inherited object keys", () => {
    const content = fixtureItem({
      situations: [{ id: "constructor", question: "问题？", options: [{ label: "是" }, { label: "否" }] }],
    });
    expect(buildChecklist(content, {}).unanswered).toEqual(["constructor"]);
  });

  it("with any answers, lists only the item's materials, once each, in the item's order", () => {
    const options = Object.fromEntries(item.situations.map((s) => [s.id, s.options.map((o) => o.label)]));
    fc.assert(
      fc.property(
        fc.record({
          agent: fc.option(fc.constantFrom(...(options.agent ?? []), "其他"), { nil: undefined }),
          housing: fc.option(fc.constantFrom(...(options.housing ?? []), "其他"), { nil: undefined }),
        }),
        (raw) => {
          const answers = Object.fromEntries(
            Object.entries(raw).filter(([, v]) => v !== undefined),
          ) as Record<string, string>;
          const listed = ids(answers);
          const order = item.materials.map((m) => m.id);
          expect(new Set(listed).size).toBe(listed.length);
          expect([...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(listed);
          // Materials not touched by any situation are always listed.
          expect(listed).toEqual(expect.arrayContaining(["hkb", "id-card"]));
        },
      ),
    );
  });

  it("without answers equals the non-conditional materials for any conditional flags", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (flags) => {
        const content = {
          ...item,
          materials: item.materials.map((m, i) => ({ ...m, conditional: flags[i] ?? false })),
        };
        const expected = content.materials
          .filter((m) => !m.conditional)
          .map((m) => ({ ...m, addedBy: null }));
        expect(buildChecklist(content, {}).materials).toEqual(expected);
      }),
    );
  });
});
