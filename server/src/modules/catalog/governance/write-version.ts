import type { ItemContent } from "@tongban/core";
import type { Tx } from "../../../platform/db/database.ts";

/**
 * Records a published version of an item: the immutable item_version row and, for a new 基本编码,
 * its basic catalog entry. The one place publication writes them, for review and for the demo seed.
 */
export async function writeVersion(
  tx: Tx,
  input: {
    itemId: string;
    version: number;
    content: ItemContent;
    effectiveFrom: string;
    // Left out by the demo seed, which the platform loads without a change request or reviewer.
    changeRequestId?: string;
    publishedAt?: Date;
    publishedBy?: string | null;
  },
): Promise<void> {
  const { content } = input;
  await tx
    .insertInto("item_version")
    .values({
      item_id: input.itemId,
      version: input.version,
      content: JSON.stringify(content),
      effective_from: input.effectiveFrom,
      change_request_id: input.changeRequestId,
      published_at: input.publishedAt,
      published_by: input.publishedBy,
    })
    .execute();
  // 基本目录: the first publication of a 基本编码 fixes what its implementations share ("四级四同").
  await tx
    .insertInto("basic_item")
    .values({
      basic_code: content.basicCode,
      name: content.name,
      type: content.type,
      legal_basis: JSON.stringify(content.legalBasis),
    })
    .onConflict((oc) => oc.column("basic_code").doNothing())
    .execute();
}
