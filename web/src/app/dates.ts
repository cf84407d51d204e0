/** Today's date in Asia/Shanghai as YYYY-MM-DD: legal dates are local dates there, whatever the browser's zone. */
export function todayInShanghai(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

/** Parses YYYY-MM-DD into a UTC midnight Date, so calendar arithmetic never meets a time zone. */
export function parseIsoDate(iso: string): Date {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Formats a UTC midnight Date as YYYY-MM-DD. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The weekday of a legal date in the given language, e.g. 星期二 / Tuesday. */
export function weekdayName(iso: string, language: string, width: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat(language, { weekday: width, timeZone: "UTC" }).format(parseIsoDate(iso));
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return toIsoDate(parseIsoDate(value)) === value;
}
