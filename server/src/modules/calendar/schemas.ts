import { z } from "zod";

/** A legal date in Asia/Shanghai, "YYYY-MM-DD", that exists on the calendar. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "日期不存在")
  .meta({ id: "LocalDate", example: "2026-10-09" });

export const CalendarDay = z.object({ date: LocalDate, name: z.string().trim().min(1).max(50) });

export const Year = z.coerce.number().int().min(2000).max(2200);

export const CalendarYearResponse = z
  .object({
    year: z.number().int(),
    published: z.boolean(),
    title: z.string().nullable(),
    daysOff: z.array(CalendarDay),
    workdays: z.array(CalendarDay),
  })
  .meta({ id: "CalendarYear" });

export const PublishCalendarRequest = z
  .object({
    title: z.string().trim().min(1).max(100).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    daysOff: z.array(CalendarDay).max(366),
    workdays: z.array(CalendarDay).max(366),
  })
  .meta({ id: "PublishCalendarRequest" });

export const DueQuery = z.object({
  from: LocalDate.describe("The day of acceptance; counting starts the day after"),
  days: z.coerce.number().int().min(0).max(3650),
  unit: z.enum(["workday", "natural"]).default("workday"),
});

export const DueResponse = z
  .object({
    due: LocalDate,
    provisional: z
      .boolean()
      .describe("True when the period reaches a year whose holiday notice is not yet published"),
  })
  .meta({ id: "Due" });
