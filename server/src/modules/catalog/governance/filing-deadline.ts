import { createCalendar, type LocalDate } from "@tongban/core";
import type { Queryable } from "../../../platform/db/database.ts";
import { loadCalendarYears } from "../../calendar/queries.ts";

/** 000 article 3: a change caused by a change of law is filed within 10 working days of it. */
export const FILING_WORKDAYS = 10;

/** The filing deadline for a change whose law changed on `lawChangedOn`, on the published calendar. */
export async function filingDue(q: Queryable, lawChangedOn: LocalDate | null): Promise<LocalDate | null> {
  if (lawChangedOn === null) return null;
  const calendar = createCalendar(await loadCalendarYears(q));
  return calendar.addWorkdays(lawChangedOn, FILING_WORKDAYS).due;
}
