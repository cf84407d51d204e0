import { type Calendar, type CalendarYear, createCalendar } from "@tongban/core";
import type { Queryable } from "../../platform/db/database.ts";

/** Every published notice with its days, ordered by year. */
export async function loadCalendarYears(q: Queryable): Promise<CalendarYear[]> {
  const [notices, days] = await Promise.all([
    q.selectFrom("calendar_notice").select(["year"]).orderBy("year").execute(),
    q.selectFrom("calendar_day").select(["date", "year", "kind", "name"]).orderBy("date").execute(),
  ]);
  return notices.map(({ year }) => ({
    year,
    daysOff: days
      .filter((d) => d.year === year && d.kind === "off")
      .map(({ date, name }) => ({ date, name })),
    workdays: days
      .filter((d) => d.year === year && d.kind === "work")
      .map(({ date, name }) => ({ date, name })),
  }));
}

/** Metadata of one year's notice, if published. */
export function findNotice(q: Queryable, year: number) {
  return q
    .selectFrom("calendar_notice")
    .select(["year", "title", "source", "published_at"])
    .where("year", "=", year)
    .executeTakeFirst();
}

/**
 * The calendar is read on every deadline computation and changes about once a year, so each
 * instance keeps it for a few seconds; a publish on this instance drops the copy at once.
 */
export function calendarCache(ttlMs = 5000) {
  let cached: { at: number; calendar: Calendar } | undefined;
  return {
    async get(q: Queryable): Promise<Calendar> {
      if (cached && Date.now() - cached.at < ttlMs) return cached.calendar;
      const calendar = createCalendar(await loadCalendarYears(q));
      cached = { at: Date.now(), calendar };
      return calendar;
    },
    invalidate(): void {
      cached = undefined;
    },
  };
}
export type CalendarCache = ReturnType<typeof calendarCache>;
