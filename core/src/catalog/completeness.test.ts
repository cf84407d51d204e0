import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeness, completenessElements } from "./completeness.ts";
import { fixtureItem } from "./item.fixture.ts";

const empty = fixtureItem({
  legalBasis: [],
  conditions: [],
  materials: [],
  situations: [],
  statutoryLimit: null,
  promisedLimit: null,
  fees: [],
  process: [],
  result: null,
  windowIds: [],
  consultationPhone: null,
  complaintPhone: null,
  faq: [],
  rights: [],
  obligations: [],
  remedies: { reconsideration: null, litigation: null },
});

describe("completeness", () => {
  it("scores a fully stated item 100", () => {
    expect(completeness(fixtureItem())).toEqual({ score: 100, missing: [] });
  });

  it("scores a bare item 0 and names every missing element", () => {
    const result = completeness(empty);
    expect(result.score).toBe(0);
    expect(result.missing).toEqual(completenessElements.map((element) => element.label));
    expect(result.missing).toContain("收费标准（或不收费说明）");
  });

  it("counts an immediate item as having its promise", () => {
    const result = completeness({ ...empty, processing: "immediate" });
    expect(result.missing).not.toContain("承诺办结时限");
    expect(result.score).toBeGreaterThan(0);
  });

  it("weighs what is missing: one element costs its share", () => {
    const result = completeness(fixtureItem({ faq: [] }));
    expect(result.missing).toEqual(["常见问题"]);
    expect(result.score).toBe(96);
  });

  it("stays within 0–100 and only rises as elements are added (generated)", () => {
    const full = fixtureItem();
    const keys = [
      "legalBasis",
      "conditions",
      "materials",
      "statutoryLimit",
      "promisedLimit",
      "fees",
      "process",
      "result",
      "windowIds",
      "consultationPhone",
      "complaintPhone",
      "faq",
      "rights",
      "obligations",
      "remedies",
    ] as const;
    fc.assert(
      fc.property(fc.subarray([...keys]), fc.constantFrom(...keys), (filled, extra) => {
        const partial = { ...empty, ...Object.fromEntries(filled.map((key) => [key, full[key]])) };
        const more = { ...partial, [extra]: full[extra] };
        const before = completeness(partial);
        const after = completeness(more);
        expect(before.score).toBeGreaterThanOrEqual(0);
        expect(after.score).toBeLessThanOrEqual(100);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.missing.length).toBeLessThanOrEqual(before.missing.length);
      }),
    );
  });
});
