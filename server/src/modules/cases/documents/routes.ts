import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../../platform/deps.ts";
import { Problem } from "../../../platform/http/problem.ts";
import { loadVisibleCase } from "../guard.ts";
import { renderCaseDocument } from "./case-documents.ts";
import { caseDocumentKinds } from "./kinds.ts";

export const DocumentParams = z.object({ id: z.uuid(), kind: z.enum(caseDocumentKinds) });
const PdfBytes = z.string().meta({ format: "binary", description: "The document as PDF" });

// Inline, so a new tab shows it; the real (Chinese) name as filename* (RFC 5987) with an ASCII fallback.
const disposition = (name: string) =>
  `inline; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** A case's documents as PDF: 受理回执, 补正告知书, 不予受理告知书, 决定书 — for the applicant and staff who may read the case. */
export function caseDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/cases/:id/documents/:kind",
    {
      schema: {
        tags: ["cases"],
        security: [{ session: [] }],
        summary:
          "One document of a case as PDF (acceptance-receipt, correction-notice, refusal-notice, decision), built from " +
          "the case's recorded steps so a reprint is identical; 404 CASE_DOCUMENT_UNAVAILABLE before the step",
        params: DocumentParams,
        produces: ["application/pdf"],
        response: { 200: PdfBytes, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const row = await loadVisibleCase(deps.db, request.actor, request.params.id);
      const document = await renderCaseDocument(deps.db, {
        row,
        kind: request.params.kind,
        publicUrl: deps.config.publicUrl,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", disposition(document.name))
        .header("cache-control", "private, no-store")
        .send(document.bytes as unknown as string);
    },
  );
}
