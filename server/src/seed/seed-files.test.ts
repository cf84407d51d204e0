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
      expect(validateImplementationCode(i.implementationCode, "national"), i.ref).toMatchObject({
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
      for (const m of i.materials)
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
      const s = i.statutoryLimit;
      const p = i.promisedLimit;
      if (s && p && s.unit === p.unit) expect(p.days, i.ref).toBeLessThanOrEqual(s.days);
    }
  });
});
