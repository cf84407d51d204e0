import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCalendar } from "../calendar/calendar.ts";
import { addDays, fromEpochDay, type LocalDate, toEpochDay } from "../calendar/local-date.ts";
import type { TimeLimit } from "../catalog/item-content.ts";
import { officialNotices } from "../testing.ts";
import { type ClockInput, caseClock, type Suspension } from "./case-clock.ts";

const calendar = createCalendar(officialNotices);
const workdays = (days: number): TimeLimit => ({ days, unit: "workday", text: null });
const naturalDays = (days: number): TimeLimit => ({ days, unit: "natural-day", text: null });

function clock(input: Partial<ClockInput> & { acceptedOn: LocalDate | null; limit: TimeLimit | null }) {
  return caseClock(calendar, {
    suspensions: [],
    extensionDays: 0,
    today: input.acceptedOn ?? "2026-01-05",
    ...input,
  });
}

/** Days of a suspension after acceptance that count in the limit's unit: what the suspension takes off the clock. */
function suspendedDays(
  acceptedOn: LocalDate,
  { from, to }: { from: LocalDate; to: LocalDate },
  unit: string,
): number {
  let n = 0;
  for (let date = from; date < to; date = addDays(date, 1)) {
    if (date > acceptedOn && (unit === "natural-day" || calendar.isWorkday(date))) n++;
  }
  return n;
}

// 2024-12-01 … 2026-12-31: the published years and their edges.
const anyDate = fc
  .integer({ min: toEpochDay("2024-12-01"), max: toEpochDay("2026-12-31") })
  .map(fromEpochDay);
const anyUnit = fc.constantFrom("workday" as const, "natural-day" as const);

describe("the clock before acceptance", () => {
  it("has no deadline while the case is not accepted or the item states no limit", () => {
    const none = { due: null, provisional: false, used: 0, left: null, overdue: false, stopped: false };
    expect(clock({ acceptedOn: null, limit: workdays(20), today: "2026-03-02" })).toEqual(none);
    expect(clock({ acceptedOn: "2026-03-02", limit: null, today: "2026-03-20" })).toEqual(none);
  });
});

describe("due dates across the 2025 and 2026 holidays (standards-cn §9)", () => {
  it.each([
    ["2025-09-26", 5, "2025-10-10"],
    ["2025-09-30", 1, "2025-10-09"],
    ["2025-10-10", 1, "2025-10-11"],
    ["2025-12-31", 1, "2026-01-04"],
    ["2026-01-01", 1, "2026-01-04"],
    ["2026-02-13", 3, "2026-02-25"],
    ["2026-02-12", 20, "2026-03-18"],
    ["2026-09-30", 20, "2026-11-03"],
  ])("accepted %s, %i working days → %s", (acceptedOn, days, due) => {
    expect(clock({ acceptedOn, limit: workdays(days) })).toMatchObject({
      due,
      provisional: false,
      overdue: false,
    });
  });

  it.each([
    ["2025-09-25", 7, "2025-10-09"],
    ["2026-02-08", 7, "2026-02-24"],
    ["2026-05-25", 7, "2026-06-01"],
  ])("accepted %s, %i natural days → %s (a last day off rolls forward)", (acceptedOn, days, due) => {
    expect(clock({ acceptedOn, limit: naturalDays(days) })).toMatchObject({ due, provisional: false });
  });

  it("agrees with the calendar when nothing stops the clock", () => {
    fc.assert(
      fc.property(anyDate, anyUnit, fc.nat(60), fc.nat(15), (acceptedOn, unit, days, extensionDays) => {
        const expected =
          unit === "workday"
            ? calendar.addWorkdays(acceptedOn, days + extensionDays)
            : calendar.addNaturalDays(acceptedOn, days + extensionDays);
        const result = clock({ acceptedOn, limit: { days, unit, text: null }, extensionDays });
        expect({ due: result.due, provisional: result.provisional }).toEqual(expected);
      }),
    );
  });
});

