import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { unauthenticated } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { grantAuthorisation, listAuthorisations, revokeAuthorisation } from "./authorisations.ts";
import { grantAgent, listAgents, revokeAgent } from "./company-agents.ts";
import { presentSession } from "./queries.ts";
import { registerCitizen } from "./register-citizen.ts";
import { startBrowserSession } from "./routes.ts";
import {
  AgentGrant,
  AgentGrantRequest,
  Authorisation,
  AuthorisationRequest,
  RealNameRequest,
  Registration,
  SessionResponse,
} from "./schemas.ts";
import type { IdentityVerifier } from "./verifier.ts";
import { verifyRealName } from "./verify-real-name.ts";

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };

/** Registration, real-name verification, authorisations to act for someone, and companies' agents. */
export function accountRoutes(app: FastifyInstance, deps: Deps, verifier: IdentityVerifier): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/registrations",
    {
      schema: {
        tags: ["account"],
        summary: "Register as a citizen with a verified mobile number",
        body: Registration,
        response: { 200: SessionResponse, ...errors },
      },
      config: { rateLimit: { max: deps.config.AUTH_RATE_LIMIT_MAX, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { token } = await registerCitizen(deps, { ...request.body, requestId: request.id });
      return startBrowserSession(deps, request, reply, token);
    },
  );

  r.post(
    "/api/account/real-name",
    {
      schema: {
        tags: ["account"],
        summary: "Verify name and 公民身份号码 to raise the real-name level",
        security: [{ session: [] }],
        body: RealNameRequest,
        response: { 200: SessionResponse, ...errors },
      },
      config: { rateLimit: { max: deps.config.AUTH_RATE_LIMIT_MAX, timeWindow: "1 minute" } },
    },
    async (request) => {
      await verifyRealName({ ...deps, verifier }, request.actor, { ...request.body, requestId: request.id });
      if (!request.session) throw unauthenticated("UNAUTHENTICATED", "请先登录");
      return presentSession(deps, request.session);
    },
  );

  r.get(
    "/api/account/authorisations",
    {
      schema: {
        tags: ["account"],
        summary: "Authorisations given and received (代办授权)",
        security: [{ session: [] }],
        response: { 200: z.object({ items: z.array(Authorisation) }), ...errors },
      },
    },
    async (request) => {
      const rows = await listAuthorisations(deps, request.actor);
      return {
        items: rows.map((a) => ({
          id: a.id,
          direction: a.direction,
          grantorName: a.grantor_name,
          agentName: a.agent_name,
          agentMobile: a.agent_mobile,
          itemRef: a.item_ref,
          itemName: a.item_name,
          purpose: a.purpose,
          validFrom: a.valid_from,
          validTo: a.valid_to,
          revoked: a.revoked_at !== null,
        })),
      };
    },
  );

  r.post(
    "/api/account/authorisations",
    {
      schema: {
        tags: ["account"],
        summary: "Authorise someone to act for you on an item",
        security: [{ session: [] }],
        body: AuthorisationRequest,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await grantAuthorisation(deps, request.actor, { ...request.body, requestId: request.id }),
      }),
  );

  r.delete(
    "/api/account/authorisations/:id",
    {
      schema: {
        tags: ["account"],
        summary: "Withdraw an authorisation",
        security: [{ session: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeAuthorisation(deps, request.actor, { id: request.params.id, requestId: request.id });
      return reply.code(204).send();
    },
  );

  r.get(
    "/api/companies/:id/agents",
    {
      schema: {
        tags: ["account"],
        summary: "A company's agents (经办人)",
        security: [{ session: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ items: z.array(AgentGrant) }), ...errors },
      },
    },
    async (request) => {
      const rows = await listAgents(deps, request.actor, request.params.id);
      return {
        items: rows.map((g) => ({
          id: g.id,
          agentName: g.legal_name ?? g.display_name,
          agentMobile: g.mobile_masked,
          scope: g.scope,
          validFrom: g.valid_from,
          validTo: g.valid_to,
          revoked: g.revoked_at !== null,
        })),
      };
    },
  );

  r.post(
    "/api/companies/:id/agents",
    {
      schema: {
        tags: ["account"],
        summary: "Authorise an agent to act for the company",
        security: [{ session: [] }],
        params: z.object({ id: z.uuid() }),
        body: AgentGrantRequest,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await grantAgent(deps, request.actor, {
          companyId: request.params.id,
          ...request.body,
          requestId: request.id,
        }),
      }),
  );

  r.delete(
    "/api/companies/:id/agents/:grantId",
    {
      schema: {
        tags: ["account"],
        summary: "Revoke an agent",
        security: [{ session: [] }],
        params: z.object({ id: z.uuid(), grantId: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeAgent(deps, request.actor, {
        companyId: request.params.id,
        grantId: request.params.grantId,
        requestId: request.id,
      });
      return reply.code(204).send();
    },
  );
}
