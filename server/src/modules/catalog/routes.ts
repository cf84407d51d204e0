import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { findItem, listDepartments, listItems } from "./queries.ts";
import { DepartmentList, ItemDetail, ItemPage, ItemQuery } from "./schemas.ts";

/** The public read API of the catalog: departments, items, and one item's full guide. */
export function catalogRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalog"];

  r.get(
    "/api/departments",
    { schema: { tags, summary: "Departments with published items", response: { 200: DepartmentList } } },
    async () => ({ items: await listDepartments(deps.db) }),
  );

  r.get(
    "/api/items",
    {
      schema: {
        tags,
        summary: "Service items (政务服务事项), filtered and paged",
        querystring: ItemQuery,
        response: { 200: ItemPage, 400: Problem },
      },
    },
    async (request) => listItems(deps.db, request.query),
  );

  r.get(
    "/api/items/:id",
    {
      schema: {
        tags,
        summary: "One item's guide (办事指南) with every element",
        params: z.object({ id: z.uuid() }),
        response: { 200: ItemDetail, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const item = await findItem(deps.db, request.params.id);
      if (!item) throw notFound("ITEM_NOT_FOUND", "事项不存在或已下线");
      return item;
    },
  );
}
