import { completeness, regionPrefix } from "@tongban/core";
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { AdminItemQuery, ChangeQuery, CompletenessBand } from "./admin-schemas.ts";
import { openStatuses } from "./governance/lifecycle.ts";
import { parseContent } from "./item-row.ts";
import { likeWords } from "./queries.ts";

/** The region prefix an actor's catalog lists are limited to; staff without a region see nothing. */
const scopePattern = (actor: Actor) => (actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : "\u0000");

/** The stored score's bounds for each completeness band the list filters by. */
const completenessBands = {
  "below-60": { below: 60 },
  "below-80": { below: 80 },
  complete: { atLeast: 100 },
} as const satisfies Record<CompletenessBand, { below?: number; atLeast?: number }>;

/**
 * One page of items in the actor's region, with each one's open change and completeness score. Every
 * filter is SQL, so `total` and the pages count the filtered catalog, not one page of it.
 */
export async function listAdminItems(q: Queryable, actor: Actor, query: AdminItemQuery) {
  let base = q
    .selectFrom("item")
    .innerJoin("department", "department.id", "item.department_id")
    .where("item.region_code", "like", scopePattern(actor));
  if (query.q) base = base.where("item.name", "ilike", likeWords(query.q));
  if (query.department) base = base.where("item.department_id", "=", query.department);
  if (query.status) base = base.where("item.status", "=", query.status);
  if (query.completeness) {
    const band: { below?: number; atLeast?: number } = completenessBands[query.completeness];
    if (band.below !== undefined) base = base.where("item.completeness", "<", band.below);
    if (band.atLeast !== undefined) base = base.where("item.completeness", ">=", band.atLeast);
  }
  if (query.pending) {
    const wanted = query.pending === "true";
    base = base.where(({ exists, not, selectFrom }) => {
      const open = exists(
        selectFrom("change_request")
          .select("change_request.id")
          .whereRef("change_request.item_id", "=", "item.id")
          .where("change_request.status", "in", openStatuses),
      );
      return wanted ? open : not(open);
    });
  }
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    base
      .select([
        "item.id",
        "item.ref",
        "item.name",
        "item.version",
        "item.status",
        "item.effective_from",
        "item.completeness",
        // Only a row the start-up backfill has not scored yet needs its document read.
        sql<unknown>`CASE WHEN item.completeness IS NULL THEN item.content END`.as("unscored_content"),
        "department.id as department_id",
        "department.name as department_name",
      ])
      .orderBy("department.name")
      .orderBy("item.name")
      .orderBy("item.id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const pending = await pendingChanges(
    q,
    rows.map((r) => r.id),
  );
  return {
    total: count.n,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      name: r.name,
      department: { id: r.department_id, name: r.department_name },
      version: r.version,
      status: r.status,
      effectiveFrom: r.effective_from,
      pendingChange: pending.get(r.id) ?? null,
      completeness: r.completeness ?? completeness(parseContent(r.unscored_content)).score,
    })),
  };
}

/** The open change of each item, if any (at most one per item). */
export async function pendingChanges(q: Queryable, itemIds: readonly string[]) {
  if (itemIds.length === 0) return new Map();
  const rows = await q
    .selectFrom("change_request")
    .select(["id", "number", "kind", "status", "item_id"])
    .where("item_id", "in", itemIds)
    .where("status", "in", openStatuses)
    .execute();
  return new Map(
    rows.map((r) => [r.item_id as string, { id: r.id, number: r.number, kind: r.kind, status: r.status }]),
  );
}

