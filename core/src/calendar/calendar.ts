import { fromEpochDay, isLocalDate, isoDayOfWeek, type LocalDate, toEpochDay, yearOf } from "./local-date.ts";

/** One day named in a State Council holiday notice. */
export interface NamedDay {
  date: LocalDate;
  name: string;
}

/** One published State Council notice: its 放假 days and its 调休上班 (make-up) days. */
export interface CalendarYear {
  year: number;
  daysOff: NamedDay[];
  workdays: NamedDay[];
}

/** A computed due date; provisional when it relied on a year with no published notice. */
export interface Deadline {
  due: LocalDate;
  provisional: boolean;
}

/** Working-day arithmetic over the published holiday notices. */
export interface Calendar {
  /** Mon–Fri not in a notice's days off, plus the notices' make-up workdays. */
  isWorkday(date: LocalDate): boolean;
  /** Whether the notice for this year is known. */
  isPublished(year: number): boolean;
  /** The years whose notice is known, ascending. */
  publishedYears(): number[];
  /** The n-th working day after `from` (行政许可法 §82: periods in working days exclude holidays). */
  addWorkdays(from: LocalDate, n: number): Deadline;
  /** `from` + n calendar days, rolled forward to a working day (民法典 §201, §203). */
  addNaturalDays(from: LocalDate, n: number): Deadline;
  /** The first working day strictly after `date`. */
  nextWorkday(date: LocalDate): LocalDate;
  /** The days off that fall in this calendar year, by date. */
  daysOff(year: number): NamedDay[];
  /** The make-up workdays that fall in this calendar year, by date. */
  workdays(year: number): NamedDay[];
}

// Ten years of working days covers every statutory period with a wide margin;
// anything longer is an input error, not a deadline.
const MAX_DAYS = 3650;

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS) {
    throw new RangeError(`Day count must be an integer from 0 to ${MAX_DAYS}: ${n}`);
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Not a valid year: ${year}`);
}

function byDate(a: NamedDay, b: NamedDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Indexes the notices by date; throws RangeError on malformed or contradictory data. */
function indexNotices(years: readonly CalendarYear[]): {
  published: Set<number>;
  off: Map<LocalDate, NamedDay>;
  on: Map<LocalDate, NamedDay>;
} {
  const published = new Set<number>();
  const off = new Map<LocalDate, NamedDay>();
  const on = new Map<LocalDate, NamedDay>();
  for (const notice of years) {
    checkYear(notice.year);
    if (published.has(notice.year)) throw new RangeError(`Two notices for ${notice.year}`);
    published.add(notice.year);
    // A notice may name a make-up day in the neighbouring year (e.g. 2011-12-31 in the 2012 notice),
    // so dates are only required to be real, not to fall in notice.year.
    for (const [list, target] of [
      [notice.daysOff, off],
      [notice.workdays, on],
    ] as const) {
      for (const day of list) {
        if (!isLocalDate(day.date)) throw new RangeError(`Not a valid date in ${notice.year}: ${day.date}`);
        if (off.has(day.date) || on.has(day.date)) throw new RangeError(`Date listed twice: ${day.date}`);
        target.set(day.date, { date: day.date, name: day.name });
      }
    }
  }
  return { published, off, on };
}

/** Builds a working-day calendar from the published State Council notices. */
export function createCalendar(years: readonly CalendarYear[]): Calendar {
  const { published, off, on } = indexNotices(years);

  // A malformed date is in neither map and makes isoDayOfWeek throw the RangeError.
  const isWorkday = (date: LocalDate): boolean => {
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    return isoDayOfWeek(date) <= 5;
  };
  const isPublished = (year: number): boolean => published.has(year);

  /** Walks forward from `start` (inclusive) until `stop` says so; tracks unpublished years. */
  const walk = (start: number, stop: (date: LocalDate) => boolean): Deadline => {
    let provisional = false;
    for (let day = start; ; day++) {
      const date = fromEpochDay(day);
      if (!published.has(yearOf(date))) provisional = true;
      if (stop(date)) return { due: date, provisional };
    }
  };

  const addWorkdays = (from: LocalDate, n: number): Deadline => {
    const start = toEpochDay(from);
    checkCount(n);
    if (n === 0) return { due: from, provisional: false };
    let counted = 0;
    // 民法典 §201: the day of acceptance is not counted.
    return walk(start + 1, (date) => isWorkday(date) && ++counted === n);
  };

  const addNaturalDays = (from: LocalDate, n: number): Deadline => {
    const start = toEpochDay(from);
    checkCount(n);
    // 民法典 §201: start the next day, so the last day is from + n;
    // §203: a last day on a 法定休假日 moves to the first working day after it.
    return walk(start + n, isWorkday);
  };

  const inYear = (map: Map<LocalDate, NamedDay>, year: number): NamedDay[] => {
    checkYear(year);
    const prefix = `${String(year).padStart(4, "0")}-`;
    return [...map.values()].filter((day) => day.date.startsWith(prefix)).sort(byDate);
  };

  return {
    isWorkday,
    isPublished,
    publishedYears: () => [...published].sort((a, b) => a - b),
    addWorkdays,
    addNaturalDays,
    nextWorkday: (date) => addWorkdays(date, 1).due,
    daysOff: (year) => inYear(off, year),
    workdays: (year) => inYear(on, year),
  };
}
