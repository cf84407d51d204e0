/**
 * A legal date in Asia/Shanghai written "YYYY-MM-DD". Deadlines are local dates, never instants:
 * all arithmetic below runs on UTC midnights so no host time zone can shift a day.
 */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
// China Standard Time has been UTC+8 without daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the days since 1970-01-01 of a well-formed real date, or null. */
function parse(value: string): number | null {
  const match = PATTERN.exec(value);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.getTime() / MS_PER_DAY;
}

/** Tells whether a string is a real calendar date written "YYYY-MM-DD". */
export function isLocalDate(value: string): boolean {
  return parse(value) !== null;
}

/** Converts a LocalDate to days since 1970-01-01; throws RangeError when malformed. */
export function toEpochDay(date: LocalDate): number {
  const day = parse(date);
  if (day === null) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

/** Converts days since 1970-01-01 back to a LocalDate. */
export function fromEpochDay(day: number): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds a number of calendar days (negative allowed) to a LocalDate. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Returns the ISO day of week of a LocalDate: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Returns the calendar year of a LocalDate. */
export function yearOf(date: LocalDate): number {
  toEpochDay(date);
  return Number(date.slice(0, 4));
}

/** Returns the Asia/Shanghai calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
