import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { loadVisibleCase } from "./guard.ts";
import { listPledgeChecks, resolvePledgeCheck } from "./pledge-checks.ts";
import { pledgeMaterial, presentPledges, withdrawPledge } from "./pledge-material.ts";
import {
  CasePledges,
  PledgeCheck,
  PledgeCheckPage,
  PledgeCheckParams,
  PledgeCheckQuery,
  PledgeParams,
  PledgeRequest,
  ResolvePledgeCheckRequest,
} from "./pledge-schemas.ts";
import { CaseParams } from "./schemas.ts";
import { caseToday } from "./today.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** 告知承诺: commitments on a case (applicants, window clerks) and the post-verification tasks (workbench). */
export function pledgeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const present = async (actor: Actor, id: string) =>
    presentPledges(deps.db, actor, await loadVisibleCase(deps.db, actor, id));

  r.get(
    "/api/cases/:id/pledges",
    {
      schema: {
        tags: ["cases"],
        security,
        summary:
          "The case's pledgeable materials with their commitment text, its commitments and pledge check",
        params: CaseParams,
        response: { 200: CasePledges, ...refused },
      },
    },
    async (request) => present(request.actor, request.params.id),
  );

  r.post(
    "/api/cases/:id/pledges",
    {
      schema: {
        tags: ["cases"],
        security,
        summary:
          "告知承诺: sign the standard commitment for a pledgeable material instead of uploading it (draft or correction)",
        params: CaseParams,
        body: PledgeRequest,
        response: { 201: CasePledges, ...refused },
      },
    },
    async (request, reply) => {
      await pledgeMaterial(deps, request.actor, {
        id: request.params.id,
        materialId: request.body.materialId,
        requestId: request.id,
      });
      return reply.code(201).send(await present(request.actor, request.params.id));
    },
  );

  r.delete(
    "/api/cases/:id/pledges/:materialId",
    {
      schema: {
        tags: ["cases"],
        security,
        summary: "Withdraw the commitment for a material (draft or correction); the proof is owed again",
        params: PledgeParams,
        response: { 200: CasePledges, ...refused },
      },
    },
    async (request) => {
      await withdrawPledge(deps, request.actor, { ...request.params, requestId: request.id });
      return present(request.actor, request.params.id);
    },
  );

  r.get(
    "/api/workbench/pledge-checks",
    {
      schema: {
        tags: ["workbench"],
        security,
        summary:
          "Pledge checks (事后核查) of the actor's department: open, overdue or all, soonest due first",
        querystring: PledgeCheckQuery,
        response: { 200: PledgeCheckPage, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "pledge.verify");
      const { total, items } = await listPledgeChecks(deps.db, request.actor, {
        ...request.query,
        today: caseToday(),
      });
      return { total, page: request.query.page, pageSize: request.query.pageSize, items };
    },
  );

  r.post(
    "/api/workbench/pledge-checks/:id/resolve",
    {
      schema: {
        tags: ["workbench"],
        security,
        summary:
          "Record a pledge check's result: verified, or failed (the applicant is told the decision will be revoked)",
        params: PledgeCheckParams,
        body: ResolvePledgeCheckRequest,
        response: { 200: PledgeCheck, ...refused },
      },
    },
    async (request) => {
      const { caseId } = await resolvePledgeCheck(deps, request.actor, {
        id: request.params.id,
        ...request.body,
        requestId: request.id,
      });
      const check = (await present(request.actor, caseId)).check;
      return check as NonNullable<typeof check>;
    },
  );
}
