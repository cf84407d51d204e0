import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { invalid } from "../../../platform/errors.ts";
import { authorize } from "../../identity/policy.ts";
import { cleanFileName, detectCatalogFileType } from "./file-types.ts";
import { insertCatalogFile } from "./queries.ts";

/** The largest blank form or sample accepted: scanned forms fit; videos and archives do not. */
export const MAX_CATALOG_FILE_BYTES = 10 * 1024 * 1024;

/** The error for an upload over the limit, shared with the route that refuses an oversized body. */
export const fileTooLarge = () =>
  invalid("CATALOG_FILE_TOO_LARGE", "文件不能超过 10 MB", { maxBytes: MAX_CATALOG_FILE_BYTES });

/** What a guide stores for an attached file (ItemContent's FileRef). */
export interface FileRef {
  name: string;
  sha256: string;
}

/**
 * Stores a blank form or sample for the catalog and returns the FileRef a draft puts in its content.
 * The bytes go to content-addressed storage first (an orphan left by a failed transaction is harmless
 * and reused by the next upload of the same bytes); the record and its audit row commit together.
 */
export async function uploadCatalogFile(
  deps: Deps,
  actor: Actor,
  input: { name: string; bytes: Uint8Array; requestId?: string },
): Promise<FileRef> {
  authorize(actor, "catalog.draft");
  const name = cleanFileName(input.name);
  if (!name) throw invalid("CATALOG_FILE_NAME", "文件名不能为空且不超过 100 个字符");
  if (input.bytes.byteLength === 0) throw invalid("CATALOG_FILE_EMPTY", "文件内容为空");
  if (input.bytes.byteLength > MAX_CATALOG_FILE_BYTES) throw fileTooLarge();
  const mediaType = detectCatalogFileType(name, input.bytes);
  if (!mediaType) {
    throw invalid(
      "CATALOG_FILE_TYPE",
      "仅支持 PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、JPEG 和 PNG 文件，且文件内容须与扩展名一致",
    );
  }
  const stored = await deps.files.put(input.bytes);
  await deps.db.transaction().execute(async (tx) => {
    const isNew = await insertCatalogFile(tx, {
      sha256: stored.sha256,
      name,
      mediaType,
      size: stored.size,
      uploadedBy: actor.id,
    });
    await recordAudit(tx, actor, {
      action: "catalog.file-uploaded",
      subjectType: "catalog_file",
      subjectId: stored.sha256,
      requestId: input.requestId ?? null,
      details: { name, mediaType, size: stored.size, isNew },
    });
  });
  return { name, sha256: stored.sha256 };
}
