import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { createDepartment } from "./create-department.ts";
import { createRegion } from "./create-region.ts";
import { delegationRoutes } from "./delegation-routes.ts";
import { deleteRegion } from "./delete-region.ts";
import { importRoutes } from "./import-routes.ts";
import { placeRoutes } from "./place-routes.ts";
import { canCreate, presentDepartment, presentRegion } from "./present.ts";
import { findDepartment, findRegion, listDepartments, listRegions } from "./queries.ts";
import { todayInShanghai } from "./rules.ts";
import {
  CreateDepartmentRequest,
  CreateRegionRequest,
  DepartmentList,
  DepartmentQuery,
  DepartmentView,
  Region,
  RegionCode,
  RegionList,
  UpdateDepartmentRequest,
  UpdateRegionRequest,
} from "./schemas.ts";
import { updateDepartment } from "./update-department.ts";
import { updateRegion } from "./update-region.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/**
 * Organisations: regions, departments, service places and their windows, delegation (委托受理), and
 * import/export. Any staff member reads regions and departments; administrators manage their region.
 */
export function organisationRoutes(app: FastifyInstance, deps: Deps): void {
  regionRoutes(app, deps);
  departmentRoutes(app, deps);
  placeRoutes(app, deps);
  delegationRoutes(app, deps);
  importRoutes(app, deps);
}

async function presentRegionByCode(deps: Deps, actor: Actor, code: string) {
  const row = await findRegion(deps.db, code);
  if (!row) throw notFound("REGION_NOT_FOUND", "区划不存在");
  return presentRegion(actor, row, todayInShanghai());
}

function regionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const security = [{ session: [] }];

  r.get(
    "/api/admin/regions",
    {
      schema: {
        tags,
        security,
        summary: "The region tree (行政区划), parents first, with what the actor may do with each",
        response: { 200: RegionList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "organisation.read");
      const today = todayInShanghai();
      return { items: (await listRegions(deps.db)).map((row) => presentRegion(request.actor, row, today)) };
    },
  );

  r.post(
    "/api/admin/regions",
    {
      schema: {
        tags,
        security,
        summary: "Add a region under its parent (the code must extend the parent's prefix)",
        body: CreateRegionRequest,
        response: { 201: Region, ...refused },
      },
    },
    async (request, reply) => {
      const code = await createRegion(deps, request.actor, { ...request.body, requestId: request.id });
      return reply.code(201).send(await presentRegionByCode(deps, request.actor, code));
    },
  );

  r.patch(
    "/api/admin/regions/:code",
    {
      schema: {
        tags,
        security,
        summary: "Rename a region or set its validity (abolish with validTo; codes never change)",
        params: z.object({ code: RegionCode }),
        body: UpdateRegionRequest,
        response: { 200: Region, ...refused },
      },
    },
    async (request) => {
      await updateRegion(deps, request.actor, {
        ...request.body,
        code: request.params.code,
        requestId: request.id,
      });
      return presentRegionByCode(deps, request.actor, request.params.code);
    },
  );

  r.delete(
    "/api/admin/regions/:code",
    {
      schema: {
        tags,
        security,
        summary: "Delete a region entered by mistake; refused (409) while anything references it",
        params: z.object({ code: RegionCode }),
        response: { 204: z.undefined(), ...refused },
      },
    },
    async (request, reply) => {
      await deleteRegion(deps, request.actor, { code: request.params.code, requestId: request.id });
      return reply.code(204).send();
    },
  );
}

function departmentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const security = [{ session: [] }];

  const presentById = async (actor: Actor, id: string) => {
    const row = await findDepartment(deps.db, id);
    if (!row) throw notFound("DEPARTMENT_NOT_FOUND", "部门不存在");
    return presentDepartment(actor, row);
  };

  r.get(
    "/api/admin/departments",
    {
      schema: {
        tags,
        security,
        summary: "Departments with their regions and credit codes, searchable",
        querystring: DepartmentQuery,
        response: { 200: DepartmentList, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "organisation.read");
      const rows = await listDepartments(deps.db, request.query);
      return {
        items: rows.map((row) => presentDepartment(request.actor, row)),
        abilities: { create: canCreate(request.actor) },
      };
    },
  );

  r.post(
    "/api/admin/departments",
    {
      schema: {
        tags,
        security,
        summary: "Add a department (统一社会信用代码 checked against GB 32100)",
        body: CreateDepartmentRequest,
        response: { 201: DepartmentView, ...refused },
      },
    },
    async (request, reply) => {
      const id = await createDepartment(deps, request.actor, { ...request.body, requestId: request.id });
      return reply.code(201).send(await presentById(request.actor, id));
    },
  );

  r.patch(
    "/api/admin/departments/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a department",
        params: z.object({ id: z.uuid() }),
        body: UpdateDepartmentRequest,
        response: { 200: DepartmentView, ...refused },
      },
    },
    async (request) => {
      await updateDepartment(deps, request.actor, {
        ...request.body,
        id: request.params.id,
        requestId: request.id,
      });
      return presentById(request.actor, request.params.id);
    },
  );
}
