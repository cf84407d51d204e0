import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { publishCalendar } from "./publish-calendar.ts";
import { type CalendarCache, findNotice } from "./queries.ts";
import { CalendarYearResponse, DueQuery, DueResponse, PublishCalendarRequest, Year } from "./schemas.ts";

/** Public working-day calendar and deadline computation; administrators publish each year's notice. */
export function calendarRoutes(app: FastifyInstance, deps: Deps, cache: CalendarCache): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendar"];

  r.get(
    "/api/calendar/due",
    {
      schema: {
        tags,
        summary: "Due date of a period counted from the day after `from` (行政许可法 §82, 民法典 §201/§203)",
        querystring: DueQuery,
        response: { 200: DueResponse, 400: Problem },
      },
    },
    async (request) => {
      const { from, days, unit } = request.query;
      const calendar = await cache.get(deps.db);
      return unit === "workday" ? calendar.addWorkdays(from, days) : calendar.addNaturalDays(from, days);
    },
  );

  const present = async (year: number) => {
    const calendar = await cache.get(deps.db);
    const notice = await findNotice(deps.db, year);
    return {
      year,
      published: notice !== undefined,
      title: notice?.title ?? null,
      daysOff: notice ? calendar.daysOff(year) : [],
      workdays: notice ? calendar.workdays(year) : [],
    };
  };

  r.get(
    "/api/calendar/:year",
    {
      schema: {
        tags,
        summary: "A year's official days off and make-up workdays",
        params: z.object({ year: Year }),
        response: { 200: CalendarYearResponse, 400: Problem },
      },
    },
    async (request) => present(request.params.year),
  );

  r.put(
    "/api/admin/calendar/:year",
    {
      schema: {
        tags,
        summary: "Publish or replace a year's holiday notice (system administrators)",
        security: [{ session: [] }],
        params: z.object({ year: Year }),
        body: PublishCalendarRequest,
        response: { 200: CalendarYearResponse, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { year } = request.params;
      await publishCalendar(deps, request.actor, { year, ...request.body, requestId: request.id });
      cache.invalidate();
      return present(year);
    },
  );
}
