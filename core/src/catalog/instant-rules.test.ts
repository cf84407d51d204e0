import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, fromEpochDay, toEpochDay } from "../calendar/local-date.ts";
import { computeCitizenIdCheck } from "../identifiers/citizen-id.ts";
import {
  ageOn,
  allPassed,
  describeInstantRule,
  evaluateInstantRules,
  InstantRule,
  regionOf,
  type VerifiedIdentity,
} from "./instant-rules.ts";

/** A valid 公民身份号码 for a birth date and address code. */
const idFor = (birthdate: string, region = "320202", sequence = "013") => {
  const first17 = `${region}${birthdate.replaceAll("-", "")}${sequence}`;
  return first17 + computeCitizenIdCheck(first17);
};

const chen: VerifiedIdentity = {
  kind: "citizen",
  name: "陈晓明",
  idNumber: "320202198503120130",
  mobile: "13800510001",
  creditCode: null,
  companyName: null,
};
const company: VerifiedIdentity = {
  kind: "company",
  name: "陈晓明",
  idNumber: "320202198503120130",
  mobile: null,
  creditCode: "91320213MA2TB0015D",
  companyName: "无锡通办示范科技有限公司",
};
const today = "2026-03-11";
const rent = [
  { kind: "age-at-least", years: 18 },
  { kind: "resident-of", regionCodes: ["3202"] },
  { kind: "field-matches-verified", field: "applicantName", verified: "name" },
  { kind: "field-matches-verified", field: "idNumber", verified: "idNumber" },
  { kind: "field-at-most", field: "monthlyRent", value: 3000 },
] as const satisfies InstantRule[];
const labels = { applicantName: "申请人姓名", idNumber: "身份证号码", monthlyRent: "月租金（元）" };

describe("ageOn", () => {
  it("counts full years, the birthday completing one", () => {
    expect(ageOn(chen.idNumber, "2026-03-11")).toBe(40);
    expect(ageOn(chen.idNumber, "2026-03-12")).toBe(41);
    expect(ageOn(idFor("2008-02-29"), "2026-02-28")).toBe(17);
    expect(ageOn(idFor("2008-02-29"), "2026-03-01")).toBe(18);
  });

  it("is null without a valid number", () => {
    expect(ageOn(null, today)).toBeNull();
    expect(ageOn("320202198503120131", today)).toBeNull();
  });

  it("is never negative and grows by exactly one on each birthday", () => {
    const birthdays = fc
      .integer({ min: toEpochDay("1900-01-01"), max: toEpochDay("2025-12-31") })
      .map(fromEpochDay)
      .filter((d) => !d.endsWith("02-29"));
    fc.assert(
      fc.property(birthdays, fc.integer({ min: 1, max: 100 }), (birth, years) => {
        const birthday = `${Number(birth.slice(0, 4)) + years}${birth.slice(4)}`;
        const id = idFor(birth);
        expect(ageOn(id, addDays(birthday, -1))).toBe(years - 1);
        expect(ageOn(id, birthday)).toBe(years);
      }),
    );
  });
});

describe("regionOf", () => {
  it("reads a person's address code and a company's registering region", () => {
    expect(regionOf(chen)).toBe("320202");
    expect(regionOf(company)).toBe("320213");
    expect(regionOf({ ...chen, idNumber: null })).toBeNull();
  });
});

describe("evaluateInstantRules", () => {
  const form = { applicantName: "陈晓明", idNumber: "320202198503120130", monthlyRent: 2500 };

  it("passes every rent rule for the verified applicant", () => {
    const results = evaluateInstantRules(rent, { form, identity: chen, today, labels });
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true, true]);
    expect(allPassed(results)).toBe(true);
    expect(results[0]?.detail).toBe("申请人 40 周岁");
    expect(results[2]?.description).toBe("「申请人姓名」与经核验的姓名一致");
  });

  it("fails only the broken rules, and says why", () => {
    const results = evaluateInstantRules(rent, {
      form: { ...form, applicantName: "陈小明", monthlyRent: "3500" },
      identity: chen,
      today,
      labels,
    });
    expect(results.map((r) => r.passed)).toEqual([true, true, false, true, false]);
    expect(results[2]?.detail).toBe("与经核验的姓名不一致");
    expect(results[4]?.detail).toBe("填写的是「3500」");
    expect(allPassed(results)).toBe(false);
  });

  it("fails rules whose data is missing rather than passing them", () => {
    const results = evaluateInstantRules(rent, {
      form: {},
      identity: { ...chen, name: null, idNumber: null },
      today,
    });
    expect(results.every((r) => !r.passed)).toBe(true);
    expect(results.map((r) => r.detail)).toEqual([
      "未取得经核验的公民身份号码，无法计算年龄",
      "未取得经核验的身份信息，无法确定所属行政区划",
      "未取得经核验的姓名",
      "未取得经核验的公民身份号码",
      "未填写「monthlyRent」",
    ]);
  });

  it("matches identifiers without regard to letter case", () => {
    const [result] = evaluateInstantRules(
      [{ kind: "field-matches-verified", field: "code", verified: "creditCode" }],
      {
        form: { code: " 91320213ma2tb0015d " },
        identity: company,
        today,
      },
    );
    expect(result?.passed).toBe(true);
  });

  it("checks audience, field-in, field-equals, field-at-least and age-below", () => {
    const rules: InstantRule[] = [
      { kind: "audience", audience: "company" },
      { kind: "field-in", field: "reason", values: ["异地长期居住", "临时外出就医"] },
      { kind: "field-equals", field: "agree", value: true },
      { kind: "field-at-least", field: "months", value: 6 },
      { kind: "age-below", years: 60 },
      { kind: "resident-of", regionCodes: ["320213", "11"] },
    ];
    const results = evaluateInstantRules(rules, {
      form: { reason: "临时外出就医", agree: true, months: "6" },
      identity: company,
      today,
    });
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true, false, true]);
    expect(evaluateInstantRules([], { form: {}, identity: chen, today })).toEqual([]);
    expect(allPassed([])).toBe(false);
  });

  it("gives every rule kind a Chinese description", () => {
    expect(describeInstantRule({ kind: "field-in", field: "reason", values: ["甲", "乙"] })).toBe(
      "「reason」为以下之一：甲、乙",
    );
    expect(describeInstantRule({ kind: "resident-of", regionCodes: ["3202"] })).toBe(
      "申请人属于行政区划 3202",
    );
  });

  it("field-at-most and field-at-least agree with plain comparison for any number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        (filled, limit) => {
          const [most, least] = evaluateInstantRules(
            [
              { kind: "field-at-most", field: "x", value: limit },
              { kind: "field-at-least", field: "x", value: limit },
            ],
            { form: { x: String(filled) }, identity: chen, today },
          );
          expect(most?.passed).toBe(filled <= limit);
          expect(least?.passed).toBe(filled >= limit);
        },
      ),
    );
  });
});

describe("InstantRule schema", () => {
  it("accepts the seed's rules and refuses malformed ones", () => {
    expect(InstantRule.array().safeParse(rent).success).toBe(true);
    expect(InstantRule.safeParse({ kind: "resident-of", regionCodes: ["320"] }).success).toBe(false);
    expect(InstantRule.safeParse({ kind: "field-equals", field: "Bad-Id", value: 1 }).success).toBe(false);
    expect(
      InstantRule.safeParse({ kind: "field-matches-verified", field: "a", verified: "email" }).success,
    ).toBe(false);
    expect(InstantRule.safeParse({ kind: "sometimes" }).success).toBe(false);
  });
});
