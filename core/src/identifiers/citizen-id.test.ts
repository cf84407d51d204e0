import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCitizenIdCheck, upgradeCitizenId15, validateCitizenId } from "./citizen-id.ts";

const today = "2026-06-01";

describe("validateCitizenId (GB 11643, standards-cn §1)", () => {
  it.each([
    ["110105198001010016", "1980-01-01", "male"],
    ["310115197512310526", "1975-12-31", "female"],
    ["440305200002290037", "2000-02-29", "male"],
    ["510107199909091241", "1999-09-09", "female"],
    ["330106201206150874", "2012-06-15", "male"],
    ["11010519491231002X", "1949-12-31", "female"],
    ["440524188001010014", "1880-01-01", "male"],
  ] as const)("accepts %s", (id, birthdate, sex) => {
    expect(validateCitizenId(id, { today })).toEqual({ valid: true, normalized: id, birthdate, sex });
    expect(validateCitizenId(id, { today, strict: true }).valid).toBe(true);
  });

  it.each([
    ["110105198001010015", false, "checksum"],
    ["11010519491231002x", true, "format"],
    ["44030519990229003", false, "format"],
    ["440305199902290037", false, "birthdate"],
    ["000105198001010010", false, "region"],
  ] as const)("rejects %s (strict %s) as %s", (id, strict, reason) => {
    expect(validateCitizenId(id, { today, strict })).toEqual({ valid: false, reason });
  });

  it("normalizes a lowercase x outside strict mode", () => {
    expect(validateCitizenId("11010519491231002x", { today })).toMatchObject({
      valid: true,
      normalized: "11010519491231002X",
    });
  });

  it("rejects birthdates in the future or before 1800", () => {
    const future = `11010520260602${"001"}`;
    expect(validateCitizenId(future + computeCitizenIdCheck(future), { today })).toEqual({
      valid: false,
      reason: "birthdate",
    });
    const ancient = "11010517991231001";
    expect(validateCitizenId(ancient + computeCitizenIdCheck(ancient), { today }).valid).toBe(false);
  });

  it("accepts every body completed with its computed check", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 999 }), (region, seq) => {
        const body = `${String(region).padStart(2, "0")}0105199001${"15"}${String(seq).padStart(3, "0")}`;
        expect(validateCitizenId(body + computeCitizenIdCheck(body), { today }).valid).toBe(true);
      }),
    );
  });
});

describe("upgradeCitizenId15", () => {
  it("inserts 19 and appends the check", () => {
    expect(upgradeCitizenId15("110105491231002")).toBe("11010519491231002X");
  });

  it("rejects anything but 15 digits", () => {
    expect(() => upgradeCitizenId15("11010549123100")).toThrow(RangeError);
    expect(() => computeCitizenIdCheck("1101054912310")).toThrow(RangeError);
  });
});
