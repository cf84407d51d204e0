import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { formatValue } from "./diff-format.ts";

const t = ((key: string) =>
  ({ "catalogAdmin.yes": "是", "catalogAdmin.no": "否" })[key] ?? key) as unknown as TFunction;

describe("diff values for people", () => {
  it("writes absent values as a dash and scalars as they are", () => {
    expect(formatValue(null, t)).toBe("—");
    expect(formatValue("原件", t)).toBe("原件");
    expect(formatValue(8000, t)).toBe("8000");
    expect(formatValue(true, t)).toBe("是");
  });

  it("joins lists of scalars", () => {
    expect(formatValue(["original", "copy"], t)).toBe("original、copy");
  });

  it("writes objects one labelled part per line, leaving out empty parts", () => {
    expect(formatValue({ name: "工本费", amountFen: 8000, basis: null }, t)).toBe(
      "名称：工本费\n金额（分）：8000",
    );
  });
});
