import type { TimeLimit } from "@tongban/core";
import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { depthKey, formatLimit, formatYuan, romanDepth } from "./format.ts";

describe("formatYuan", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [2000, "20.00"],
    [2050, "20.50"],
    [123456, "1,234.56"],
    [100_000_000, "1,000,000.00"],
    [-1500, "-15.00"],
  ])("%i fen is %s yuan", (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
  });
});

describe("online depth", () => {
  it("uses the standards' Roman numerals and keeps digits out of range", () => {
    expect([1, 2, 3, 4].map(romanDepth)).toEqual(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"]);
    expect(romanDepth(5)).toBe("5");
  });

  it("names a description key only for I–IV", () => {
    expect(depthKey(3)).toBe("3");
    expect(depthKey(0)).toBeUndefined();
  });
});

describe("formatLimit", () => {
  // A stand-in translator that shows which message and values were chosen.
  const t = ((key: string, values?: Record<string, unknown>) =>
    values ? `${key}:${JSON.stringify(values)}` : key) as unknown as TFunction;
  const limit = (days: number, unit: TimeLimit["unit"]): TimeLimit => ({ days, unit, text: null });

  it("says working and natural days with their own words", () => {
    expect(formatLimit(limit(15, "workday"), t)).toBe('portal.units.workday:{"days":15}');
    expect(formatLimit(limit(60, "natural-day"), t)).toBe('portal.units.natural:{"days":60}');
  });

  it("says zero days as done on the spot and a missing limit as not stated", () => {
    expect(formatLimit(limit(0, "workday"), t)).toBe("portal.units.immediate");
    expect(formatLimit(null, t)).toBe("portal.guide.notStated");
  });
});
