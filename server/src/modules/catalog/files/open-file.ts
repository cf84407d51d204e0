import { can } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import type { Deps } from "../../../platform/deps.ts";
import { notFound } from "../../../platform/errors.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import { cleanFileName, mediaTypeOfName } from "./file-types.ts";
import { findCatalogFile, isReferencedByPublicItem } from "./queries.ts";

/** A catalog file ready to send: its bytes, type, the name to save it under, and who may cache it. */
export interface OpenedFile {
  bytes: Uint8Array;
  mediaType: string;
  fileName: string;
  isPublic: boolean;
}

// Refused and missing look the same, so nobody learns which drafts carry which files.
const missing = () => notFound("CATALOG_FILE_NOT_FOUND", "文件不存在");

/**
 * A guide may name the same bytes differently, so the link carries the name; it is used only when its
 * extension stands for the recorded type (a link must not save a vetted PDF as "x.html" or "x.exe").
 */
function downloadName(requested: string | undefined, record: { name: string; mediaType: string }) {
  const name = requested === undefined ? "" : cleanFileName(requested);
  return name && mediaTypeOfName(name) === record.mediaType ? name : record.name;
}

// Editors preview what they attach; both reviewers must see a draft's forms before approving them.
const mayPreview = (actor: Actor) =>
  can(actor, "catalog.draft") ||
  can(actor, "catalog.legality-review") ||
  can(actor, "catalog.consistency-review");

/**
 * Opens a catalog file for download. The public gets a file only while the effective content of an
 * active item references it; catalog editors and reviewers may open any upload (to preview drafts).
 * Everyone else, and anything not uploaded, gets CATALOG_FILE_NOT_FOUND.
 */
export async function openCatalogFile(
  deps: Deps,
  actor: Actor,
  input: { sha256: string; name?: string | undefined },
): Promise<OpenedFile> {
  const record = await findCatalogFile(deps.db, input.sha256);
  if (!record) throw missing();
  const isPublic = await isReferencedByPublicItem(deps.db, input.sha256, todayInShanghai());
  if (!isPublic && !mayPreview(actor)) throw missing();
  const bytes = await deps.files.get(input.sha256);
  if (!bytes) {
    deps.log.error({ sha256: input.sha256 }, "catalog file recorded but missing from file storage");
    throw missing();
  }
  return { bytes, mediaType: record.mediaType, fileName: downloadName(input.name, record), isPublic };
}
