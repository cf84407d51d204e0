import type { CalendarYear } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";

/**
 * Publishes (or replaces) one year's State Council holiday notice. Every date must fall in that
 * year, days off and make-up workdays must not overlap, and make-up days must be weekends.
 */
export async function publishCalendar(
  deps: Deps,
  actor: Actor,
  input: CalendarYear & { title?: string; source?: string; requestId?: string },
): Promise<void> {
  authorize(actor, "calendar.publish");
  const dates = [...input.daysOff, ...input.workdays].map((d) => d.date);
  const outside = dates.filter((d) => Number(d.slice(0, 4)) !== input.year);
  if (outside.length > 0) {
    throw invalid("CALENDAR_DATE_OUTSIDE_YEAR", `日期不属于${input.year}年：${outside.join("、")}`, {
      dates: outside,
    });
  }
  const duplicates = dates.filter((d, i) => dates.indexOf(d) !== i);
  if (duplicates.length > 0) {
    throw invalid("CALENDAR_DATE_DUPLICATED", `日期重复：${[...new Set(duplicates)].join("、")}`, {
      dates: duplicates,
    });
  }
  const weekdayMakeups = input.workdays.filter((d) => {
    const day = new Date(`${d.date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  });
  if (weekdayMakeups.length > 0) {
    throw invalid(
      "CALENDAR_WORKDAY_NOT_WEEKEND",
      `调休上班日应为周六或周日：${weekdayMakeups.map((d) => d.date).join("、")}`,
    );
  }
  await deps.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("calendar_day")
      .select(["date"])
      .where("year", "=", input.year)
      .execute();
    await tx.deleteFrom("calendar_day").where("year", "=", input.year).execute();
    await tx
      .insertInto("calendar_notice")
      .values({
        year: input.year,
        title: input.title ?? `${input.year}年部分节假日安排`,
        source: input.source ?? "管理员录入",
        published_by: actor.id,
        published_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column("year").doUpdateSet((eb) => ({
          title: eb.ref("excluded.title"),
          source: eb.ref("excluded.source"),
          published_by: eb.ref("excluded.published_by"),
          published_at: eb.ref("excluded.published_at"),
        })),
      )
      .execute();
    const rows = [
      ...input.daysOff.map((d) => ({ ...d, kind: "off" as const })),
      ...input.workdays.map((d) => ({ ...d, kind: "work" as const })),
    ];
    if (rows.length > 0) {
      await tx
        .insertInto("calendar_day")
        .values(rows.map((r) => ({ date: r.date, name: r.name, kind: r.kind, year: input.year })))
        .execute();
    }
    await recordAudit(tx, actor, {
      action: "calendar.published",
      subjectType: "calendar",
      subjectId: String(input.year),
      requestId: input.requestId ?? null,
      details: { daysOff: input.daysOff.length, workdays: input.workdays.length, replaced: before.length },
    });
  });
}
