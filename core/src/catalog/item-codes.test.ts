import { describe, expect, it } from "vitest";
import {
  composeImplementationCode,
  exerciseLevels,
  itemTypeByName,
  itemTypes,
  validateBasicCode,
  validateImplementationCode,
} from "./item-codes.ts";

describe("事项类型 (GB/T 39046 A.1)", () => {
  it("maps names to keys and codes", () => {
    expect(itemTypeByName("行政许可")).toBe("licensing");
    expect(itemTypes.licensing.code).toBe("01");
    expect(itemTypes.payment.code).toBe("05");
    expect(itemTypes.confirmation.code).toBe("07");
    expect(itemTypes["public-service"].code).toBe("20");
    expect(itemTypeByName("不存在")).toBeUndefined();
  });

  it("files 行政备案 under code 10 with its own name", () => {
    expect(itemTypeByName("行政备案")).toBe("filing");
    expect(itemTypes.filing.code).toBe(itemTypes["other-power"].code);
  });

  it("has one key per name", () => {
    const names = Object.values(itemTypes).map((type) => type.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("codes 行使层级 1–7 (A.2)", () => {
    expect(Object.values(exerciseLevels).map((level) => level.code)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
    ]);
    expect(exerciseLevels.municipal.code).toBe("3");
  });
});

describe("national profile", () => {
  it.each([
    ["11100000MB032716991000115035000", "11100000MB03271699", "1", "000115035000"],
    ["12441500196720244T3442199806003", "12441500196720244T", "3", "442199806003"],
    ["11370800MB285591843370117002011", "11370800MB28559184", "3", "370117002011"],
  ])("splits the real sample %s", (code, subjectCode, levelCode, basicCode) => {
    expect(validateImplementationCode(code, "national")).toEqual({
      valid: true,
      parts: { subjectCode, levelCode, basicCode },
    });
  });

  it.each([
    ["11100000MB03271699100011503500", "length"],
    ["11100000MB032716981000115035000", "subject-code"],
    ["11100000MB032716998000115035000", "level"],
    ["11100000MB032716991000115035a00", "charset"],
  ] as const)("rejects %s as %s", (code, reason) => {
    expect(validateImplementationCode(code, "national")).toEqual({ valid: false, reason });
  });

  it("checks 12-character basic codes", () => {
    expect(validateBasicCode("320100100001", "national")).toEqual({ valid: true });
    expect(validateBasicCode("32010010000", "national")).toEqual({ valid: false, reason: "length" });
    expect(validateBasicCode("32010010000-", "national")).toEqual({ valid: false, reason: "charset" });
  });

  it("composes a code from its parts", () => {
    expect(
      composeImplementationCode({
        subjectCode: "11100000MB03271699",
        level: "national",
        basicCode: "000115035000",
      }),
    ).toBe("11100000MB032716991000115035000");
    expect(() =>
      composeImplementationCode({ subjectCode: "11100000MB03271698", level: "municipal", basicCode: "1" }),
    ).toThrow(RangeError);
  });
});

describe("gbt39046 profile", () => {
  it("accepts an..10 basic and an..24 implementation codes", () => {
    expect(validateBasicCode("XK00012", "gbt39046")).toEqual({ valid: true });
    expect(validateBasicCode("12345678901", "gbt39046")).toEqual({ valid: false, reason: "length" });
    expect(validateBasicCode("", "gbt39046")).toEqual({ valid: false, reason: "length" });
    expect(validateImplementationCode("320200XK0001200001", "gbt39046")).toEqual({
      valid: true,
      parts: null,
    });
    expect(validateImplementationCode("1".repeat(25), "gbt39046")).toEqual({
      valid: false,
      reason: "length",
    });
    expect(validateImplementationCode("62052400MZ-XK-0001", "gbt39046")).toEqual({
      valid: false,
      reason: "charset",
    });
  });
});
