import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { createStaff, listStaff, resetSecondFactor, updateStaff } from "./manage-staff.ts";
import { NewStaff, StaffChanges, StaffMember } from "./schemas.ts";

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Administrators manage staff accounts in their region: roles, placement, status, second factor. */
export function staffRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["staff"];
  const security = [{ session: [] }];

  r.get(
    "/api/admin/staff",
    {
      schema: {
        tags,
        security,
        summary: "Staff accounts in your region",
        querystring: z.object({ q: z.string().max(50).optional() }),
        response: { 200: z.object({ items: z.array(StaffMember) }), ...errors },
      },
    },
    async (request) => ({ items: await listStaff(deps, request.actor, request.query) }),
  );

  r.post(
    "/api/admin/staff",
    {
      schema: {
        tags,
        security,
        summary: "Create a staff account (the temporary password is shown once)",
        body: NewStaff,
        response: { 201: z.object({ id: z.uuid(), temporaryPassword: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createStaff(deps, request.actor, { ...request.body, requestId: request.id })),
  );

  r.patch(
    "/api/admin/staff/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change roles, placement, name or status",
        params: z.object({ id: z.uuid() }),
        body: StaffChanges,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await updateStaff(deps, request.actor, {
        id: request.params.id,
        ...request.body,
        requestId: request.id,
      });
      return reply.code(204).send();
    },
  );

  r.post(
    "/api/admin/staff/:id/reset-second-factor",
    {
      schema: {
        tags,
        security,
        summary: "Clear a lost authenticator",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await resetSecondFactor(deps, request.actor, { id: request.params.id, requestId: request.id });
      return reply.code(204).send();
    },
  );
}
