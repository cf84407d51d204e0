import { can } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { forbidden, notFound, unauthenticated } from "../../platform/errors.ts";
import type { ChangeRow } from "./admin-queries.ts";
import { canSeeCatalog, changeAbilities } from "./governance/lifecycle.ts";
import { parseContent } from "./item-row.ts";

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** Refuses visitors (401) and staff who neither draft, review nor report on the catalog (403). */
export function authorizeCatalogRead(actor: Actor): void {
  if (actor.kind === "anonymous") throw unauthenticated("UNAUTHENTICATED", "请先登录");
  if (!canSeeCatalog(actor)) throw forbidden("FORBIDDEN", "您没有执行此操作的权限");
}

/** Loads nothing itself: throws the not-found error unless the actor may see a record in this scope. */
export function hideOutsideScope(
  actor: Actor,
  scope: { region_code: string; department_id: string } | undefined,
  code: "ITEM_NOT_FOUND" | "CATALOG_CHANGE_NOT_FOUND",
): asserts scope is { region_code: string; department_id: string } {
  if (!scope || !canSeeCatalog(actor, { regionCode: scope.region_code, departmentId: scope.department_id }))
    throw notFound(code, code === "ITEM_NOT_FOUND" ? "事项不存在" : "变更申请不存在");
}

/** What the actor may do with an item: draft a change or a cancel (when none is open). */
export function itemAbilities(
  actor: Actor,
  item: { region_code: string; department_id: string; status: string },
  hasPendingChange: boolean,
) {
  const draft =
    item.status === "active" &&
    !hasPendingChange &&
    can(actor, "catalog.draft", { regionCode: item.region_code, departmentId: item.department_id });
  return { change: draft, cancel: draft };
}

/** A change request as the API shows it, with the actor's abilities. */
export function presentChange(actor: Actor, row: ChangeRow & { content?: unknown }) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    item:
      row.item_id && row.item_ref ? { id: row.item_id, ref: row.item_ref, name: row.item_name ?? "" } : null,
    ref: row.ref,
    name: row.name,
    baseVersion: row.base_version,
    content: row.content == null ? null : parseContent(row.content),
    effectiveFrom: row.effective_from,
    reason: row.reason,
    lawChangedOn: row.law_changed_on,
    filingDue: row.filing_due,
    department: { id: row.department_id, name: row.department_name },
    regionCode: row.region_code,
    author: row.author_id ? { id: row.author_id, name: row.author_name ?? "" } : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    submittedAt: isoOrNull(row.submitted_at),
    publishedAt: isoOrNull(row.published_at),
    publishedVersion: row.published_version,
    abilities: changeAbilities(actor, row),
  };
}
