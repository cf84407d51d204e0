import type { CaseAction } from "@tongban/core";
import { caseStatusNames } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { unauthenticated } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { createCase } from "./create-case.ts";
import { caseDocumentRoutes } from "./documents/routes.ts";
import { caseFileRoutes } from "./file-routes.ts";
import { loadVisibleCase } from "./guard.ts";
import { pledgeRoutes } from "./pledge-routes.ts";
import { previewPrefill } from "./prefill-case.ts";
import { presentCase } from "./present.ts";
import { listApplicantCases } from "./queries.ts";
import { routingRoutes } from "./routing-routes.ts";
import {
  ActionParams,
  ActionRequest,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseParams,
  CreateCaseRequest,
  PrefillQuery,
  PrefillResponse,
  UpdateCaseRequest,
} from "./schemas.ts";
import { takeAction } from "./take-action.ts";
import { updateCase } from "./update-case.ts";
import { workbenchRoutes } from "./workbench-routes.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Case processing (办件): applications, their lifecycle actions, files, staff queues and public progress. */
export async function caseRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["cases"];
  const security = [{ session: [] }];
  const present = async (actor: Actor, id: string) =>
    presentCase(deps.db, actor, await loadVisibleCase(deps.db, actor, id));

  r.post(
    "/api/cases",
    {
      schema: {
        tags,
        security,
        summary:
          "Start a draft application (applicants), or file one for a walk-in applicant (window clerks)",
        body: CreateCaseRequest,
        response: { 201: CaseDetail, ...refused },
      },
    },
    async (request, reply) => {
      const { id } = await createCase(deps, request.actor, { ...request.body, requestId: request.id });
      return reply.code(201).send(await present(request.actor, id));
    },
  );

  r.get(
    "/api/cases",
    {
      schema: {
        tags,
        security,
        summary: "The signed-in applicant's cases, newest first",
        querystring: CaseListQuery,
        response: { 200: CasePage, 401: Problem },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== "citizen" && actor.kind !== "company")
        throw unauthenticated("UNAUTHENTICATED", "请以申请人身份登录");
      const { total, rows } = await listApplicantCases(
        deps.db,
        actor.actingFor?.id ?? (actor.id as string),
        request.query,
      );
      return {
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        items: rows.map((row) => ({
          id: row.id,
          number: row.number,
          itemName: row.item_name,
          status: row.status,
          statusName: caseStatusNames[row.status],
          channel: row.channel,
          createdAt: new Date(row.created_at).toISOString(),
          submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
          dueOn: row.due_on,
        })),
      };
    },
  );

  r.get(
    "/api/cases/prefill",
    {
      schema: {
        tags,
        security,
        summary: "A new application's form values from the applicant's verified profile (申请表预填)",
        querystring: PrefillQuery,
        response: { 200: PrefillResponse, ...refused },
      },
    },
    async (request) => ({
      form: await previewPrefill(deps, request.actor, { ...request.query, requestId: request.id }),
    }),
  );

  r.get(
    "/api/cases/:id",
    {
      schema: {
        tags,
        security,
        summary:
          "One case: checklist, files, notice, timeline, both clocks and the viewer's possible actions",
        params: CaseParams,
        response: { 200: CaseDetail, ...refused },
      },
    },
    async (request) => present(request.actor, request.params.id),
  );

  r.put(
    "/api/cases/:id",
    {
      schema: {
        tags,
        security,
        summary: "Autosave the answers and form of a draft or of a case under correction",
        params: CaseParams,
        body: UpdateCaseRequest,
        response: { 200: CaseDetail, ...refused },
      },
    },
    async (request) => {
      await updateCase(deps, request.actor, {
        id: request.params.id,
        ...request.body,
        requestId: request.id,
      });
      return present(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/cases/:id/actions/:action",
    {
      schema: {
        tags,
        security,
        summary:
          "Take one lifecycle action (submit, request-correction, accept, accept-pending, refuse, start-review, " +
          "suspend, resume, extend, decide, complete, withdraw, …); the action's required inputs are checked",
        params: ActionParams,
        body: ActionRequest,
        response: { 200: CaseDetail, ...refused },
      },
    },
    async (request) => {
      await takeAction(deps, request.actor, {
        ...request.body,
        id: request.params.id,
        action: request.params.action as CaseAction,
        requestId: request.id,
      });
      return present(request.actor, request.params.id);
    },
  );

  await caseFileRoutes(app, deps);
  routingRoutes(app, deps);
  workbenchRoutes(app, deps);
  pledgeRoutes(app, deps);
  caseDocumentRoutes(app, deps);
}
