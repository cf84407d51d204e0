import { describe, expect, it } from "vitest";
import { dayKind, monthWeeks } from "./calendar-grid.ts";

describe("monthWeeks", () => {
  it("starts October 2026 on a Thursday, Monday-first", () => {
    const weeks = monthWeeks(2026, 10);
    expect(weeks[0]).toEqual([null, null, null, "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04"]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it("knows leap years", () => {
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks(2027, 2).flat().filter(Boolean)).toHaveLength(28);
  });
});

describe("dayKind", () => {
  const daysOff = new Set(["2026-10-01", "2026-10-03"]);
  const workdays = new Set(["2026-10-10"]);

  it("lets the notice override weekends both ways", () => {
    expect(dayKind("2026-10-03", daysOff, workdays)).toBe("day-off"); // a Saturday off anyway
    expect(dayKind("2026-10-10", daysOff, workdays)).toBe("make-up-workday"); // a Saturday worked
    expect(dayKind("2026-10-01", daysOff, workdays)).toBe("day-off");
  });

  it("falls back to the weekend rule", () => {
    expect(dayKind("2026-10-11", daysOff, workdays)).toBe("weekend");
    expect(dayKind("2026-10-12", daysOff, workdays)).toBe("workday");
  });
});
