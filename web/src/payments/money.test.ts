import { describe, expect, it } from "vitest";
import { formatYuan } from "./api.ts";

describe("amounts", () => {
  it("shows fen as 元 with two decimals", () => {
    expect(formatYuan(12000)).toBe("¥120.00");
    expect(formatYuan(4005)).toBe("¥40.05");
    expect(formatYuan(0)).toBe("¥0.00");
  });
});
