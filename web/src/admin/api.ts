import { api } from "../api/client.ts";

/** One dated entry of a holiday notice. */
export interface CalendarDay {
  date: string;
  name: string;
}

/** A year of the working-day calendar as published by the State Council notice. */
export interface CalendarYear {
  year: number;
  published: boolean;
  /** The notice's title; not part of the minimal contract, so absent from older servers. */
  title?: string | null;
  daysOff: CalendarDay[];
  workdays: CalendarDay[];
}

/** Loads one year of the working-day calendar. */
export function getCalendar(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return api(`/api/calendar/${year}`, { signal });
}

/** Publishes or replaces a year's holiday notice. */
export function publishCalendar(
  year: number,
  notice: { title?: string; daysOff: CalendarDay[]; workdays: CalendarDay[] },
): Promise<CalendarYear> {
  return api(`/api/admin/calendar/${year}`, { method: "PUT", body: notice });
}
