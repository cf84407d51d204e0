import { describe, expect, it } from "vitest";
import { addDays, isLocalDate, isoDayOfWeek, localDateOf, toEpochDay, yearOf } from "./local-date.ts";

describe("LocalDate", () => {
  it("accepts real dates only", () => {
    expect(isLocalDate("2000-02-29")).toBe(true);
    expect(isLocalDate("1900-02-29")).toBe(false);
    expect(isLocalDate("2026-04-31")).toBe(false);
    expect(isLocalDate("2026-1-01")).toBe(false);
    expect(isLocalDate("0099-01-01")).toBe(true);
  });

  it("does calendar arithmetic across months and years", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(toEpochDay("1970-01-02")).toBe(1);
  });

  it("knows the day of week and year", () => {
    expect(isoDayOfWeek("2026-10-01")).toBe(4); // Thursday
    expect(isoDayOfWeek("2025-09-28")).toBe(7); // Sunday
    expect(isoDayOfWeek("1969-12-29")).toBe(1); // Monday, before the epoch
    expect(yearOf("2026-10-01")).toBe(2026);
  });

  it("reads an instant as a Shanghai date", () => {
    expect(localDateOf(new Date("2025-12-31T15:59:59Z"))).toBe("2025-12-31");
    expect(localDateOf(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
  });
});
