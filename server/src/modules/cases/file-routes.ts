import type { FastifyError, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { caseFileTypes } from "./case-files.ts";
import { loadVisibleCase } from "./guard.ts";
import { CaseMaterial, CaseParams, FileBytes, FileParams, UploadBody, UploadQuery } from "./schemas.ts";
import { caseFileTooLarge, MAX_CASE_FILE_BYTES, removeMaterial, uploadMaterial } from "./upload-material.ts";

const mediaTypes = [...new Set(Object.values(caseFileTypes).map((type) => type.mediaType))];
const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

// RFC 5987: the real (Chinese) name as filename*, an ASCII fallback for old clients.
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

const isTooLarge = (error: FastifyError) =>
  error.code === "FST_ERR_CTP_BODY_TOO_LARGE" ||
  (error instanceof DomainError && error.code === "CASE_FILE_TOO_LARGE");

/** A case's files: applicants (or the clerk for a walk-in applicant) upload; the applicant and in-scope staff download. */
export async function caseFileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Own scope: every upload body is taken as raw bytes, whatever type the browser labels it with.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if (!isTooLarge(error)) throw error;
      const too = caseFileTooLarge();
      const body: Problem = {
        type: "about:blank",
        title: too.message,
        status: 413,
        code: too.code,
        details: too.details ?? {},
        requestId: request.id,
      };
      return reply.code(413).type("application/problem+json").send(body);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      "/api/cases/:id/materials",
      {
        bodyLimit: MAX_CASE_FILE_BYTES,
        schema: {
          tags: ["cases"],
          security: [{ session: [] }],
          summary:
            "Upload a file for one material (raw body, at most 20 MB): PDF, OFD, JPEG or PNG, checked by its bytes",
          params: CaseParams,
          querystring: UploadQuery,
          consumes: [...mediaTypes, "application/octet-stream"],
          body: UploadBody,
          response: { 201: CaseMaterial, ...refused, 413: Problem },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { id } = await uploadMaterial(deps, request.actor, {
          id: request.params.id,
          materialId: request.query.materialId,
          name: request.query.name,
          bytes,
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
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.delete(
    "/api/cases/:id/materials/:fileId",
    {
      schema: {
        tags: ["cases"],
        security: [{ session: [] }],
        summary: "Remove a file from a draft or a case under correction",
        params: FileParams,
        response: { 204: z.undefined(), ...refused },
      },
    },
    async (request, reply) => {
      await removeMaterial(deps, request.actor, {
        id: request.params.id,
        fileId: request.params.fileId,
        requestId: request.id,
      });
      return reply.code(204).send();
    },
  );

  r.get(
    "/api/cases/:id/materials/:fileId/file",
    {
      schema: {
        tags: ["cases"],
        security: [{ session: [] }],
        summary: "Download a case file (the applicant and in-scope staff only; anyone else gets 404)",
        params: FileParams,
        produces: mediaTypes,
        response: { 200: FileBytes, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const row = await loadVisibleCase(deps.db, request.actor, request.params.id);
      const file = await deps.db
        .selectFrom("case_material")
        .selectAll()
        .where("case_id", "=", row.id)
        .where("id", "=", request.params.fileId)
        .executeTakeFirst();
      const bytes = file ? await deps.files.get(file.sha256) : undefined;
      if (!file || !bytes) throw notFound("CASE_FILE_NOT_FOUND", "文件不存在");
      return reply
        .type(file.media_type)
        .header("content-disposition", disposition(file.name))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as string);
    },
  );
}
