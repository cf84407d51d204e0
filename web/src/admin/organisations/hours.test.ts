import { describe, expect, it } from "vitest";
import { describeHours, overlaps, periodsFromRows, rowsFromPeriods } from "./hours.ts";

const names = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const weekdays = [1, 2, 3, 4, 5];
const office = weekdays.flatMap((weekday) => [
  { weekday, open: "08:30", close: "12:00" },
  { weekday, open: "13:30", close: "17:30" },
]);

describe("hours editor rows", () => {
  it("groups weekdays with equal times into one row and expands them back", () => {
    const periods = [...office, { weekday: 6, open: "09:00", close: "12:00" }];
    const rows = rowsFromPeriods(periods);
    expect(rows).toEqual([
      { days: weekdays, open: "08:30", close: "12:00" },
      { days: weekdays, open: "13:30", close: "17:30" },
      { days: [6], open: "09:00", close: "12:00" },
    ]);
    expect(periodsFromRows(rows)).toEqual(
      [...periods].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open)),
    );
  });

  it("finds overlapping periods on the same day only", () => {
    expect(overlaps(office)).toBe(false);
    expect(overlaps([...office, { weekday: 1, open: "11:00", close: "14:00" }])).toBe(true);
    expect(overlaps([...office, { weekday: 6, open: "11:00", close: "14:00" }])).toBe(false);
  });
});

describe("describeHours", () => {
  it("joins consecutive days with the same times", () => {
    const periods = [...office, { weekday: 6, open: "09:00", close: "12:00" }];
    expect(describeHours(periods, (d) => names[d] ?? "", "至")).toEqual([
      "周一至周五 08:30-12:00, 13:30-17:30",
      "周六 09:00-12:00",
    ]);
    expect(describeHours([], (d) => names[d] ?? "", "至")).toEqual([]);
  });
});
