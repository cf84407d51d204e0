import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../platform/deps.ts";
import { forbidden, unauthenticated } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { loadVisibleCase, scopeOf } from "./guard.ts";
import { listLibrary, presentLibraryRow, reuseMaterial } from "./material-library.ts";
import { isApplicant, mayTake } from "./policy.ts";
import { reassignOptions } from "./reassign-case.ts";
import { MaterialLibrary, ReassignTargets, ReuseParams, ReuseRequest } from "./routing-schemas.ts";
import { CaseMaterial, CaseParams } from "./schemas.ts";
import { caseToday } from "./today.ts";
import { uploadStep } from "./upload-material.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** The material library (材料库) and its reuse, and the places and departments a case may be sent to (转办). */
export function routingRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];

  r.get(
    "/api/account/materials",
    {
      schema: {
        tags: ["cases"],
        security,
        summary:
          "The signed-in applicant's material library (or the company's they act for): current files of " +
          "all their cases, one per SHA-256, newest first",
        response: { 200: MaterialLibrary, 401: Problem },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (actor.kind !== "citizen" && actor.kind !== "company")
        throw unauthenticated("UNAUTHENTICATED", "请以申请人身份登录");
      const rows = await listLibrary(deps.db, actor.actingFor?.id ?? (actor.id as string));
      return { items: rows.map(presentLibraryRow) };
    },
  );

  r.get(
    "/api/cases/:id/library",
    {
      schema: {
        tags: ["cases"],
        security,
        summary:
          "The material library of the case's applicant, for whoever may add files to the case now: the " +
          "applicant, or the window clerk filing it for them (case.intake scope)",
        params: CaseParams,
        response: { 200: MaterialLibrary, ...refused },
      },
    },
    async (request) => {
      const row = await loadVisibleCase(deps.db, request.actor, request.params.id);
      const scope = scopeOf(row);
      if (!isApplicant(request.actor, scope) && !mayTake(request.actor, scope, uploadStep(row.status)))
        throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
      const rows = await listLibrary(deps.db, row.applicant_id);
      return { items: rows.map(presentLibraryRow) };
    },
  );

  r.post(
    "/api/cases/:id/materials/:materialId/reuse",
    {
      schema: {
        tags: ["cases"],
        security,
        summary:
          "Attach a file from the applicant's material library to one material (the same stored bytes, " +
          "recorded like an upload); a file that is not the applicant's is 404",
        params: ReuseParams,
        body: ReuseRequest,
        response: { 201: CaseMaterial, ...refused },
      },
    },
    async (request, reply) => {
      const { id } = await reuseMaterial(deps, request.actor, {
        id: request.params.id,
        materialId: request.params.materialId,
        fileId: request.body.fileId,
        requestId: request.id,
      });
      const row = await deps.db
        .selectFrom("case_material")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return reply.code(201).send({
        id: row.id,
        materialId: row.material_id,
        name: row.name,
        mediaType: row.media_type,
        size: row.size,
        sha256: row.sha256,
        uploadedAt: new Date(row.uploaded_at).toISOString(),
      });
    },
  );

  r.get(
    "/api/workbench/cases/:id/reassign-targets",
    {
      schema: {
        tags: ["workbench"],
        security,
        summary:
          "Where the actor may send the case (转办): its implementing department, 政务服务中心 on the " +
          "item's line and places the item is delegated to, within the actor's scope",
        params: CaseParams,
        response: { 200: ReassignTargets, ...refused },
      },
    },
    async (request) => {
      const row = await loadVisibleCase(deps.db, request.actor, request.params.id);
      if (!mayTake(request.actor, scopeOf(row), "reassign"))
        throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
      return { items: await reassignOptions(deps.db, request.actor, row, caseToday()) };
    },
  );
}
