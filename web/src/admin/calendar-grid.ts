import { parseIsoDate, toIsoDate } from "../app/dates.ts";

/** How one day counts on the working-day calendar. */
export type DayKind = "day-off" | "make-up-workday" | "weekend" | "workday";

/** The weeks of a month, Monday first (as Chinese calendars print them); null pads days outside it. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: Sunday = 0; shift so Monday = 0.
  const leading = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: leading }, () => null);
  for (let day = 1; day <= daysInMonth; day++)
    cells.push(toIsoDate(new Date(Date.UTC(year, month - 1, day))));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** Classifies a date: the notice's entries win over the weekend rule, as the State Council notice intends. */
export function dayKind(iso: string, daysOff: ReadonlySet<string>, workdays: ReadonlySet<string>): DayKind {
  if (daysOff.has(iso)) return "day-off";
  if (workdays.has(iso)) return "make-up-workday";
  const weekday = parseIsoDate(iso).getUTCDay();
  return weekday === 0 || weekday === 6 ? "weekend" : "workday";
}
