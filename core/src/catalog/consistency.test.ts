import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar } from "../calendar/calendar.ts";
import { addDays, toEpochDay } from "../calendar/local-date.ts";
import { notice2025, notice2026 } from "../calendar/official-notices.fixture.ts";
import {
  type CatalogEntry,
  type CheckContext,
  checkCatalog,
  checkItem,
  consistencyRules,
} from "./consistency.ts";
import { fixtureBasicCode, fixtureCreditCode, fixtureDepartmentId, fixtureItem } from "./item.fixture.ts";
import { maxNaturalSpan } from "./item-checks.ts";
import type { ItemContentInput } from "./item-content.ts";

const context: CheckContext = {
  profile: "national",
  departments: new Map([[fixtureDepartmentId, { creditCode: fixtureCreditCode, regionCode: "320200" }]]),
  licenceTypeRefs: new Set(["hukou-booklet"]),
  windowIds: new Set(["0190a2b4-0000-7000-8000-0000000000aa"]),
};

const rulesOf = (overrides: Partial<ItemContentInput>, ctx: CheckContext = context) =>
  checkItem(fixtureItem(overrides), ctx).map((f) => [f.rule, f.severity, f.field]);

describe("checkItem", () => {
  it("finds nothing wrong with a complete, consistent item", () => {
    expect(checkItem(fixtureItem(), context)).toEqual([]);
  });

  it("gives every finding a Chinese message and the rule's severity unless stated", () => {
    const findings = checkItem(fixtureItem({ basicCode: "abc", maxVisits: 2, visitReason: null }), context);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
      expect(finding.itemId).toBeNull();
      expect(consistencyRules[finding.rule]).toBeDefined();
    }
  });

  describe("codes", () => {
    it("rejects a 基本编码 of the wrong length and a 实施编码 that does not end with it", () => {
      expect(rulesOf({ basicCode: "32020010000" })).toEqual([
        ["code-format", "error", "basicCode"],
        ["code-composition", "error", "implementationCode"],
      ]);
    });

    it("checks the 实施编码 against the body's USCC and the level (national profile)", () => {
      expect(rulesOf({ level: "county" })).toEqual([["code-composition", "error", "implementationCode"]]);
      const otherBody = `91110108MA000000703${fixtureBasicCode}`;
      expect(rulesOf({ implementationCode: otherBody })).toEqual([
        ["code-composition", "error", "implementationCode"],
      ]);
      expect(rulesOf({ implementationCode: `91110108MA000000713${fixtureBasicCode}` })).toEqual([
        ["code-format", "error", "implementationCode"],
      ]);
    });

    it("warns when the body has no USCC to compare with, and flags an unknown body", () => {
      const noCode: CheckContext = {
        ...context,
        departments: new Map([[fixtureDepartmentId, { creditCode: null, regionCode: "320200" }]]),
      };
      expect(rulesOf({}, noCode)).toEqual([["code-composition", "warning", "implementationCode"]]);
      expect(rulesOf({}, { ...context, departments: new Map() })).toEqual([
        ["department", "error", "departmentId"],
      ]);
    });

    it("applies only the data dictionary's limits under the GB/T 39046 profile", () => {
      const gbt: CheckContext = { ...context, profile: "gbt39046" };
      expect(rulesOf({ basicCode: "XK0001", implementationCode: "320200XK0001" }, gbt)).toEqual([]);
      expect(rulesOf({}, gbt)).toEqual([
        ["code-format", "error", "basicCode"],
        ["code-format", "error", "implementationCode"],
      ]);
    });
  });

  describe("time limits", () => {
    it("flags a promise longer than the law allows", () => {
      expect(rulesOf({ promisedLimit: { days: 21, unit: "workday" } })).toEqual([
        ["time-limit", "error", "promisedLimit"],
      ]);
      expect(rulesOf({ promisedLimit: { days: 20, unit: "workday" } })).toEqual([]);
    });

    it("compares different units conservatively", () => {
      const statutoryNatural = { statutoryLimit: { days: 30, unit: "natural-day" as const } };
      // 31 working days always outlast 30 natural days.
      expect(rulesOf({ ...statutoryNatural, promisedLimit: { days: 31, unit: "workday" } })).toEqual([
        ["time-limit", "error", "promisedLimit"],
      ]);
      // 16 working days may or may not fit into 30 natural days (a holiday in between).
      expect(rulesOf({ ...statutoryNatural, promisedLimit: { days: 16, unit: "workday" } })).toEqual([
        ["time-limit", "warning", "promisedLimit"],
      ]);
      // 10 working days span at most maxNaturalSpan(10) = 30 natural days, whatever the holidays.
      expect(rulesOf({ ...statutoryNatural, promisedLimit: { days: 10, unit: "workday" } })).toEqual([]);
      // 15 natural days never outlast 20 working days; 45 always do; 25 depends on the dates.
      expect(rulesOf({ promisedLimit: { days: 15, unit: "natural-day" } })).toEqual([]);
      expect(rulesOf({ promisedLimit: { days: 45, unit: "natural-day" } })).toEqual([
        ["time-limit", "error", "promisedLimit"],
      ]);
      expect(rulesOf({ promisedLimit: { days: 25, unit: "natural-day" } })).toEqual([
        ["time-limit", "warning", "promisedLimit"],
      ]);
    });

    it("bounds the natural span of working days by the real calendar", () => {
      // Over 2025–2026 (春节 2/15–2/23, 国庆 10/1–10/8), no run of N working days spans more than the bound.
      const calendar = createCalendar([notice2025, notice2026]);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 640 }), fc.integer({ min: 1, max: 60 }), (startDay, days) => {
          const start = addDays("2025-01-01", startDay);
          const end = calendar.addWorkdays(start, days).due;
          expect(toEpochDay(end) - toEpochDay(start)).toBeLessThanOrEqual(maxNaturalSpan(days));
          expect(toEpochDay(end) - toEpochDay(start)).toBeGreaterThanOrEqual(days);
        }),
      );
    });

    it("never reports an error for a promise within the law, whatever the numbers (generated)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 60 }),
          (promised, statutory) => {
            const findings = checkItem(
              fixtureItem({
                statutoryLimit: { days: statutory, unit: "workday" },
                promisedLimit: { days: promised, unit: "workday" },
              }),
              context,
            );
            expect(findings.some((f) => f.rule === "time-limit")).toBe(promised > statutory);
          },
        ),
      );
    });

    it("requires an immediate item to promise nothing and a promised item to promise something", () => {
      expect(rulesOf({ processing: "immediate" })).toEqual([
        ["immediate-processing", "error", "promisedLimit"],
      ]);
      expect(rulesOf({ processing: "immediate", promisedLimit: { days: 0, unit: "workday" } })).toEqual([]);
      expect(rulesOf({ processing: "immediate", promisedLimit: null })).toEqual([]);
      expect(rulesOf({ promisedLimit: null })).toEqual([["required-elements", "error", "promisedLimit"]]);
    });
  });

  describe("visits", () => {
    it("requires zero visits at online depth IV", () => {
      expect(rulesOf({ onlineDepth: 4 })).toEqual([["level-four-zero-visit", "error", "maxVisits"]]);
      expect(rulesOf({ onlineDepth: 4, maxVisits: 0, visitReason: null })).toEqual([]);
    });

    it("requires an online or postal channel for zero visits", () => {
      expect(rulesOf({ onlineDepth: 2, maxVisits: 0, postal: false })).toEqual([
        ["zero-visit-channel", "error", "maxVisits"],
      ]);
      expect(rulesOf({ onlineDepth: 2, maxVisits: 0, postal: true })).toEqual([]);
      expect(rulesOf({ onlineDepth: 3, maxVisits: 0, postal: false })).toEqual([]);
    });

    it("requires a reason for every visit", () => {
      expect(rulesOf({ visitReason: null })).toEqual([["visit-reason", "error", "visitReason"]]);
    });
  });

  describe("situations", () => {
    it("flags effects naming missing materials and conditional materials nobody adds", () => {
      const item = fixtureItem();
      const situations = [
        {
          id: "agent",
          question: "是否委托他人办理？",
          options: [
            { label: "是", effects: [{ kind: "add-material" as const, material: "power-of-attorney" }] },
            { label: "否" },
          ],
        },
        item.situations[1] as (typeof item.situations)[number],
      ];
      expect(rulesOf({ situations })).toEqual([
        ["material-reference", "error", "situations[agent].options[0].effects[0]"],
        ["conditional-material", "warning", "materials[wts]"],
        ["conditional-material", "warning", "materials[agent-id]"],
      ]);
    });

    it("flags duplicate ids and duplicate option labels", () => {
      const item = fixtureItem();
      const materials = [...item.materials, { ...(item.materials[0] as (typeof item.materials)[number]) }];
      expect(rulesOf({ materials })).toEqual([["unique-ids", "error", "materials[hkb]"]]);
      const situations = [
        { id: "agent", question: "是否委托？", options: [{ label: "是" }, { label: "是" }] },
      ];
      expect(rulesOf({ situations }).filter(([rule]) => rule === "unique-ids")).toEqual([
        ["unique-ids", "error", "situations[agent].options"],
      ]);
    });
  });

  it("checks licence types and windows only when the context knows them", () => {
    const item = fixtureItem();
    const materials = item.materials.map((m) => (m.id === "hkb" ? { ...m, licenceTypeRef: "ghost" } : m));
    expect(rulesOf({ materials, windowIds: ["0190a2b4-0000-7000-8000-0000000000bb"] })).toEqual([
      ["licence-type", "error", "materials[hkb].licenceTypeRef"],
      ["window", "error", "windowIds[0]"],
    ]);
    const bare: CheckContext = { profile: context.profile, departments: context.departments };
    expect(rulesOf({ materials }, bare)).toEqual([]);
  });

  it("requires a legal basis and warns about missing phones and process", () => {
    expect(rulesOf({ legalBasis: [], consultationPhone: null, process: [] })).toEqual([
      ["required-elements", "error", "legalBasis"],
      ["required-elements", "warning", "consultationPhone"],
      ["required-elements", "warning", "process"],
    ]);
  });

  it("warns when feature tags contradict the processing", () => {
    expect(rulesOf({ tags: ["immediate", "fully-online"] })).toEqual([
      ["feature-tags", "warning", "tags"],
      ["feature-tags", "warning", "tags"],
    ]);
  });
});

