import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { conflict } from "../../../platform/errors.ts";
import { itemColumns, parseContent } from "../item-row.ts";
import { writeVersion } from "./write-version.ts";

/**
 * Publishes an approved change inside the caller's transaction: the item row, a new immutable
 * item_version, the basic catalog entry for a new 基本编码, and the audit record. Idempotent: a change
 * already published (or withdrawn meanwhile) is left alone, so a retried job changes nothing.
 * Returns the published version, or null when there was nothing to do.
 */
export async function publishChange(tx: Tx, actor: Actor, changeId: string): Promise<number | null> {
  const change = await tx
    .selectFrom("change_request")
    .selectAll()
    .where("id", "=", changeId)
    .forUpdate()
    .executeTakeFirst();
  if (!change || (change.status !== "consistency-review" && change.status !== "scheduled")) return null;
  const approval = await tx
    .selectFrom("change_review")
    .select("reviewer_id")
    .where("change_request_id", "=", change.id)
    .where("stage", "=", "consistency")
    .where("decision", "=", "approve")
    .orderBy("decided_at", "desc")
    .executeTakeFirst();
  const publishedBy = approval?.reviewer_id ?? null;
  const now = new Date();
  let itemId = change.item_id;
  let version: number | null = null;
  if (change.kind === "cancel") {
    await tx
      .updateTable("item")
      .set({ status: "cancelled", updated_at: now })
      .where("id", "=", change.item_id as string)
      .execute();
  } else {
    const content = parseContent(change.content);
    const columns = itemColumns(content, change.region_code);
    if (change.kind === "create") {
      const row = await tx
        .insertInto("item")
        .values({
          ref: change.ref ?? content.implementationCode.toLowerCase(),
          ...columns,
          version: 1,
          status: "active",
          effective_from: change.effective_from,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      itemId = row.id;
      version = 1;
    } else {
      const item = await tx
        .selectFrom("item")
        .select(["id", "version"])
        .where("id", "=", change.item_id as string)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // One open change per item makes this unreachable in practice; it guards against lost updates.
      if (item.version !== change.base_version)
        throw conflict("CATALOG_BASE_OUTDATED", `变更申请 ${change.number} 所依据的版本已不是现行版本`);
      version = item.version + 1;
      await tx
        .updateTable("item")
        .set({ ...columns, version, effective_from: change.effective_from, updated_at: now })
        .where("id", "=", item.id)
        .execute();
    }
    await writeVersion(tx, {
      itemId: itemId as string,
      version,
      content,
      effectiveFrom: change.effective_from,
      changeRequestId: change.id,
      publishedAt: now,
      publishedBy,
    });
  }
  await tx
    .updateTable("change_request")
    .set({
      status: "published",
      published_at: now,
      published_version: version,
      item_id: itemId,
      updated_at: now,
    })
    .where("id", "=", change.id)
    .execute();
  await recordAudit(tx, actor, {
    action: "catalog.change-published",
    subjectType: "change_request",
    subjectId: change.id,
    details: {
      number: change.number,
      kind: change.kind,
      itemId,
      version,
      effectiveFrom: change.effective_from,
      publishedBy,
    },
  });
  return version;
}
