import type { Calendar } from "../calendar/calendar.ts";
import { fromEpochDay, type LocalDate, toEpochDay, yearOf } from "../calendar/local-date.ts";
import type { TimeLimit } from "../catalog/item-content.ts";

/** A stretch of 特别程序 (行政许可法 §45) during which the clock stops: `from` inclusive, `to` exclusive, null = still open. */
export interface Suspension {
  from: LocalDate;
  to: LocalDate | null;
}

/** What the clock needs to know about a case. */
export interface ClockInput {
  /** 受理日; null while the case is not accepted, and then there is no deadline yet. */
  acceptedOn: LocalDate | null;
  /** The statutory or promised limit; null when the item states none. */
  limit: TimeLimit | null;
  suspensions: readonly Suspension[];
  /** Days added by extensions (行政许可法 §42), in the limit's unit. */
  extensionDays: number;
  today: LocalDate;
}

/** Where a case stands against one limit. */
export interface ClockResult {
  /** The last day to decide; while suspended, the date it would be if the case resumed tomorrow. */
  due: LocalDate | null;
  /** True when the due date relied on a year whose holiday notice is not published yet. */
  provisional: boolean;
  /** Counted days (in the limit's unit) from the day after acceptance through today. */
  used: number;
  /** Counted days after today up to the due date; 0 on the due day, negative once past it. */
  left: number | null;
  overdue: boolean;
  /** True while a suspension is open: no day counts until the case resumes. */
  stopped: boolean;
}

// Statutory limits stop at 3650 days; twice that leaves room for extensions and still catches nonsense input.
const MAX_DAYS = 7300;

function checkInput(input: ClockInput): void {
  const { extensionDays, suspensions } = input;
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_DAYS) {
    throw new RangeError(`Extension days must be an integer from 0 to ${MAX_DAYS}: ${extensionDays}`);
  }
  toEpochDay(input.today);
  if (input.acceptedOn !== null) toEpochDay(input.acceptedOn);
  let open = 0;
  for (const suspension of suspensions) {
    const from = toEpochDay(suspension.from);
    if (suspension.to === null) open++;
    else if (toEpochDay(suspension.to) < from) {
      throw new RangeError(`Suspension ends before it starts: ${suspension.from}–${suspension.to}`);
    }
  }
  if (open > 1) throw new RangeError("A case has at most one open suspension");
}

/**
 * The legal clock of a case. Counting starts the day after acceptance (行政许可法 §82, 民法典 §201); working-day
 * limits count the calendar's working days, natural-day limits every day with a last day off rolled forward to the
 * next working day (民法典 §203). Days inside a suspension do not count, so the due date moves by exactly the
 * suspended days of the limit's unit; an open suspension is treated as lasting through today.
 */
export function caseClock(calendar: Calendar, input: ClockInput): ClockResult {
  checkInput(input);
  const { acceptedOn, limit, today } = input;
  const stopped = input.suspensions.some((suspension) => suspension.to === null);
  if (acceptedOn === null || limit === null) {
    return { due: null, provisional: false, used: 0, left: null, overdue: false, stopped };
  }
  const todayDay = toEpochDay(today);
  // Each suspension as epoch days [from, to); an open one ends after today.
  const spans = input.suspensions.map((suspension) => ({
    from: toEpochDay(suspension.from),
    to:
      suspension.to === null
        ? Math.max(todayDay + 1, toEpochDay(suspension.from))
        : toEpochDay(suspension.to),
  }));
  const isSuspended = (day: number): boolean => spans.some((span) => day >= span.from && day < span.to);
  const workdays = limit.unit === "workday";
  const counts = (day: number): boolean =>
    !isSuspended(day) && (!workdays || calendar.isWorkday(fromEpochDay(day)));

  const start = toEpochDay(acceptedOn);
  const total = limit.days + input.extensionDays;
  if (total > MAX_DAYS) throw new RangeError(`Limit plus extensions exceeds ${MAX_DAYS} days: ${total}`);

  // Walk forward until `total` counted days have passed; the acceptance day itself never counts.
  let provisional = false;
  let last = start;
  for (let day = start + 1, counted = 0; counted < total; day++) {
    if (workdays && !calendar.isPublished(yearOf(fromEpochDay(day)))) provisional = true;
    if (counts(day)) {
      counted++;
      last = day;
    }
  }
  let due = fromEpochDay(last);
  if (!workdays) {
    // 民法典 §203: a period ending on a day off ends on the next working day.
    const rolled = calendar.addNaturalDays(due, 0);
    due = rolled.due;
    provisional = rolled.provisional;
  }
  const dueDay = toEpochDay(due);

  const countBetween = (after: number, through: number): number => {
    let n = 0;
    for (let day = after + 1; day <= through; day++) if (counts(day)) n++;
    return n;
  };
  const used = countBetween(start, todayDay);
  // The acceptance day never counts, so a today before it leaves the whole limit.
  const from = Math.max(todayDay, start);
  const left = from <= dueDay ? countBetween(from, dueDay) : -countBetween(dueDay, from);
  return { due, provisional, used, left, overdue: todayDay > dueDay, stopped };
}
