import { z } from "zod";

/** "HH:MM" on a 24-hour clock; 24:00 closes a period at midnight. */
export const ClockTime = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "时间格式应为 HH:MM（24 小时制）")
  .meta({ example: "08:30" });

/** One opening period on one weekday (ISO: Monday = 1 … Sunday = 7). */
export const OpeningPeriod = z.object({
  weekday: z.number().int().min(1).max(7),
  open: ClockTime,
  close: ClockTime,
});
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

/**
 * When a place or window is open: weekly periods plus notes people need to know, such as
 * 延时服务 or 周末服务 (000 article 62 asks centres to publish extended and weekend hours).
 */
export const OpeningHours = z
  .object({
    periods: z.array(OpeningPeriod).max(70),
    notes: z.array(z.string().trim().min(1).max(100)).max(10),
  })
  .superRefine((hours, ctx) => {
    for (const problem of openingHoursProblems(hours)) {
      ctx.addIssue({ code: "custom", message: problem.message, path: ["periods", problem.index] });
    }
  })
  .meta({ id: "OpeningHours" });
export type OpeningHours = z.infer<typeof OpeningHours>;

const WEEKDAY_NAMES = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] as const;

/** The Chinese name of an ISO weekday (1 = 周一). */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? String(weekday);
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Periods that end before they start or overlap another period on the same day, with Chinese reasons. */
export function openingHoursProblems(hours: {
  periods: OpeningPeriod[];
}): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  hours.periods.forEach((period, index) => {
    if (minutes(period.close) <= minutes(period.open)) {
      problems.push({
        index,
        message: `${weekdayName(period.weekday)} ${period.open}-${period.close}：结束时间应晚于开始时间`,
      });
      return;
    }
    const clash = hours.periods.findIndex(
      (other, j) =>
        j < index &&
        other.weekday === period.weekday &&
        minutes(other.open) < minutes(period.close) &&
        minutes(period.open) < minutes(other.close),
    );
    if (clash >= 0) {
      problems.push({ index, message: `${weekdayName(period.weekday)} 的办公时段有重叠` });
    }
  });
  return problems;
}

/** Periods in a stable order: by weekday, then by opening time. */
export function sortPeriods(periods: OpeningPeriod[]): OpeningPeriod[] {
  return [...periods].sort((a, b) => a.weekday - b.weekday || minutes(a.open) - minutes(b.open));
}

const DAY_PATTERN = "周[一二三四五六日天]|星期[一二三四五六日天]|[1-7]";
const DASH = "[-－–—~～至到]";

function weekdayOf(token: string): number {
  const last = token.slice(-1);
  const index = "一二三四五六日".indexOf(last);
  if (index >= 0) return index + 1;
  if (last === "天") return 7;
  return Number(last);
}

function parseDays(text: string): number[] | undefined {
  if (text === "每天" || text === "每日") return [1, 2, 3, 4, 5, 6, 7];
  if (text === "工作日") return [1, 2, 3, 4, 5];
  const days: number[] = [];
  for (const part of text.split(/[、,，/]/)) {
    const range = new RegExp(`^(${DAY_PATTERN})(?:${DASH}(${DAY_PATTERN}))?$`).exec(part.trim());
    if (!range?.[1]) return undefined;
    const from = weekdayOf(range[1]);
    const to = range[2] ? weekdayOf(range[2]) : from;
    if (to < from) return undefined;
    for (let day = from; day <= to; day++) days.push(day);
  }
  return days;
}

/**
 * Reads the one-line form used in spreadsheets and notices, e.g.
 * "周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00" (also "1-5 8:30-17:00", "每天 …", "工作日 …").
 * Returns the periods, or the Chinese reason the text cannot be read.
 */
export function parseWeeklyText(text: string): { periods: OpeningPeriod[] } | { error: string } {
  const periods: OpeningPeriod[] = [];
  const segments = text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length === 0) return { error: "请填写办公时间，例如“周一至周五 08:30-12:00,13:30-17:30”" };
  for (const segment of segments) {
    const match = /^(\S+)\s+(.+)$/.exec(segment);
    const days = match?.[1] ? parseDays(match[1]) : undefined;
    if (!match?.[2] || !days) {
      return { error: `无法识别“${segment}”：应为“周一至周五 08:30-17:30”的形式` };
    }
    for (const range of match[2].split(/[,，、\s]+/).filter(Boolean)) {
      const times = new RegExp(`^(\\d{1,2}:\\d{2})${DASH}(\\d{1,2}:\\d{2})$`).exec(range);
      const open = times?.[1]?.padStart(5, "0");
      const close = times?.[2]?.padStart(5, "0");
      if (!open || !close || !ClockTime.safeParse(open).success || !ClockTime.safeParse(close).success) {
        return { error: `无法识别时段“${range}”：应为“08:30-12:00”的形式` };
      }
      for (const weekday of days) periods.push({ weekday, open, close });
    }
  }
  const problems = openingHoursProblems({ periods });
  if (problems[0]) return { error: problems[0].message };
  return { periods: sortPeriods(periods) };
}

/** Writes periods in the one-line form `parseWeeklyText` reads, grouping consecutive days with equal times. */
export function formatWeeklyText(periods: OpeningPeriod[]): string {
  const byDay = new Map<number, string>();
  for (const p of sortPeriods(periods)) {
    const range = `${p.open}-${p.close}`;
    byDay.set(p.weekday, byDay.has(p.weekday) ? `${byDay.get(p.weekday)},${range}` : range);
  }
  const groups: { from: number; to: number; times: string }[] = [];
  for (const [weekday, times] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    const last = groups.at(-1);
    if (last && last.to === weekday - 1 && last.times === times) last.to = weekday;
    else groups.push({ from: weekday, to: weekday, times });
  }
  return groups
    .map((g) => {
      const days = g.from === g.to ? weekdayName(g.from) : `${weekdayName(g.from)}至${weekdayName(g.to)}`;
      return `${days} ${g.times}`;
    })
    .join("；");
}

/** Splits a notes cell ("延时服务：工作日 17:30-19:00；周末服务：周六上午") into notes. */
export function parseNotesText(text: string): string[] {
  return text
    .split(/[；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
