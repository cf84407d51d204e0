import type { CalendarYear, NamedDay } from "./calendar.ts";
import { addDays, type LocalDate } from "./local-date.ts";

// Test fixture typed by hand from the State Council notices (reference/standards-cn.md §9),
// independent of the chinese-days package so the two can be cross-checked.

function span(first: LocalDate, count: number, name: string): NamedDay[] {
  return Array.from({ length: count }, (_, i) => ({ date: addDays(first, i), name }));
}

/** 国办发明电〔2024〕12号 (2024-11-12): 28 days off, 5 make-up days, 248 working days. */
export const notice2025: CalendarYear = {
  year: 2025,
  daysOff: [
    ...span("2025-01-01", 1, "元旦"),
    ...span("2025-01-28", 8, "春节"),
    ...span("2025-04-04", 3, "清明节"),
    ...span("2025-05-01", 5, "劳动节"),
    ...span("2025-05-31", 3, "端午节"),
    ...span("2025-10-01", 8, "国庆节、中秋节"),
  ],
  workdays: [
    { date: "2025-01-26", name: "春节" },
    { date: "2025-02-08", name: "春节" },
    { date: "2025-04-27", name: "劳动节" },
    { date: "2025-09-28", name: "国庆节、中秋节" },
    { date: "2025-10-11", name: "国庆节、中秋节" },
  ],
};

/** 国务院办公厅 notice of 2025-11-04: 33 days off, 6 make-up days, 248 working days. */
export const notice2026: CalendarYear = {
  year: 2026,
  daysOff: [
    ...span("2026-01-01", 3, "元旦"),
    ...span("2026-02-15", 9, "春节"),
    ...span("2026-04-04", 3, "清明节"),
    ...span("2026-05-01", 5, "劳动节"),
    ...span("2026-06-19", 3, "端午节"),
    ...span("2026-09-25", 3, "中秋节"),
    ...span("2026-10-01", 7, "国庆节"),
  ],
  workdays: [
    { date: "2026-01-04", name: "元旦" },
    { date: "2026-02-14", name: "春节" },
    { date: "2026-02-28", name: "春节" },
    { date: "2026-05-09", name: "劳动节" },
    { date: "2026-09-20", name: "国庆节" },
    { date: "2026-10-10", name: "国庆节" },
  ],
};

/** Both published notices, as the server would load them. */
export const officialNotices: readonly CalendarYear[] = [notice2025, notice2026];