/** Every published version of an item, with who published it and who approved what. */
export async function listVersions(q: Queryable, itemId: string) {
  const versions = await q
    .selectFrom("item_version")
    .leftJoin("account", "account.id", "item_version.published_by")
    .select([
      "item_version.version",
      "item_version.effective_from",
      "item_version.published_at",
      "item_version.change_request_id",
      "account.id as publisher_id",
      "account.display_name as publisher_name",
    ])
    .where("item_version.item_id", "=", itemId)
    .orderBy("item_version.version", "desc")
    .execute();
  const changeIds = versions.flatMap((v) => (v.change_request_id ? [v.change_request_id] : []));
  const approvals =
    changeIds.length > 0
      ? await q
          .selectFrom("change_review")
          .innerJoin("account", "account.id", "change_review.reviewer_id")
          .select([
            "change_review.change_request_id",
            "change_review.stage",
            "change_review.decided_at",
            "account.id as reviewer_id",
            "account.display_name as reviewer_name",
          ])
          .where("change_review.change_request_id", "in", changeIds)
          .where("change_review.decision", "=", "approve")
          .orderBy("change_review.decided_at")
          .execute()
      : [];
  return versions.map((v) => ({
    version: v.version,
    effectiveFrom: v.effective_from,
    publishedAt: new Date(v.published_at).toISOString(),
    publishedBy: v.publisher_id ? { id: v.publisher_id, name: v.publisher_name ?? "" } : null,
    changeRequestId: v.change_request_id,
    approvals: approvals
      .filter((a) => a.change_request_id === v.change_request_id)
      .map((a) => ({
        stage: a.stage,
        reviewer: { id: a.reviewer_id, name: a.reviewer_name },
        decidedAt: new Date(a.decided_at).toISOString(),
      })),
  }));
}

/** One published version's document. */
export async function findVersion(q: Queryable, itemId: string, version: number) {
  const row = await q
    .selectFrom("item_version")
    .select(["version", "effective_from", "content"])
    .where("item_id", "=", itemId)
    .where("version", "=", version)
    .executeTakeFirst();
  return (
    row && { version: row.version, effectiveFrom: row.effective_from, content: parseContent(row.content) }
  );
}

/** The scope columns of an item, to decide whether the actor may see it. */
export function findItemScope(q: Queryable, itemId: string) {
  return q
    .selectFrom("item")
    .select(["id", "status", "region_code", "department_id"])
    .where("id", "=", itemId)
    .executeTakeFirst();
}

function changeBase(q: Queryable) {
  return q
    .selectFrom("change_request")
    .innerJoin("department", "department.id", "change_request.department_id")
    .leftJoin("item", "item.id", "change_request.item_id")
    .leftJoin("account", "account.id", "change_request.author_id")
    .select([
      "change_request.id",
      "change_request.number",
      "change_request.kind",
      "change_request.status",
      "change_request.item_id",
      "change_request.ref",
      "change_request.base_version",
      "change_request.effective_from",
      "change_request.reason",
      "change_request.law_changed_on",
      "change_request.filing_due",
      "change_request.department_id",
      "change_request.region_code",
      "change_request.author_id",
      "change_request.created_at",
      "change_request.updated_at",
      "change_request.submitted_at",
      "change_request.published_at",
      "change_request.published_version",
      sql<string>`coalesce(change_request.content ->> 'name', item.name)`.as("name"),
      "item.ref as item_ref",
      "item.name as item_name",
      "department.name as department_name",
      "account.display_name as author_name",
    ]);
}
export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeBase>["execute"]>>[number];

/** One page of change requests in the actor's region, by status or review queue. */
export async function listChanges(q: Queryable, actor: Actor, query: ChangeQuery) {
  let base = changeBase(q).where("change_request.region_code", "like", scopePattern(actor));
  if (query.status) base = base.where("change_request.status", "=", query.status);
  if (query.queue === "legality") base = base.where("change_request.status", "=", "legality-review");
  if (query.queue === "consistency") base = base.where("change_request.status", "=", "consistency-review");
  if (query.queue === "mine") base = base.where("change_request.author_id", "=", actor.id);
  const [count, rows] = await Promise.all([
    base.clearSelect().select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    base
      .orderBy("change_request.updated_at", "desc")
      .orderBy("change_request.id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return { total: count.n, rows };
}

/** One change request with its document, or undefined. */
export async function findChange(q: Queryable, id: string) {
  const row = await changeBase(q)
    .select("change_request.content")
    .where("change_request.id", "=", id)
    .executeTakeFirst();
  return row;
}

/** The review decisions on a change, oldest first. */
export function listReviews(q: Queryable, changeId: string) {
  return q
    .selectFrom("change_review")
    .innerJoin("account", "account.id", "change_review.reviewer_id")
    .select([
      "change_review.stage",
      "change_review.decision",
      "change_review.reason",
      "change_review.decided_at",
      "account.id as reviewer_id",
      "account.display_name as reviewer_name",
    ])
    .where("change_review.change_request_id", "=", changeId)
    .orderBy("change_review.decided_at")
    .execute();
}
