import { caseStatusNames, normalizeQueryCode } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { loadCalendar } from "./clock.ts";
import { trackingOf } from "./delivery.ts";
import { actionName } from "./present.ts";
import { findByNumber, listEvents } from "./queries.ts";
import { maskName } from "./record-event.ts";
import {
  ApplicantMatch,
  ApplicantQuery,
  Progress,
  ProgressQuery,
  WorkbenchPage,
  WorkbenchQuery,
} from "./schemas.ts";
import { DUE_SOON_WORKDAYS } from "./sweep-deadlines.ts";
import { caseToday } from "./today.ts";
import { listQueue, workdaysLeft } from "./workbench-queries.ts";

// Timeline entries the public lookup shows: the steps, not files or autosaves.
const publicSteps = new Set([
  "submit",
  "request-correction",
  "resubmit",
  "accept",
  "accept-pending",
  "supply-pending",
  "refuse",
  "start-review",
  "suspend",
  "resume",
  "extend",
  "decide",
  "complete",
  "withdraw",
  "terminate",
  "payment.paid",
]);

/** The staff workbench queues, the applicant lookup for window intake, and the public progress lookup. */
export function workbenchRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];

  r.get(
    "/api/workbench/cases",
    {
      schema: {
        tags: ["workbench"],
        security,
        summary: "A queue of cases in the actor's region and department, soonest due first",
        querystring: WorkbenchQuery,
        response: { 200: WorkbenchPage, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "case.read");
      const today = caseToday();
      const calendar = await loadCalendar(deps.db);
      const soon = calendar.addWorkdays(today, DUE_SOON_WORKDAYS).due;
      const { total, rows } = await listQueue(deps.db, request.actor, { ...request.query, today, soon });
      return {
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        items: rows.map((row) => {
          const left = row.due_on ? workdaysLeft(calendar, today, row.due_on) : null;
          return {
            id: row.id,
            number: row.number,
            itemName: row.item_name,
            applicantName: maskName(row.applicant_name, row.applicant_kind),
            channel: row.channel,
            status: row.status,
            statusName: caseStatusNames[row.status],
            submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
            dueOn: row.due_on,
            left,
            overdue: row.due_on !== null && row.due_on < today,
          };
        }),
      };
    },
  );

  r.get(
    "/api/workbench/applicants",
    {
      schema: {
        tags: ["workbench"],
        security,
        summary: "Find a walk-in applicant's account by mobile number or 公民身份号码 (window clerks)",
        querystring: ApplicantQuery,
        response: { 200: ApplicantMatch, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "case.intake");
      const { mobile, citizenId } = request.query;
      let query = deps.db
        .selectFrom("account")
        .select(["id", "kind", "display_name", "mobile_masked"])
        .where("kind", "in", ["citizen", "company"])
        .where("disabled_at", "is", null);
      query = mobile
        ? query.where("mobile_index", "=", deps.vault.index(`mobile:${mobile}`))
        : query.where(
            "citizen_id_index",
            "=",
            deps.vault.index(`citizen-id:${(citizenId ?? "").toUpperCase()}`),
          );
      const rows = await query.limit(5).execute();
      return {
        items: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          name: maskName(row.display_name, row.kind),
          mobileMasked: row.mobile_masked,
        })),
      };
    },
  );

  r.get(
    "/api/progress",
    {
      config: { rateLimit: { max: deps.config.AUTH_RATE_LIMIT_MAX, timeWindow: "1 minute" } },
      schema: {
        tags: ["cases"],
        summary: "Public progress lookup (办件进度查询) by case number and query code; a wrong code is 404",
        querystring: ProgressQuery,
        response: { 200: Progress, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => {
      const row = await findByNumber(deps.db, request.query.number.trim());
      const code = normalizeQueryCode(request.query.queryCode);
      // A wrong code and an unknown number look the same, so numbers cannot be probed.
      if (!row || !code || row.query_code !== code)
        throw notFound("CASE_NOT_FOUND", "办件编号或查询码不正确");
      const events = await listEvents(deps.db, row.id);
      return {
        number: row.number as string,
        itemName: row.item_name,
        status: row.status,
        statusName: caseStatusNames[row.status],
        events: events
          .filter((e) => publicSteps.has(e.action))
          .map((e) => ({
            action: actionName(e.action),
            statusName: caseStatusNames[e.to_status as keyof typeof caseStatusNames] ?? e.to_status,
            at: new Date(e.at).toISOString(),
          })),
        tracking: trackingOf(row.delivery),
      };
    },
  );
}
