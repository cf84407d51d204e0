import { describe, expect, it } from "vitest";
import { matchesRowFilter } from "./list-filter.ts";

const pending = { id: "c1", number: "BG202611230001", kind: "change", status: "draft" } as const;

describe("catalog list filters", () => {
  it("passes everything without a filter", () => {
    expect(matchesRowFilter({ completeness: 10, pendingChange: null }, {})).toBe(true);
  });

  it("bands completeness", () => {
    expect(matchesRowFilter({ completeness: 59, pendingChange: null }, { completeness: "below-60" })).toBe(
      true,
    );
    expect(matchesRowFilter({ completeness: 60, pendingChange: null }, { completeness: "below-60" })).toBe(
      false,
    );
    expect(matchesRowFilter({ completeness: 79, pendingChange: null }, { completeness: "below-80" })).toBe(
      true,
    );
    expect(matchesRowFilter({ completeness: 100, pendingChange: null }, { completeness: "complete" })).toBe(
      true,
    );
    expect(matchesRowFilter({ completeness: 99, pendingChange: null }, { completeness: "complete" })).toBe(
      false,
    );
  });

  it("selects items with or without a pending change", () => {
    expect(matchesRowFilter({ completeness: 90, pendingChange: pending }, { pending: "yes" })).toBe(true);
    expect(matchesRowFilter({ completeness: 90, pendingChange: null }, { pending: "yes" })).toBe(false);
    expect(matchesRowFilter({ completeness: 90, pendingChange: pending }, { pending: "no" })).toBe(false);
  });
});
