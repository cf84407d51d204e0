import { addDays, type Calendar, isLocalPlaceActor, type LocalDate, regionPrefix } from "@tongban/core";
import type { ExpressionBuilder } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";

/** Statuses in which the legal clock runs, read by the queues and the deadline sweep. */
export const runningStatuses = ["accepted", "accepted-pending", "under-review"] as const;

/**
 * Working days from today to the due date: 0 on the due day, negative once past it (counted the same
 * way the clock counts, so a list and a detail agree).
 */
export function workdaysLeft(calendar: Calendar, today: LocalDate, due: LocalDate): number {
  let count = 0;
  if (due >= today) {
    for (let d = addDays(today, 1); d <= due && count < 3650; d = addDays(d, 1))
      if (calendar.isWorkday(d)) count++;
    return count;
  }
  for (let d = addDays(due, 1); d <= today && count < 3650; d = addDays(d, 1))
    if (calendar.isWorkday(d)) count++;
  return -count;
}

type Eb = ExpressionBuilder<Database & { c: Database["cases"] }, "c">;

/**
 * The SQL form of the case.read policy: the case's region under the actor's, and for department roles
 * their department. Staff of a township or village place (委托受理) reach only their place's cases.
 */
function inScope(eb: Eb, actor: Actor) {
  const region = actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : null;
  const ors = [];
  if (region && actor.roles.some((r) => r === "window-clerk" || r === "supervisor"))
    ors.push(
      isLocalPlaceActor(actor)
        ? eb.and([eb("c.region_code", "like", region), eb("c.place_id", "=", actor.placeId as string)])
        : eb("c.region_code", "like", region),
    );
  if (region && actor.departmentId && actor.roles.some((r) => r === "reviewer" || r === "decision-maker"))
    ors.push(eb.and([eb("c.region_code", "like", region), eb("c.department_id", "=", actor.departmentId)]));
  if (actor.id) ors.push(eb("c.acted_by_id", "=", actor.id));
  return eb.or(ors);
}

/** One page of a staff queue, scoped by the actor's region and department. */
export async function listQueue(
  q: Queryable,
  actor: Actor,
  options: {
    queue: "precheck" | "review" | "decide" | "due-soon" | "overdue" | "all";
    item?: string;
    department?: string;
    channel?: string;
    page: number;
    pageSize: number;
    today: LocalDate;
    soon: LocalDate;
  },
) {
  let query = q
    .selectFrom("cases as c")
    .innerJoin("item as i", "i.id", "c.item_id")
    .innerJoin("account as a", "a.id", "c.applicant_id")
    .where((eb) => inScope(eb as unknown as Eb, actor))
    .where("c.status", "!=", "draft");
  switch (options.queue) {
    case "precheck":
      query = query.where("c.status", "=", "submitted");
      break;
    case "review":
      query = query.where("c.status", "in", ["accepted", "accepted-pending", "under-review", "suspended"]);
      break;
    case "decide":
      query = query.where("c.status", "=", "under-review");
      break;
    case "due-soon":
      query = query
        .where("c.status", "in", [...runningStatuses])
        .where("c.due_on", ">=", options.today)
        .where("c.due_on", "<=", options.soon);
      break;
    case "overdue":
      query = query.where("c.status", "in", [...runningStatuses]).where("c.due_on", "<", options.today);
      break;
    case "all":
      break;
  }
  if (options.item) query = query.where("c.item_id", "=", options.item);
  if (options.department) query = query.where("c.department_id", "=", options.department);
  if (options.channel) query = query.where("c.channel", "=", options.channel as never);
  const counted = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirst();
  const rows = await query
    .select([
      "c.id",
      "c.number",
      "c.status",
      "c.channel",
      "c.submitted_at",
      "c.due_on",
      "i.name as item_name",
      "a.display_name as applicant_name",
      "a.kind as applicant_kind",
    ])
    .orderBy("c.due_on", (ob) => ob.asc().nullsLast())
    .orderBy("c.submitted_at")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { total: Number(counted?.total ?? 0), rows };
}