describe("checkCatalog", () => {
  const entry = (ref: string, overrides: Partial<ItemContentInput> = {}): CatalogEntry => ({
    itemId: `id-${ref}`,
    ref,
    content: fixtureItem(overrides),
  });
  const county = (overrides: Partial<ItemContentInput> = {}) => ({
    level: "county" as const,
    implementationCode: `${fixtureCreditCode}4${fixtureBasicCode}`,
    ...overrides,
  });

  it("accepts implementations of one basic item that agree (四级四同)", () => {
    expect(checkCatalog([entry("city"), entry("county", county())], context)).toEqual([]);
  });

  it("flags the implementation whose name, type or laws deviate from the others", () => {
    const findings = checkCatalog(
      [
        entry("city"),
        entry("county", county()),
        entry("other", {
          ...county({ implementationCode: `91110108MA000000703${fixtureBasicCode}` }),
          name: "户口迁入",
          type: "licensing",
          legalBasis: [{ law: "地方规定" }],
        }),
      ],
      context,
    );
    expect(findings.map((f) => [f.rule, f.severity, f.ref, f.field])).toEqual([
      ["four-same", "error", "other", "name"],
      ["four-same", "error", "other", "type"],
      ["four-same", "error", "other", "legalBasis"],
    ]);
    expect(findings[0]?.message).toContain("「户口迁入」");
    expect(findings[0]?.message).toContain("city");
    expect(findings[0]?.itemId).toBe("id-other");
  });

  it("breaks a tie in favour of the higher exercising level, whatever the order", () => {
    const city = entry("z-city");
    const countyEntry = entry("a-county", county({ name: "户口迁入（县）" }));
    for (const entries of [
      [city, countyEntry],
      [countyEntry, city],
    ]) {
      const findings = checkCatalog(entries, context);
      expect(findings.map((f) => [f.rule, f.ref, f.field])).toEqual([["four-same", "a-county", "name"]]);
    }
  });

  it("treats the legal basis as a set of laws: articles and order may differ", () => {
    const findings = checkCatalog(
      [
        entry("city", { legalBasis: [{ law: "甲法" }, { law: "乙法", article: "第一条" }] }),
        entry("county", county({ legalBasis: [{ law: "乙法", article: "第二条" }, { law: "甲法" }] })),
      ],
      context,
    );
    expect(findings).toEqual([]);
  });

  it("flags a 实施编码 used twice", () => {
    const findings = checkCatalog([entry("a"), entry("b")], context);
    expect(findings.map((f) => [f.rule, f.ref])).toEqual([
      ["implementation-code-unique", "a"],
      ["implementation-code-unique", "b"],
    ]);
  });

  it("does not depend on the order of the entries when a majority exists (generated)", () => {
    const entries = [
      entry("a"),
      entry("b", county()),
      entry("c", {
        ...county({ implementationCode: `91110108MA000000703${fixtureBasicCode}` }),
        name: "另一名称",
      }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 3, maxLength: 3 }), (shuffled) => {
        const findings = checkCatalog(shuffled, context);
        expect(findings.map((f) => [f.rule, f.ref, f.field])).toEqual([["four-same", "c", "name"]]);
      }),
    );
  });
});
