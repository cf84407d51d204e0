import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import { adminCatalogRoutes } from "./admin-routes.ts";
import { catalogFacets, findItem, listDepartments, listItems } from "./queries.ts";
import { CatalogFacets, DepartmentList, ItemDetail, ItemPage, ItemQuery } from "./schemas.ts";

/**
 * The catalog: the public read API (departments, items, one item's full guide, browse facets), which
 * other systems use too, and the staff's governed changes under /api/admin/catalog.
 */
export function catalogRoutes(app: FastifyInstance, deps: Deps): void {
  publicCatalogRoutes(app, deps);
  adminCatalogRoutes(app, deps);
}

function publicCatalogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalog"];

  r.get(
    "/api/departments",
    { schema: { tags, summary: "Departments with published items", response: { 200: DepartmentList } } },
    async () => ({ items: await listDepartments(deps.db, todayInShanghai()) }),
  );

  r.get(
    "/api/items",
    {
      schema: {
        tags,
        summary: "Service items (政务服务事项) in effect, filtered and paged, with the total",
        querystring: ItemQuery,
        response: { 200: ItemPage, 400: Problem },
      },
    },
    async (request) => listItems(deps.db, request.query, todayInShanghai()),
  );

  r.get(
    "/api/items/:id",
    {
      schema: {
        tags,
        summary: "One item's guide (办事指南) with every element, its licences, windows and delegations",
        params: z.object({ id: z.uuid() }),
        response: { 200: ItemDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const item = await findItem(deps.db, request.params.id, { today: todayInShanghai() });
      if (!item) throw notFound("ITEM_NOT_FOUND", "事项不存在或已下线");
      return item;
    },
  );

  r.get(
    "/api/catalog/facets",
    {
      schema: {
        tags,
        summary: "Item counts by department, theme, feature tag and type, for browsing",
        response: { 200: CatalogFacets },
      },
    },
    async () => catalogFacets(deps.db, todayInShanghai()),
  );
}
