import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { loadCaseFor, loadVisibleCase } from "./guard.ts";
import { attachFile, uploadStep } from "./upload-material.ts";

/** The most files a library answer lists: the newest first. */
export const LIBRARY_LIMIT = 200;

/**
 * An applicant's material library (材料库): the current files of all their cases, one per distinct
 * content (SHA-256), each the most recent use of those bytes, newest first. Superseded files (replaced
 * in a correction, or removed) are left out: they were faulty or withdrawn.
 */
export async function listLibrary(q: Queryable, applicantId: string) {
  const latest = await q
    .selectFrom("case_material as cm")
    .innerJoin("cases as c", "c.id", "cm.case_id")
    .innerJoin("item_version as v", (join) =>
      join.onRef("v.item_id", "=", "c.item_id").onRef("v.version", "=", "c.item_version"),
    )
    .innerJoin("item as i", "i.id", "c.item_id")
    .distinctOn("cm.sha256")
    .select([
      "cm.id",
      "cm.case_id",
      "cm.material_id",
      "cm.sha256",
      "cm.name",
      "cm.media_type",
      "cm.size",
      "cm.uploaded_at",
      "c.number",
      "i.name as item_name",
      // The material's name in the case's pinned version, so "居民身份证" matches across items.
      sql<string | null>`(select m->>'name' from jsonb_array_elements(v.content->'materials') m
        where m->>'id' = cm.material_id limit 1)`.as("material_name"),
    ])
    .where("c.applicant_id", "=", applicantId)
    .where("cm.superseded_at", "is", null)
    .orderBy("cm.sha256")
    .orderBy("cm.uploaded_at", "desc")
    .execute();
  return latest
    .sort((a, b) => new Date(b.uploaded_at).getTime() - new Date(a.uploaded_at).getTime())
    .slice(0, LIBRARY_LIMIT);
}
export type LibraryRow = Awaited<ReturnType<typeof listLibrary>>[number];

/** A library row as the API presents it. */
export function presentLibraryRow(row: LibraryRow) {
  return {
    fileId: row.id,
    caseId: row.case_id,
    caseNumber: row.number,
    itemName: row.item_name,
    materialId: row.material_id,
    materialName: row.material_name ?? row.material_id,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    lastUsedAt: new Date(row.uploaded_at).toISOString(),
  };
}

/**
 * Attaches a file from the applicant's material library to one material of a case (材料复用: what the
 * applicant gave before is not asked for again). The stored bytes are shared by their SHA-256, never
 * copied; the new row supersedes the material's current file, and the step is recorded like an upload.
 * Only the case's own applicant's current files qualify; any other file is reported as missing.
 */
export async function reuseMaterial(
  deps: Deps,
  actor: Actor,
  input: { id: string; materialId: string; fileId: string; requestId?: string },
): Promise<{ id: string }> {
  const current = await loadVisibleCase(deps.db, actor, input.id);
  if (!current.content.materials.some((m) => m.id === input.materialId))
    throw invalid("CASE_MATERIAL_UNKNOWN", "该事项没有这项材料", { materialId: input.materialId });
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, uploadStep(current.status));
    const source = await tx
      .selectFrom("case_material as cm")
      .innerJoin("cases as c", "c.id", "cm.case_id")
      .selectAll("cm")
      .where("cm.id", "=", input.fileId)
      .where("c.applicant_id", "=", row.applicant_id)
      .where("cm.superseded_at", "is", null)
      .executeTakeFirst();
    if (!source || !(await deps.files.has(source.sha256)))
      throw notFound("CASE_FILE_NOT_FOUND", "材料库中没有这份文件");
    return attachFile(deps, tx, actor, row, {
      materialId: input.materialId,
      file: { sha256: source.sha256, name: source.name, mediaType: source.media_type, size: source.size },
      details: { reusedFrom: { fileId: source.id, caseId: source.case_id } },
      requestId: input.requestId,
    });
  });
}
