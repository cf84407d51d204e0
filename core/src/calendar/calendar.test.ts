import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar } from "./calendar.ts";
import { addDays, fromEpochDay, toEpochDay } from "./local-date.ts";
import { officialNotices } from "./official-notices.fixture.ts";

const calendar = createCalendar(officialNotices);

function countWorkdays(year: number): number {
  let count = 0;
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    if (calendar.isWorkday(date)) count++;
  }
  return count;
}

describe("working days (standards-cn §9)", () => {
  it.each([2025, 2026])("counts 248 working days in %i", (year) => {
    expect(countWorkdays(year)).toBe(248);
  });

  it("lists the notices' days off and make-up days", () => {
    expect(calendar.daysOff(2025)).toHaveLength(28);
    expect(calendar.workdays(2025)).toHaveLength(5);
    expect(calendar.daysOff(2026)).toHaveLength(33);
    expect(calendar.workdays(2026).map((d) => d.date)).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    expect(calendar.daysOff(2027)).toEqual([]);
  });

  it("treats make-up weekends as working days and holidays as days off", () => {
    expect(calendar.isWorkday("2025-09-28")).toBe(true); // Sunday make-up
    expect(calendar.isWorkday("2025-10-11")).toBe(true); // Saturday make-up
    expect(calendar.isWorkday("2025-10-08")).toBe(false); // Wednesday holiday
    expect(calendar.isWorkday("2025-10-12")).toBe(false); // plain Sunday
    expect(calendar.isWorkday("2025-10-13")).toBe(true); // plain Monday
  });
});

describe("addWorkdays", () => {
  it.each([
    ["2025-09-26", 5, "2025-10-10"],
    ["2025-09-30", 1, "2025-10-09"],
    ["2025-10-10", 1, "2025-10-11"],
    ["2025-12-31", 1, "2026-01-04"],
    ["2026-01-01", 1, "2026-01-04"],
    ["2026-02-13", 3, "2026-02-25"],
    ["2026-02-12", 20, "2026-03-18"],
    ["2026-09-30", 20, "2026-11-03"],
  ] as const)("accepted %s + %i working days → %s", (from, n, due) => {
    expect(calendar.addWorkdays(from, n)).toEqual({ due, provisional: false });
  });

  it("returns the start day itself for n = 0", () => {
    expect(calendar.addWorkdays("2026-10-01", 0)).toEqual({ due: "2026-10-01", provisional: false });
  });

  it("flags deadlines that reach a year without a published notice", () => {
    expect(calendar.addWorkdays("2026-12-30", 1)).toEqual({ due: "2026-12-31", provisional: false });
    expect(calendar.addWorkdays("2026-12-30", 2)).toEqual({ due: "2027-01-01", provisional: true });
    expect(calendar.addWorkdays("2027-03-01", 5).provisional).toBe(true);
    expect(calendar.isPublished(2027)).toBe(false);
    expect(calendar.publishedYears()).toEqual([2025, 2026]);
  });

  it("gives the next working day", () => {
    expect(calendar.nextWorkday("2026-02-14")).toBe("2026-02-24");
    expect(calendar.nextWorkday("2026-02-13")).toBe("2026-02-14");
  });

  it("composes: n = a + b is a working days, then b more", () => {
    const start = toEpochDay("2024-11-01");
    const end = toEpochDay("2027-02-28");
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }).map(fromEpochDay),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (from, a, b) => {
          const first = calendar.addWorkdays(from, a);
          const second = calendar.addWorkdays(first.due, b);
          const whole = calendar.addWorkdays(from, a + b);
          expect(whole.due).toBe(second.due);
          expect(whole.provisional).toBe(first.provisional || second.provisional);
        },
      ),
    );
  });
});

describe("addNaturalDays (民法典 §201, §203)", () => {
  it.each([
    ["2025-09-25", 7, "2025-10-09"],
    ["2026-02-08", 7, "2026-02-24"],
    ["2026-05-25", 7, "2026-06-01"],
  ] as const)("%s + %i days → %s", (from, n, due) => {
    expect(calendar.addNaturalDays(from, n)).toEqual({ due, provisional: false });
  });

  it("never ends on a day off", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay("2025-01-01"), max: toEpochDay("2026-11-30") }).map(fromEpochDay),
        fc.integer({ min: 0, max: 30 }),
        (from, n) => {
          expect(calendar.isWorkday(calendar.addNaturalDays(from, n).due)).toBe(true);
        },
      ),
    );
  });

  it("flags a last day in an unpublished year", () => {
    expect(calendar.addNaturalDays("2026-12-20", 30).provisional).toBe(true);
  });
});

describe("input validation", () => {
  it.each(["2025-02-29", "2025-9-1", "20250901", "", "2025-13-01"])("rejects the date %j", (date) => {
    expect(() => calendar.addWorkdays(date, 1)).toThrow(RangeError);
    expect(() => calendar.isWorkday(date)).toThrow(RangeError);
  });

  it.each([-1, 3651, 1.5, Number.NaN])("rejects the count %d", (n) => {
    expect(() => calendar.addWorkdays("2026-01-05", n)).toThrow(RangeError);
    expect(() => calendar.addNaturalDays("2026-01-05", n)).toThrow(RangeError);
  });

  it("accepts the largest count", () => {
    expect(calendar.addWorkdays("2026-01-05", 3650).provisional).toBe(true);
  });

  it("rejects contradictory notices", () => {
    const day = { date: "2026-01-01", name: "元旦" };
    expect(() => createCalendar([{ year: 2026, daysOff: [day], workdays: [day] }])).toThrow(RangeError);
    expect(() =>
      createCalendar([
        { year: 2026, daysOff: [], workdays: [] },
        { year: 2026, daysOff: [], workdays: [] },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      createCalendar([{ year: 2026, daysOff: [{ date: "2026-02-30", name: "x" }], workdays: [] }]),
    ).toThrow(RangeError);
  });
});
