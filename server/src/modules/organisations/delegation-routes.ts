import { can } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import { createDelegation } from "./create-delegation.ts";
import { delegationTarget, presentDelegation } from "./present.ts";
import { findDelegation, listDelegations } from "./queries.ts";
import { revokeDelegation } from "./revoke-delegation.ts";
import { todayInShanghai } from "./rules.ts";
import {
  CreateDelegationRequest,
  DelegationList,
  DelegationQuery,
  DelegationView,
  RevokeDelegationRequest,
} from "./schemas.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Delegation of an item's acceptance to township and village places (委托受理), per item and per place. */
export function delegationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const security = [{ session: [] }];

  const presentById = async (actor: Actor, id: string) => {
    const missing = notFound("DELEGATION_NOT_FOUND", "委托记录不存在");
    const row = await findDelegation(deps.db, id);
    if (!row) throw missing;
    hideUnlessAllowed(actor, "delegation.manage", delegationTarget(row), missing);
    return presentDelegation(actor, row, todayInShanghai());
  };

  r.get(
    "/api/admin/delegations",
    {
      schema: {
        tags,
        security,
        summary: "Delegations the actor manages, by item, place and status",
        querystring: DelegationQuery,
        response: { 200: DelegationList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { actor } = request;
      authorize(actor, "delegation.manage");
      const today = todayInShanghai();
      const rows =
        actor.regionCode === null
          ? []
          : await listDelegations(deps.db, request.query, actor.regionCode, today);
      return {
        items: rows
          .filter((row) => can(actor, "delegation.manage", delegationTarget(row)))
          .map((row) => presentDelegation(actor, row, today)),
        abilities: { create: true },
      };
    },
  );

  r.get(
    "/api/admin/delegations/:id",
    {
      schema: {
        tags,
        security,
        summary: "One delegation",
        params: z.object({ id: z.uuid() }),
        response: { 200: DelegationView, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "delegation.manage");
      return presentById(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/delegations",
    {
      schema: {
        tags,
        security,
        summary:
          "Delegate an item's acceptance from its county-level department to a township or village place",
        body: CreateDelegationRequest,
        response: { 201: DelegationView, ...refused },
      },
    },
    async (request, reply) => {
      const id = await createDelegation(deps, request.actor, { ...request.body, requestId: request.id });
      return reply.code(201).send(await presentById(request.actor, id));
    },
  );

  r.post(
    "/api/admin/delegations/:id/revoke",
    {
      schema: {
        tags,
        security,
        summary: "Withdraw a delegation early (kept, marked revoked)",
        params: z.object({ id: z.uuid() }),
        body: RevokeDelegationRequest,
        response: { 200: DelegationView, ...refused },
      },
    },
    async (request) => {
      await revokeDelegation(deps, request.actor, {
        id: request.params.id,
        reason: request.body.reason,
        requestId: request.id,
      });
      return presentById(request.actor, request.params.id);
    },
  );
}
