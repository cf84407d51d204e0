import { describe, expect, it } from "vitest";
import { grantStatus, oneYearAfter } from "./validity.ts";

describe("grantStatus", () => {
  const period = { revoked: false, validFrom: "2026-01-01", validTo: "2026-12-31" };

  it("is active on both ends of the period, inclusive", () => {
    expect(grantStatus(period, "2026-01-01")).toBe("active");
    expect(grantStatus(period, "2026-12-31")).toBe("active");
  });

  it("tells pending, expired and revoked apart", () => {
    expect(grantStatus(period, "2025-12-31")).toBe("pending");
    expect(grantStatus(period, "2027-01-01")).toBe("expired");
    expect(grantStatus({ ...period, revoked: true }, "2026-06-01")).toBe("revoked");
  });
});

describe("oneYearAfter", () => {
  it("keeps the day, and turns 29 February into 28 February", () => {
    expect(oneYearAfter("2026-11-23")).toBe("2027-11-23");
    expect(oneYearAfter("2028-02-29")).toBe("2029-02-28");
  });
});
