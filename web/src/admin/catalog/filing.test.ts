import { describe, expect, it } from "vitest";
import { filingState } from "./filing.ts";

describe("filing deadline after a law change", () => {
  it("has none when no law changed", () => {
    expect(filingState(null, "draft", "2026-11-20")).toBe("none");
  });

  it("is pending up to and including the due day, overdue after it", () => {
    expect(filingState("2026-11-20", "draft", "2026-11-20")).toBe("pending");
    expect(filingState("2026-11-20", "returned", "2026-11-21")).toBe("overdue");
  });

  it("is met once the change is in review or published", () => {
    for (const status of ["legality-review", "consistency-review", "scheduled", "published"] as const) {
      expect(filingState("2026-11-20", status, "2026-12-01")).toBe("met");
    }
  });

  it("ends with a withdrawn change", () => {
    expect(filingState("2026-11-20", "withdrawn", "2026-12-01")).toBe("none");
  });
});
