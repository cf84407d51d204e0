import { can, diffContent } from "@tongban/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import { authorizeCatalogRead, hideOutsideScope, itemAbilities } from "./admin-present.ts";
import { findItemScope, findVersion, listAdminItems, listVersions, pendingChanges } from "./admin-queries.ts";
import {
  AdminItemPage,
  AdminItemQuery,
  AdminItemView,
  DiffQuery,
  DiffView,
  ItemVersionView,
} from "./admin-schemas.ts";
import { changeRoutes } from "./change-routes.ts";
import { findItem } from "./queries.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const ItemParams = z.object({ id: z.uuid() });

/** Staff catalog: items with their version history and diffs, and the governed change requests. */
export function adminCatalogRoutes(app: FastifyInstance, deps: Deps): void {
  itemRoutes(app, deps);
  changeRoutes(app, deps);
}

function itemRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalog-admin"];
  const security = [{ session: [] }];

  const loadVisible = async (actor: Parameters<typeof hideOutsideScope>[0], id: string) => {
    authorizeCatalogRead(actor);
    const scope = await findItemScope(deps.db, id);
    hideOutsideScope(actor, scope, "ITEM_NOT_FOUND");
    return scope;
  };

  r.get(
    "/api/admin/catalog/items",
    {
      schema: {
        tags,
        security,
        summary: "Items in the actor's region with version, status, open change and completeness",
        querystring: AdminItemQuery,
        response: { 200: AdminItemPage, ...refused },
      },
    },
    async (request) => {
      const { actor } = request;
      authorizeCatalogRead(actor);
      const page = await listAdminItems(deps.db, actor, request.query);
      const create =
        actor.regionCode !== null && can(actor, "catalog.draft", { regionCode: actor.regionCode });
      return { ...page, abilities: { create } };
    },
  );

  r.get(
    "/api/admin/catalog/items/:id",
    {
      schema: {
        tags,
        security,
        summary: "One item (any status) with every published version and who approved it",
        params: ItemParams,
        response: { 200: AdminItemView, ...refused },
      },
    },
    async (request) => {
      const scope = await loadVisible(request.actor, request.params.id);
      const item = await findItem(deps.db, scope.id, { today: todayInShanghai(), anyStatus: true });
      if (!item) throw notFound("ITEM_NOT_FOUND", "事项不存在");
      const pending = (await pendingChanges(deps.db, [scope.id])).get(scope.id) ?? null;
      return {
        item,
        pendingChange: pending,
        versions: await listVersions(deps.db, scope.id),
        abilities: itemAbilities(request.actor, scope, pending !== null),
      };
    },
  );

  r.get(
    "/api/admin/catalog/items/:id/versions/:version",
    {
      schema: {
        tags,
        security,
        summary: "One published version's document",
        params: z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) }),
        response: { 200: ItemVersionView, ...refused },
      },
    },
    async (request) => {
      await loadVisible(request.actor, request.params.id);
      const version = await findVersion(deps.db, request.params.id, request.params.version);
      if (!version) throw notFound("ITEM_VERSION_NOT_FOUND", "该版本不存在");
      return version;
    },
  );

  r.get(
    "/api/admin/catalog/items/:id/diff",
    {
      schema: {
        tags,
        security,
        summary: "What changed between two published versions, element by element",
        params: ItemParams,
        querystring: DiffQuery,
        response: { 200: DiffView, ...refused },
      },
    },
    async (request) => {
      await loadVisible(request.actor, request.params.id);
      const { from, to } = request.query;
      const [before, after] = await Promise.all([
        findVersion(deps.db, request.params.id, from),
        findVersion(deps.db, request.params.id, to),
      ]);
      if (!before || !after) throw notFound("ITEM_VERSION_NOT_FOUND", "该版本不存在");
      return { from, to, changes: diffContent(before.content, after.content) };
    },
  );
}