describe("extensions", () => {
  it("adds working days to a working-day limit (行政许可法 §42), here onto a make-up Saturday", () => {
    expect(clock({ acceptedOn: "2025-09-26", limit: workdays(5), extensionDays: 1 }).due).toBe("2025-10-11");
    expect(clock({ acceptedOn: "2026-02-12", limit: workdays(20), extensionDays: 10 }).due).toBe(
      calendar.addWorkdays("2026-02-12", 30).due,
    );
  });

  it("adds natural days to a natural-day limit, still rolling past 春节", () => {
    // 2026-02-08 + 7 = 2026-02-15, the first day of 春节 → 2026-02-24.
    expect(clock({ acceptedOn: "2026-02-08", limit: naturalDays(5), extensionDays: 2 }).due).toBe(
      "2026-02-24",
    );
  });
});

describe("suspension (特别程序, 行政许可法 §45)", () => {
  it("moves the due date past 春节 2026 by the ten suspended working days, make-up Saturdays included", () => {
    const limit = workdays(20);
    expect(clock({ acceptedOn: "2026-02-02", limit }).due).toBe("2026-03-06");
    const suspension = { from: "2026-02-10", to: "2026-03-02" };
    expect(suspendedDays("2026-02-02", suspension, "workday")).toBe(10);
    const result = clock({ acceptedOn: "2026-02-02", limit, suspensions: [suspension], today: "2026-03-02" });
    expect(result).toEqual({
      due: "2026-03-20",
      provisional: false,
      used: 6,
      left: 14,
      overdue: false,
      stopped: false,
    });
  });

  it("moves a natural-day due date by the suspended natural days, landing on a make-up Sunday", () => {
    const suspensions = [{ from: "2025-09-17", to: "2025-09-20" }];
    expect(clock({ acceptedOn: "2025-09-15", limit: naturalDays(10) }).due).toBe("2025-09-25");
    expect(clock({ acceptedOn: "2025-09-15", limit: naturalDays(10), suspensions }).due).toBe("2025-09-28");
  });

  it("moves the due date by exactly the suspended working days", () => {
    fc.assert(
      fc.property(
        anyDate,
        anyUnit,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -5, max: 60 }),
        fc.nat(40),
        (acceptedOn, unit, days, offset, length) => {
          const limit: TimeLimit = { days, unit, text: null };
          const before = clock({ acceptedOn, limit });
          const suspension = { from: addDays(acceptedOn, offset), to: addDays(acceptedOn, offset + length) };
          const after = clock({ acceptedOn, limit, suspensions: [suspension] });
          // The unrolled last day of a natural-day limit is acceptedOn + days; the suspension moves it.
          const lastCounted = unit === "workday" ? before.due : addDays(acceptedOn, days);
          if (before.due === null || lastCounted === null || suspension.from > lastCounted) {
            expect(after.due).toBe(before.due);
            return;
          }
          const moved = suspendedDays(acceptedOn, suspension, unit);
          const expected =
            unit === "workday"
              ? calendar.addWorkdays(acceptedOn, days + moved)
              : calendar.addNaturalDays(acceptedOn, days + moved);
          expect(after.due).toBe(expected.due);
        },
      ),
    );
  });

  it("stops the clock while a suspension is open over 国庆 2025", () => {
    const acceptedOn = "2025-09-22";
    const limit = workdays(20);
    expect(clock({ acceptedOn, limit }).due).toBe("2025-10-24");
    const open: Suspension[] = [{ from: "2025-09-29", to: null }];
    // Suspended 9/29, 9/30 and 10/9 (10/1–10/8 off): as if it resumed tomorrow, three working days later.
    expect(clock({ acceptedOn, limit, suspensions: open, today: "2025-10-09" })).toEqual({
      due: "2025-10-29",
      provisional: false,
      used: 5,
      left: 15,
      overdue: false,
      stopped: true,
    });
    // Still suspended eleven days later: nothing used, the due date keeps moving.
    expect(clock({ acceptedOn, limit, suspensions: open, today: "2025-10-20" })).toMatchObject({
      due: "2025-11-10",
      used: 5,
      left: 15,
      stopped: true,
    });
    // Resumed on 10/10: that day counts again.
    const closed = [{ from: "2025-09-29", to: "2025-10-10" }];
    expect(clock({ acceptedOn, limit, suspensions: closed, today: "2025-10-10" })).toEqual({
      due: "2025-10-29",
      provisional: false,
      used: 6,
      left: 14,
      overdue: false,
      stopped: false,
    });
  });

  it("keeps a case overdue that was suspended after its due date", () => {
    const suspensions = [{ from: "2025-10-13", to: null }];
    expect(
      clock({ acceptedOn: "2025-09-26", limit: workdays(5), suspensions, today: "2025-10-14" }),
    ).toMatchObject({
      due: "2025-10-10",
      overdue: true,
      stopped: true,
    });
  });
});

