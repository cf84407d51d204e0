import type { Finding } from "@tongban/core";
import { describe, expect, it } from "vitest";
import { filterFindings } from "./report-filter.ts";

const finding = (rule: Finding["rule"], itemId: string | null): Finding => ({
  rule,
  severity: "error",
  itemId,
  ref: itemId,
  field: "promisedLimit",
  message: "承诺时限超过法定时限",
});

const report = {
  findings: [finding("time-limit", "a"), finding("visit-reason", "b"), finding("four-same", null)],
  items: [
    {
      id: "a",
      ref: "a",
      name: "甲",
      department: { id: "d1", name: "公安局" },
      completeness: 80,
      errorCount: 1,
      warningCount: 0,
    },
    {
      id: "b",
      ref: "b",
      name: "乙",
      department: { id: "d2", name: "民政局" },
      completeness: 90,
      errorCount: 1,
      warningCount: 0,
    },
  ],
};

describe("consistency report filters", () => {
  it("keeps everything without a filter", () => {
    expect(filterFindings(report, {})).toHaveLength(3);
  });

  it("filters by rule", () => {
    expect(filterFindings(report, { rule: "visit-reason" }).map((f) => f.itemId)).toEqual(["b"]);
  });

  it("filters by the department of the finding's item, dropping cross-catalog findings", () => {
    expect(filterFindings(report, { departmentId: "d1" }).map((f) => f.itemId)).toEqual(["a"]);
    expect(filterFindings(report, { rule: "time-limit", departmentId: "d2" })).toEqual([]);
  });
});
