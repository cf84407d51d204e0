import {
  type Calendar,
  type ClockResult,
  caseClock,
  createCalendar,
  type ItemContent,
  type LocalDate,
  type Suspension,
} from "@tongban/core";
import type { Queryable } from "../../platform/db/database.ts";
import { loadCalendarYears } from "../calendar/queries.ts";

/** The case fields the legal clock reads. */
export interface ClockedCase {
  accepted_on: string | null;
  extension_days: number;
  content: ItemContent;
}

/** Both clocks of a case: the promised limit (承诺时限) and the statutory one (法定时限). */
export interface CaseClocks {
  promised: ClockResult;
  statutory: ClockResult;
}

/** The calendar as published in the database; read per transition (it changes about once a year). */
export async function loadCalendar(q: Queryable): Promise<Calendar> {
  return createCalendar(await loadCalendarYears(q));
}

/**
 * The suspensions (特别程序) of a case from its timeline: each suspend event opens one on its legal
 * date and the next resume closes it (行政许可法 §45: that time does not count).
 */
export async function loadSuspensions(q: Queryable, caseId: string): Promise<Suspension[]> {
  const events = await q
    .selectFrom("case_event")
    .select(["action", "details"])
    .where("case_id", "=", caseId)
    .where("action", "in", ["suspend", "resume"])
    .orderBy("id")
    .execute();
  const suspensions: Suspension[] = [];
  for (const event of events) {
    const on = String((event.details as { on?: string }).on);
    if (event.action === "suspend") suspensions.push({ from: on, to: null });
    const open = suspensions.at(-1);
    if (event.action === "resume" && open && open.to === null) open.to = on;
  }
  return suspensions;
}

/** Computes both clocks with the core's caseClock. */
export function clocksOf(
  calendar: Calendar,
  row: ClockedCase,
  suspensions: readonly Suspension[],
  today: LocalDate,
): CaseClocks {
  const input = {
    acceptedOn: row.accepted_on,
    suspensions,
    extensionDays: row.extension_days,
    today,
  };
  return {
    promised: caseClock(calendar, { ...input, limit: row.content.promisedLimit }),
    statutory: caseClock(calendar, { ...input, limit: row.content.statutoryLimit }),
  };
}