describe("days used and left", () => {
  it.each([
    ["2025-09-26", 0, 5, false],
    ["2025-10-01", 3, 2, false], // 9/28 make-up Sunday, 9/29, 9/30 used; 国庆 counts nothing
    ["2025-10-10", 5, 0, false], // the due day itself
    ["2025-10-11", 6, -1, true], // make-up Saturday, one working day late
    ["2025-10-12", 6, -1, true],
  ])("accepted 2025-09-26 with 5 working days, on %s: used %i, left %i", (today, used, left, overdue) => {
    expect(clock({ acceptedOn: "2025-09-26", limit: workdays(5), today })).toMatchObject({
      used,
      left,
      overdue,
    });
  });

  it("adds up to the limit for working days, and is overdue exactly after the due date", () => {
    fc.assert(
      fc.property(
        anyDate,
        anyUnit,
        fc.nat(30),
        fc.integer({ min: -3, max: 80 }),
        (acceptedOn, unit, days, offset) => {
          const today = addDays(acceptedOn, offset);
          const result = clock({ acceptedOn, limit: { days, unit, text: null }, today });
          if (result.due === null || result.left === null) throw new Error("accepted cases have a due date");
          expect(result.overdue).toBe(today > result.due);
          if (result.left < 0) expect(result.overdue).toBe(true);
          if (today === result.due) expect(result.left).toBe(0);
          if (unit === "workday") expect(result.used + result.left).toBe(days);
          else expect(result.used + result.left).toBe(toEpochDay(result.due) - toEpochDay(acceptedOn));
        },
      ),
    );
  });
});

describe("provisional due dates", () => {
  it("flags a due date in 2027, whose notice is not published", () => {
    expect(clock({ acceptedOn: "2026-12-01", limit: workdays(5) })).toMatchObject({
      due: "2026-12-08",
      provisional: false,
    });
    expect(clock({ acceptedOn: "2026-12-01", limit: workdays(30) })).toMatchObject({
      due: "2027-01-12",
      provisional: true,
    });
    expect(clock({ acceptedOn: "2026-12-20", limit: naturalDays(20) })).toMatchObject({
      due: "2027-01-11",
      provisional: true,
    });
  });

  it("becomes provisional when a suspension pushes the due date into 2027", () => {
    const suspensions = [{ from: "2026-12-02", to: "2026-12-30" }];
    expect(clock({ acceptedOn: "2026-12-01", limit: workdays(5), suspensions }).provisional).toBe(true);
  });
});

describe("bad input", () => {
  it("refuses negative extensions, backwards or doubly open suspensions and malformed dates", () => {
    const base = { acceptedOn: "2026-03-02", limit: workdays(20) };
    expect(() => clock({ ...base, extensionDays: -1 })).toThrow(RangeError);
    expect(() => clock({ ...base, extensionDays: 1.5 })).toThrow(RangeError);
    expect(() => clock({ ...base, suspensions: [{ from: "2026-03-10", to: "2026-03-09" }] })).toThrow(
      RangeError,
    );
    const open = { from: "2026-03-10", to: null };
    expect(() => clock({ ...base, suspensions: [open, open] })).toThrow(RangeError);
    expect(() => clock({ ...base, suspensions: [{ from: "2026-3-10", to: null }] })).toThrow(RangeError);
    expect(() => clock({ ...base, acceptedOn: "2026-02-30" })).toThrow(RangeError);
  });
});
