import type { OpeningPeriod } from "./api.ts";

/** One line of the hours editor: the same times on a set of weekdays (Monday = 1). */
export interface HoursRow {
  days: number[];
  open: string;
  close: string;
}

/** Groups periods into editor rows: weekdays that share an opening time and closing time share a row. */
export function rowsFromPeriods(periods: OpeningPeriod[]): HoursRow[] {
  const rows: HoursRow[] = [];
  for (const period of [...periods].sort((a, b) => a.open.localeCompare(b.open) || a.weekday - b.weekday)) {
    const row = rows.find((r) => r.open === period.open && r.close === period.close);
    if (row) row.days.push(period.weekday);
    else rows.push({ days: [period.weekday], open: period.open, close: period.close });
  }
  for (const row of rows) row.days.sort((a, b) => a - b);
  return rows.sort((a, b) => (a.days[0] ?? 0) - (b.days[0] ?? 0) || a.open.localeCompare(b.open));
}

/** Expands editor rows into periods, one per weekday, sorted. */
export function periodsFromRows(rows: HoursRow[]): OpeningPeriod[] {
  return rows
    .flatMap((row) => row.days.map((weekday) => ({ weekday, open: row.open, close: row.close })))
    .sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open));
}

/** Whether two periods on one day overlap. */
export function overlaps(periods: OpeningPeriod[]): boolean {
  return periods.some((p, i) =>
    periods.some((q, j) => j > i && q.weekday === p.weekday && q.open < p.close && p.open < q.close),
  );
}

/**
 * Describes weekly hours in short lines, e.g. ["周一至周五 08:30-12:00, 13:30-17:30", "周六 09:00-12:00"]:
 * consecutive days with the same times share a line. `dayName(1)` names Monday.
 */
export function describeHours(
  periods: OpeningPeriod[],
  dayName: (weekday: number) => string,
  rangeWord: string,
): string[] {
  const byDay = new Map<number, string>();
  for (const p of [...periods].sort((a, b) => a.weekday - b.weekday || a.open.localeCompare(b.open))) {
    const range = `${p.open}-${p.close}`;
    byDay.set(p.weekday, byDay.has(p.weekday) ? `${byDay.get(p.weekday)}, ${range}` : range);
  }
  const groups: { from: number; to: number; times: string }[] = [];
  for (const [weekday, times] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    const last = groups.at(-1);
    if (last && last.to === weekday - 1 && last.times === times) last.to = weekday;
    else groups.push({ from: weekday, to: weekday, times });
  }
  return groups.map((g) => {
    const days = g.from === g.to ? dayName(g.from) : `${dayName(g.from)}${rangeWord}${dayName(g.to)}`;
    return `${days} ${g.times}`;
  });
}
