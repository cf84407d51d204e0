import type { CaseAction } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid, notFound } from "../../platform/errors.ts";
import { detectCaseFileType } from "./case-files.ts";
import { loadCaseFor, loadVisibleCase } from "./guard.ts";
import type { CaseRow } from "./queries.ts";
import { recordStep } from "./record-event.ts";
import { caseToday } from "./today.ts";

/** The largest material accepted: a scanned multi-page PDF fits. */
export const MAX_CASE_FILE_BYTES = 20 * 1024 * 1024;

/** The error for an upload over the limit, shared with the route that refuses an oversized body. */
export const caseFileTooLarge = () =>
  invalid("CASE_FILE_TOO_LARGE", "文件不能超过 20 MB", { maxBytes: MAX_CASE_FILE_BYTES });

/** Without folders or control characters, at most 100 characters; empty when nothing usable is left. */
export function cleanName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return printable.length > 100 ? "" : printable;
}

/** The step an upload belongs to: filling in or correcting the application, or supplying 容缺 materials. */
export function uploadStep(status: string): CaseAction {
  return status === "accepted-pending" ? "supply-pending" : "save";
}

/**
 * Stores a file for one material of the case. A new file for a material supersedes the current one
 * (a corrected upload replaces the faulty file; the old row stays for the record).
 */
export async function uploadMaterial(
  deps: Deps,
  actor: Actor,
  input: { id: string; materialId: string; name: string; bytes: Uint8Array; requestId?: string },
): Promise<{ id: string }> {
  const current = await loadVisibleCase(deps.db, actor, input.id);
  const name = cleanName(input.name);
  if (!name) throw invalid("CASE_FILE_NAME", "文件名不能为空且不超过 100 个字符");
  if (input.bytes.byteLength === 0) throw invalid("CASE_FILE_EMPTY", "文件内容为空");
  if (input.bytes.byteLength > MAX_CASE_FILE_BYTES) throw caseFileTooLarge();
  if (!current.content.materials.some((m) => m.id === input.materialId))
    throw invalid("CASE_MATERIAL_UNKNOWN", "该事项没有这项材料", { materialId: input.materialId });
  const mediaType = detectCaseFileType(name, input.bytes);
  if (!mediaType)
    throw invalid("CASE_FILE_TYPE", "仅支持 PDF、OFD、JPEG 和 PNG 文件，且文件内容须与扩展名一致");
  // Content-addressed: an orphan left by a failed transaction is harmless and reused by the next upload.
  const stored = await deps.files.put(input.bytes);
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, uploadStep(current.status));
    return attachFile(deps, tx, actor, row, {
      materialId: input.materialId,
      file: { sha256: stored.sha256, name, mediaType, size: stored.size },
      requestId: input.requestId,
    });
  });
}

/**
 * Makes a stored file the current one of a material: supersedes the material's current file (the
 * old row stays for the record) and records the upload step, in the caller's transaction.
 */
export async function attachFile(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  input: {
    materialId: string;
    file: { sha256: string; name: string; mediaType: string; size: number };
    details?: Record<string, unknown>;
    requestId?: string | undefined;
  },
): Promise<{ id: string }> {
  const { file } = input;
  const now = new Date();
  await tx
    .updateTable("case_material")
    .set({ superseded_at: now })
    .where("case_id", "=", row.id)
    .where("material_id", "=", input.materialId)
    .where("superseded_at", "is", null)
    .execute();
  const inserted = await tx
    .insertInto("case_material")
    .values({
      case_id: row.id,
      material_id: input.materialId,
      sha256: file.sha256,
      name: file.name,
      media_type: file.mediaType,
      size: file.size,
      uploaded_by: actor.id,
      uploaded_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordStep(deps, tx, actor, row, {
    action: "upload",
    to: row.status,
    today: caseToday(),
    requestId: input.requestId,
    details: {
      materialId: input.materialId,
      fileId: inserted.id,
      name: file.name,
      mediaType: file.mediaType,
      size: file.size,
      ...input.details,
    },
    quiet: true,
  });
  return { id: inserted.id };
}

/** Removes a file from a draft or a case under correction (the row is kept, marked superseded). */
export async function removeMaterial(
  deps: Deps,
  actor: Actor,
  input: { id: string; fileId: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, "save");
    const removed = await tx
      .updateTable("case_material")
      .set({ superseded_at: new Date() })
      .where("case_id", "=", row.id)
      .where("id", "=", input.fileId)
      .where("superseded_at", "is", null)
      .returning(["material_id"])
      .executeTakeFirst();
    if (!removed) throw notFound("CASE_FILE_NOT_FOUND", "文件不存在或已被替换");
    await recordStep(deps, tx, actor, row, {
      action: "remove-file",
      to: row.status,
      today: caseToday(),
      requestId: input.requestId,
      details: { materialId: removed.material_id, fileId: input.fileId },
      quiet: true,
    });
  });
}
