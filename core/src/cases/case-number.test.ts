import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  caseNumber,
  isQueryCode,
  normalizeQueryCode,
  queryCodeAlphabet,
  queryCodeFromBytes,
  queryCodeLength,
} from "./case-number.ts";

describe("caseNumber", () => {
  it("joins the implementation code, the day and a six-digit sequence", () => {
    expect(caseNumber("11440100MB2C12345X400011700100001", "2026-10-09", 42)).toBe(
      "11440100MB2C12345X40001170010000120261009000042",
    );
    expect(caseNumber("A1", "2025-01-01", 999_999)).toBe("A120250101999999");
  });

  it("refuses what cannot be numbered", () => {
    expect(() => caseNumber("", "2026-10-09", 1)).toThrow(RangeError);
    expect(() => caseNumber("11 44", "2026-10-09", 1)).toThrow(RangeError);
    expect(() => caseNumber("A1", "2026-02-30", 1)).toThrow(RangeError);
    for (const sequence of [0, -1, 1.5, 1_000_000, Number.NaN]) {
      expect(() => caseNumber("A1", "2026-10-09", sequence)).toThrow(RangeError);
    }
  });

  it("keeps numbers of one item distinct and sortable within a day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_998 }), (sequence) => {
        const a = caseNumber("A1", "2026-10-09", sequence);
        const b = caseNumber("A1", "2026-10-09", sequence + 1);
        expect(a.length).toBe(b.length);
        expect(a < b).toBe(true);
      }),
    );
  });
});

describe("query codes", () => {
  it("uses 32 symbols without 0, O, 1 or I", () => {
    expect(new Set(queryCodeAlphabet).size).toBe(32);
    for (const ambiguous of "0O1I") expect(queryCodeAlphabet).not.toContain(ambiguous);
  });

  it("accepts exactly six symbols of the alphabet", () => {
    expect(isQueryCode("ABC234")).toBe(true);
    expect(isQueryCode("ZZZZ99")).toBe(true);
    for (const bad of ["ABC0DE", "ABCODE", "ABC1DE", "ABCIDE", "abc234", "ABC23", "ABC2345", "", "ABC 23"]) {
      expect(isQueryCode(bad)).toBe(false);
    }
  });

  it("normalises what people type", () => {
    expect(normalizeQueryCode("  abc234 ")).toBe("ABC234");
    expect(normalizeQueryCode("abc0de")).toBeNull();
  });

  it("turns any random bytes into a valid code, every symbol equally likely", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: queryCodeLength, maxLength: 12 }), (bytes) => {
        const code = queryCodeFromBytes(bytes);
        expect(isQueryCode(code)).toBe(true);
        expect(normalizeQueryCode(code.toLowerCase())).toBe(code);
      }),
    );
    const hits = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const symbol = queryCodeFromBytes(new Uint8Array(queryCodeLength).fill(byte)).charAt(0);
      hits.set(symbol, (hits.get(symbol) ?? 0) + 1);
    }
    expect([...hits.values()]).toEqual(new Array(32).fill(8));
    expect(() => queryCodeFromBytes(new Uint8Array(5))).toThrow(RangeError);
  });
});
