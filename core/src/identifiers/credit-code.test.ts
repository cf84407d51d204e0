import { describe, expect, it } from "vitest";
import { computeCreditCodeCheck, computeOrganizationCodeCheck, validateCreditCode } from "./credit-code.ts";

describe("validateCreditCode (GB 32100, standards-cn §2)", () => {
  it.each([
    "91110108MA00000070",
    "123100004250000064",
    "52440300MJL000008P",
    "93510107MA6000008E",
    "11100000MB12345620",
    "91350100M000100Y43",
  ])("accepts %s without warnings", (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true, warnings: [] });
  });

  it.each([
    ["91350100M000100Y4Z", "charset"],
    ["91350100M000100Y44", "checksum"],
    ["91110108MA00000071", "checksum"],
    ["1231000042O0000064", "charset"],
    ["52440300mjl000008p", "charset"],
    ["93510107MA6000008", "length"],
    ["9111010AMA00000070", "charset"],
  ] as const)("rejects %s as %s", (code, reason) => {
    expect(validateCreditCode(code)).toEqual({ valid: false, reason });
  });

  it("computes the standard's worked example", () => {
    expect(computeCreditCodeCheck("91350100M000100Y4")).toBe("3");
    expect(computeOrganizationCodeCheck("M000100Y")).toBe("4");
  });

  it("only warns when the inner GB 11714 check or the category is off", () => {
    const body = "91320200MA0000001";
    expect(validateCreditCode(body + computeCreditCodeCheck(body))).toEqual({
      valid: true,
      warnings: ["inner-check"],
    });
    const unknown = "B1320200MA0000007";
    expect(validateCreditCode(unknown + computeCreditCodeCheck(unknown))).toEqual({
      valid: true,
      warnings: ["unknown-category"],
    });
  });

  it("rejects malformed bodies when computing a check", () => {
    expect(() => computeCreditCodeCheck("9111010AMA0000007")).toThrow(RangeError);
    expect(() => computeCreditCodeCheck("91110108MA000000")).toThrow(RangeError);
  });
});
