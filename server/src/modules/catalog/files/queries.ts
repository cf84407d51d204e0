import { sql } from "kysely";
import type { Queryable } from "../../../platform/db/database.ts";
import type { Timestamp } from "../../../platform/db/schema.ts";

/** The catalog_file table (migration 0006): what each uploaded catalog file is. */
export type CatalogFileTables = {
  catalog_file: {
    sha256: string;
    name: string;
    media_type: string;
    size: number;
    uploaded_by: string | null;
    uploaded_at: Timestamp;
  };
};

/** The queryable with this module's table added to the platform's schema. */
export const withCatalogFiles = (q: Queryable) => q.withTables<CatalogFileTables>();

/** What the platform knows about one uploaded file. */
export interface CatalogFileRecord {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** The record of an uploaded file, or undefined when nothing with that SHA-256 was uploaded. */
export async function findCatalogFile(q: Queryable, sha256: string): Promise<CatalogFileRecord | undefined> {
  const row = await withCatalogFiles(q)
    .selectFrom("catalog_file")
    .select(["sha256", "name", "media_type", "size"])
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row && { sha256: row.sha256, name: row.name, mediaType: row.media_type, size: row.size };
}

/** Records an upload; the same bytes uploaded again keep their first record. True when the row is new. */
export async function insertCatalogFile(
  q: Queryable,
  file: CatalogFileRecord & { uploadedBy: string | null },
): Promise<boolean> {
  const inserted = await withCatalogFiles(q)
    .insertInto("catalog_file")
    .values({
      sha256: file.sha256,
      name: file.name,
      media_type: file.mediaType,
      size: file.size,
      uploaded_by: file.uploadedBy,
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .returning("sha256")
    .executeTakeFirst();
  return inserted !== undefined;
}

// Every place ItemContent holds a FileRef (core/src/catalog/item-content.ts). A containment query per
// place, which the GIN index on item.content answers.
const fileRefPlaces = (sha256: string) => [
  { materials: [{ blankForm: { sha256 } }] },
  { materials: [{ sample: { sha256 } }] },
  { result: { sample: { sha256 } } },
];

/** True when the effective content of some active, effective item references the file. */
export async function isReferencedByPublicItem(
  q: Queryable,
  sha256: string,
  today: string,
): Promise<boolean> {
  const row = await q
    .selectFrom("item")
    .select("item.id")
    .where("item.status", "=", "active")
    .where("item.effective_from", "<=", today)
    .where((eb) =>
      eb.or(
        fileRefPlaces(sha256).map((place) => sql<boolean>`item.content @> ${JSON.stringify(place)}::jsonb`),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
