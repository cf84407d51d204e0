import { validateCreditCode, validateImplementationCode } from "@tongban/core";
import { describe, expect, it } from "vitest";
import { readSeedFiles } from "./seed-files.ts";

// The demo data is product data: every code in it must pass the same validators users face.
describe("demo seed files", async () => {
  const seed = await readSeedFiles();

  it("carries the whole reference catalog", () => {
    expect(seed.items).toHaveLength(125);
    expect(seed.licenceTypes).toHaveLength(40);
    expect(seed.bundles).toHaveLength(27);
  });

  it("gives every department a valid 统一社会信用代码 and every item a valid 实施编码", () => {
    for (const d of seed.departments)
      expect(validateCreditCode(d.creditCode), d.ref).toMatchObject({ valid: true });
    for (const i of seed.items) {
      expect(validateImplementationCode(i.content.implementationCode, "national"), i.ref).toMatchObject({
        valid: true,
      });
    }
  });

  it("references only departments, licence types, items and regions that exist", () => {
    const departments = new Set(seed.departments.map((d) => d.ref));
    const licences = new Set(seed.licenceTypes.map((l) => l.ref));
    const items = new Set(seed.items.map((i) => i.ref));
    const regions = new Set(seed.regions.map((r) => r.code));
    for (const i of seed.items) {
      expect(departments.has(i.departmentRef), i.ref).toBe(true);
      for (const m of i.content.materials)
        if (m.licenceTypeRef) expect(licences.has(m.licenceTypeRef), m.name).toBe(true);
    }
    for (const b of seed.bundles)
      for (const ref of b.itemRefs) expect(items.has(ref), `${b.ref} → ${ref}`).toBe(true);
    for (const r of seed.regions) if (r.parentCode) expect(regions.has(r.parentCode), r.code).toBe(true);
    for (const a of seed.accounts)
      if (a.departmentRef) expect(departments.has(a.departmentRef), a.username).toBe(true);
  });

  it("keeps promised time limits within statutory ones where both are working days", () => {
    for (const i of seed.items) {
      const s = i.content.statutoryLimit;
      const p = i.content.promisedLimit;
      if (s && p && s.unit === p.unit) expect(p.days, i.ref).toBeLessThanOrEqual(s.days);
    }
  });

  it("asks every item whether someone else applies, and links that answer to the agent's papers", () => {
    for (const i of seed.items) {
      const agent = i.content.situations.find((s) => s.id === "agent");
      expect(agent?.question, i.ref).toBe("是否委托他人办理？");
      expect(agent?.options.find((o) => o.label === "是")?.effects, i.ref).toEqual([
        { kind: "add-material", material: "agent-letter" },
        { kind: "add-material", material: "agent-id" },
      ]);
      // Every effect names a material of the item, and every conditional material is added by some answer.
      const ids = new Set(i.content.materials.map((m) => m.id));
      const added = new Set(
        i.content.situations.flatMap((s) =>
          s.options.flatMap((o) => o.effects.map((e) => ("material" in e ? e.material : ""))),
        ),
      );
      for (const id of added) expect(ids.has(id), `${i.ref} ${id}`).toBe(true);
      for (const m of i.content.materials)
        if (m.conditional) expect(added.has(m.id), `${i.ref} ${m.id}`).toBe(true);
    }
  });

  it("links a 'when' material to the one yes/no question it belongs to", () => {
    const birth = seed.items.find((i) => i.ref === "chusheng-yixue-zhengming")?.content;
    const outside = birth?.materials.find((m) => m.note === "在助产机构外出生时");
    expect(outside).toMatchObject({ conditional: true, required: true });
    expect(birth?.situations[0]?.options.find((o) => o.label === "否")?.effects).toEqual([
      { kind: "add-material", material: outside?.id },
    ]);
    const id = seed.items.find((i) => i.ref === "sfz-shouci-shenling")?.content;
    expect(id?.materials.find((m) => m.note === "未在受理点现场采集相片时")).toMatchObject({
      conditional: false,
    });
    expect(id?.processing).toBe("promised");
    expect(id?.statutoryLimit).toMatchObject({ days: 60, unit: "natural-day" });
    expect(id?.fees).toEqual([{ name: "工本费", amountFen: 2000, basis: expect.stringContaining("2322号") }]);
  });
});
