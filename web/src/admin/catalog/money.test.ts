import { describe, expect, it } from "vitest";
import { fenToYuan, yuanToFen } from "./money.ts";

describe("yuan and fen", () => {
  it("parses 元 with up to two decimals without floating-point drift", () => {
    expect(yuanToFen("12")).toBe(1200);
    expect(yuanToFen("12.5")).toBe(1250);
    expect(yuanToFen(" 0.29 ")).toBe(29);
    expect(yuanToFen("0.05")).toBe(5);
    expect(yuanToFen("0")).toBe(0);
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "-1", "1.234", "abc", "1,000", "1e3", "."])
      expect(yuanToFen(text), text).toBeNull();
  });

  it("writes fen as 元 with two decimals", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(5)).toBe("0.05");
    expect(fenToYuan(1250)).toBe("12.50");
    expect(fenToYuan(1_000_000_000)).toBe("10000000.00");
  });

  it("round-trips every amount", () => {
    for (const fen of [0, 1, 99, 100, 101, 4_999, 123_456_789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
