import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import { createPlace } from "./create-place.ts";
import { createWindow } from "./create-window.ts";
import { canCreate, canManage, presentPlace, presentPlaceSummary } from "./present.ts";
import { findPlace, listPlaceOptions, listPlaces, listWindows } from "./queries.ts";
import {
  CreatePlaceRequest,
  CreateWindowRequest,
  PlaceDetail,
  PlaceOptions,
  PlacePage,
  PlaceQuery,
  UpdatePlaceRequest,
  UpdateWindowRequest,
} from "./schemas.ts";
import { updatePlace } from "./update-place.ts";
import { updateWindow } from "./update-window.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Service places (政务服务场所) and their windows, managed within the administrator's region. */
export function placeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const security = [{ session: [] }];

  /** A place with its windows; outside the actor's region it looks the same as a missing one. */
  const presentById = async (actor: Actor, id: string) => {
    const missing = notFound("PLACE_NOT_FOUND", "场所不存在");
    const row = await findPlace(deps.db, id);
    if (!row) throw missing;
    hideUnlessAllowed(actor, "organisation.manage", { regionCode: row.region_code }, missing);
    return presentPlace(actor, row, await listWindows(deps.db, id));
  };

  r.get(
    "/api/admin/places",
    {
      schema: {
        tags,
        security,
        summary: "Service places inside the administrator's region, searchable and paged",
        querystring: PlaceQuery,
        response: { 200: PlacePage, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { actor } = request;
      authorize(actor, "organisation.manage");
      if (actor.regionCode === null) {
        return {
          total: 0,
          page: request.query.page,
          pageSize: request.query.pageSize,
          items: [],
          abilities: { create: false },
        };
      }
      const { total, rows } = await listPlaces(deps.db, request.query, actor.regionCode);
      return {
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        // The SQL scope already narrowed the rows; the policy still has the last word on each.
        items: rows
          .filter((row) => canManage(actor, row.region_code))
          .map((row) => presentPlaceSummary(actor, row)),
        abilities: { create: canCreate(actor) },
      };
    },
  );

  r.get(
    "/api/admin/place-options",
    {
      schema: {
        tags,
        security,
        summary: "Every service place in short form, for pickers (any staff member)",
        response: { 200: PlaceOptions, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "organisation.read");
      const rows = await listPlaceOptions(deps.db);
      return {
        items: rows.map((p) => ({ id: p.id, name: p.name, kind: p.kind, regionCode: p.region_code })),
      };
    },
  );

  r.get(
    "/api/admin/places/:id",
    {
      schema: {
        tags,
        security,
        summary: "One place with its opening hours and windows",
        params: z.object({ id: z.uuid() }),
        response: { 200: PlaceDetail, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "organisation.manage");
      return presentById(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/places",
    {
      schema: {
        tags,
        security,
        summary: "Open a service place; its name must end with the standard suffix for its region's level",
        body: CreatePlaceRequest,
        response: { 201: PlaceDetail, ...refused },
      },
    },
    async (request, reply) => {
      const id = await createPlace(deps, request.actor, { ...request.body, requestId: request.id });
      return reply.code(201).send(await presentById(request.actor, id));
    },
  );

  r.patch(
    "/api/admin/places/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a place",
        params: z.object({ id: z.uuid() }),
        body: UpdatePlaceRequest,
        response: { 200: PlaceDetail, ...refused },
      },
    },
    async (request) => {
      await updatePlace(deps, request.actor, {
        ...request.body,
        id: request.params.id,
        requestId: request.id,
      });
      return presentById(request.actor, request.params.id);
    },
  );

  r.post(
    "/api/admin/places/:id/windows",
    {
      schema: {
        tags,
        security,
        summary: "Add a window to a place",
        params: z.object({ id: z.uuid() }),
        body: CreateWindowRequest,
        response: { 201: PlaceDetail, ...refused },
      },
    },
    async (request, reply) => {
      await createWindow(deps, request.actor, {
        ...request.body,
        placeId: request.params.id,
        requestId: request.id,
      });
      return reply.code(201).send(await presentById(request.actor, request.params.id));
    },
  );

  r.patch(
    "/api/admin/places/:id/windows/:windowId",
    {
      schema: {
        tags,
        security,
        summary: "Change a window (deactivate with isActive: false; windows are never deleted)",
        params: z.object({ id: z.uuid(), windowId: z.uuid() }),
        body: UpdateWindowRequest,
        response: { 200: PlaceDetail, ...refused },
      },
    },
    async (request) => {
      const { id, windowId } = request.params;
      await updateWindow(deps, request.actor, {
        ...request.body,
        placeId: id,
        windowId,
        requestId: request.id,
      });
      return presentById(request.actor, id);
    },
  );
}
