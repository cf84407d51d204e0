import type { FastifyError, FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../../../platform/deps.ts";
import { DomainError } from "../../../platform/errors.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { catalogFileTypes } from "./file-types.ts";
import { openCatalogFile } from "./open-file.ts";
import { CatalogFileRef, DownloadQuery, FileBytes, FileParams, UploadBody, UploadQuery } from "./schemas.ts";
import { fileTooLarge, MAX_CATALOG_FILE_BYTES, uploadCatalogFile } from "./upload-file.ts";

const mediaTypes = [...new Set(Object.values(catalogFileTypes).map((type) => type.mediaType))];

// RFC 5987 attr-char: encodeURIComponent leaves ' ( ) * ! unescaped, and the first three are not allowed.
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with an ASCII fallback name for old clients and the real (Chinese) name as the RFC 5987
 * `filename*`, which every current browser prefers.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}

// The body limit stops an oversized upload before it is read; answer it with the catalog's own code.
const isTooLarge = (error: FastifyError) =>
  error.code === "FST_ERR_CTP_BODY_TOO_LARGE" ||
  (error instanceof DomainError && error.code === "CATALOG_FILE_TOO_LARGE");

/** Catalog files: editors upload blank forms and samples; the public downloads what guides offer. */
export async function catalogFileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  // Own scope: every upload body is taken as raw bytes, whatever type the browser labels it with.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      // Anything else goes on to the platform's problem mapper.
      if (!isTooLarge(error)) throw error;
      const refused = fileTooLarge();
      const body: Problem = {
        type: "about:blank",
        title: refused.message,
        status: 413,
        code: refused.code,
        details: refused.details ?? {},
        requestId: request.id,
      };
      return reply.code(413).type("application/problem+json").send(body);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      "/api/admin/catalog/files",
      {
        bodyLimit: MAX_CATALOG_FILE_BYTES,
        schema: {
          tags: ["catalog-admin"],
          security: [{ session: [] }],
          summary:
            "Upload a blank form or sample (raw request body, at most 10 MB): PDF, Word, Excel, JPEG or " +
            "PNG, checked by its first bytes; returns the FileRef to put in a draft's content",
          querystring: UploadQuery,
          consumes: [...mediaTypes, "application/octet-stream"],
          body: UploadBody,
          response: { 201: CatalogFileRef, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
        },
      },
      async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const ref = await uploadCatalogFile(deps, request.actor, {
          name: request.query.name,
          bytes: body,
          requestId: request.id,
        });
        return reply.code(201).send(ref);
      },
    );

    r.get(
      "/api/catalog/files/:sha256",
      {
        schema: {
          tags: ["catalog"],
          summary:
            "Download a file a published guide offers (blank form, sample); catalog editors and reviewers " +
            "may also download any upload (drafts). Anything else is 404",
          params: FileParams,
          querystring: DownloadQuery,
          produces: mediaTypes,
          response: { 200: FileBytes, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        const file = await openCatalogFile(deps, request.actor, {
          sha256: request.params.sha256,
          name: request.query.name,
        });
        const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
        return (
          reply
            .type(file.mediaType)
            .header("content-disposition", attachmentDisposition(file.fileName))
            // A public file can stop being public (the item is cancelled), so caches keep it briefly;
            // a draft's file is for its editor only.
            .header("cache-control", file.isPublic ? "public, max-age=3600" : "private, no-store")
            .send(bytes as unknown as string)
        );
      },
    );
  });
}
