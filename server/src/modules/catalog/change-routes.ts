import { checkItem, diffContent } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorizeCatalogRead, hideOutsideScope, presentChange } from "./admin-present.ts";
import { findChange, findVersion, listChanges, listReviews } from "./admin-queries.ts";
import {
  ChangeDetail,
  ChangePage,
  ChangeQuery,
  ChangeView,
  CreateChangeRequest,
  ReviewRequest,
  UpdateChangeRequest,
  ValidateRequest,
  ValidateResponse,
} from "./admin-schemas.ts";
import { loadCheckContext, validateForEditor } from "./governance/check.ts";
import { createChange } from "./governance/create-change.ts";
import { changeAbilities } from "./governance/lifecycle.ts";
import { reviewChange } from "./governance/review-change.ts";
import { submitChange } from "./governance/submit-change.ts";
import { updateChange } from "./governance/update-change.ts";
import { withdrawChange } from "./governance/withdraw-change.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const ChangeParams = z.object({ id: z.uuid() });

/** Change requests: draft, edit, submit, review, withdraw; the review queues; live validation. */
export function changeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalog-admin"];
  const security = [{ session: [] }];

  const loadVisible = async (actor: Actor, id: string) => {
    authorizeCatalogRead(actor);
    const row = await findChange(deps.db, id);
    hideOutsideScope(actor, row, "CATALOG_CHANGE_NOT_FOUND");
    return row;
  };
  const present = async (actor: Actor, id: string) => presentChange(actor, await loadVisible(actor, id));

  r.get(
    "/api/admin/catalog/changes",
    {
      schema: {
        tags,
        security,
        summary: "Change requests in the actor's region, by status or review queue",
        querystring: ChangeQuery,
        response: { 200: ChangePage, ...refused },
      },
    },
    async (request) => {
      authorizeCatalogRead(request.actor);
      const { total, rows } = await listChanges(deps.db, request.actor, request.query);
      return {
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        items: rows.map((row) => {
          const { content: _content, ...rest } = presentChange(request.actor, row);
          return rest;
        }),
      };
    },
  );

  r.post(
    "/api/admin/catalog/changes",
    {
      schema: {
        tags,
        security,
        summary: "Draft a change request: create, change or cancel an item (catalog editors)",
        body: CreateChangeRequest,
        response: { 201: ChangeView, ...refused },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { id } = await createChange(deps, request.actor, {
        kind: body.kind,
        itemId: body.itemId ?? null,
        content: body.content ?? null,
        ref: body.ref ?? null,
        effectiveFrom: body.effectiveFrom,
        reason: body.reason,
        lawChangedOn: body.lawChangedOn ?? null,
        requestId: request.id,
      });
      return reply.code(201).send(await present(request.actor, id));
    },
  );

  r.get(
    "/api/admin/catalog/changes/:id",
    {
      schema: {
        tags,
        security,
        summary: "One change request with its base version, the diff, check findings and reviews",
        params: ChangeParams,
        response: { 200: ChangeDetail, ...refused },
      },
    },
    async (request) => {
      const row = await loadVisible(request.actor, request.params.id);
      const change = presentChange(request.actor, row);
      const base =
        row.item_id && row.base_version !== null
          ? await findVersion(deps.db, row.item_id, row.base_version)
          : undefined;
      const findings = change.content ? checkItem(change.content, await loadCheckContext(deps.db)) : [];
      const reviews = await listReviews(deps.db, row.id);
      return {
        change,
        base: base ? { version: base.version, content: base.content } : null,
        changes: base && change.content ? diffContent(base.content, change.content) : [],
        findings,
        reviews: reviews.map((v) => ({
          stage: v.stage,
          decision: v.decision,
          reason: v.reason,
          reviewer: { id: v.reviewer_id, name: v.reviewer_name },
          decidedAt: new Date(v.decided_at).toISOString(),
        })),
        filingDue: row.filing_due,
        abilities: changeAbilities(request.actor, row),
      };
    },
  );

  r.put(
    "/api/admin/catalog/changes/:id",
    {
      schema: {
        tags,
        security,
        summary: "Rewrite a draft or returned change request",
        params: ChangeParams,
        body: UpdateChangeRequest,
        response: { 200: ChangeView, ...refused },
      },
    },
    async (request) => {
      await updateChange(deps, request.actor, {
        id: request.params.id,
        ...request.body,
        requestId: request.id,
      });
      return present(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/catalog/changes/:id/submit",
    {
      schema: {
        tags,
        security,
        summary: "Submit to legality review; error findings block it (CATALOG_FINDINGS_BLOCK)",
        params: ChangeParams,
        response: { 200: ChangeView, ...refused },
      },
    },
    async (request) => {
      await submitChange(deps, request.actor, { id: request.params.id, requestId: request.id });
      return present(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/catalog/changes/:id/review",
    {
      schema: {
        tags,
        security,
        summary: "Approve or return (with a reason) at the legality or consistency stage",
        params: ChangeParams,
        body: ReviewRequest,
        response: { 200: ChangeView, ...refused },
      },
    },
    async (request) => {
      await reviewChange(deps, request.actor, {
        id: request.params.id,
        decision: request.body.decision,
        reason: request.body.reason ?? null,
        requestId: request.id,
      });
      return present(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/catalog/changes/:id/withdraw",
    {
      schema: {
        tags,
        security,
        summary: "Withdraw a change request before it is published",
        params: ChangeParams,
        response: { 200: ChangeView, ...refused },
      },
    },
    async (request) => {
      await withdrawChange(deps, request.actor, { id: request.params.id, requestId: request.id });
      return present(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/catalog/validate",
    {
      schema: {
        tags,
        security,
        summary: "Validate an item document as the editor types: shape issues, findings, completeness",
        body: ValidateRequest,
        response: { 200: ValidateResponse, ...refused },
      },
    },
    async (request) => {
      authorizeCatalogRead(request.actor);
      return validateForEditor(deps.db, request.body.content);
    },
  );
}
