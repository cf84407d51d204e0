import { type ItemContent, ItemContentSchema, type LocalDate } from "@tongban/core";
import type { Transaction } from "kysely";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Database } from "../../../platform/db/schema.ts";
import { conflict, invalid, notFound } from "../../../platform/errors.ts";
import { authorize } from "../../identity/policy.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import { assertPublishable } from "./check.ts";
import { filingDue } from "./filing-deadline.ts";
import { canSeeCatalog, openStatuses } from "./lifecycle.ts";
import { nextChangeNumber } from "./numbering.ts";

/** What a change request asks for. */
export interface OpenChangeInput {
  kind: "create" | "change" | "cancel";
  itemId: string | null;
  content: ItemContent | null;
  effectiveFrom: LocalDate;
  reason: string;
  lawChangedOn: LocalDate | null;
  /** The new item's external reference (creates only); defaults to its 实施编码 in lower case. */
  ref?: string | null;
}

const itemMissing = () => notFound("ITEM_NOT_FOUND", "事项不存在");

/**
 * Opens a change request inside the caller's transaction (no transaction of its own): checks the
 * request, numbers it, inserts it as a draft — or submitted to legality review with `submit` — and
 * writes the audit record. The editor's create-change and the catalog import both use it.
 */
export async function openChange(
  trx: Transaction<Database>,
  actor: Actor,
  input: OpenChangeInput,
  options: { submit: boolean; requestId?: string | null },
): Promise<{ id: string; number: string }> {
  authorize(actor, "catalog.draft");
  const reason = input.reason.trim();
  if (reason.length === 0) throw invalid("CATALOG_REASON_REQUIRED", "请填写变更理由");
  const item = await loadTargetItem(trx, actor, input);
  const content = input.content === null ? null : parseDraft(input.content);
  if (input.kind !== "cancel" && content === null)
    throw invalid("CATALOG_CONTENT_REQUIRED", "新增或变更事项须提交事项要素");
  if (input.kind === "cancel" && content !== null)
    throw invalid("CATALOG_CONTENT_NOT_ALLOWED", "取消事项不提交事项要素");
  const departmentId = content?.departmentId ?? item?.department_id;
  const department = departmentId
    ? await trx
        .selectFrom("department")
        .select(["id", "region_code"])
        .where("id", "=", departmentId)
        .executeTakeFirst()
    : undefined;
  if (!department) throw invalid("CATALOG_DEPARTMENT_NOT_FOUND", "实施主体不存在");
  const scope = { regionCode: department.region_code, departmentId: department.id };
  authorize(actor, "catalog.draft", scope);
  if (item && item.department_id !== department.id)
    authorize(actor, "catalog.draft", { regionCode: item.region_code, departmentId: item.department_id });
  const ref = input.kind === "create" ? await newItemRef(trx, input, content) : null;
  if (options.submit && content) await assertPublishable(trx, content);
  const number = await nextChangeNumber(trx, todayInShanghai());
  const row = await trx
    .insertInto("change_request")
    .values({
      number,
      kind: input.kind,
      item_id: item?.id ?? null,
      ref,
      base_version: item?.version ?? null,
      content: content === null ? null : JSON.stringify(content),
      status: options.submit ? "legality-review" : "draft",
      effective_from: input.effectiveFrom,
      reason,
      law_changed_on: input.lawChangedOn,
      filing_due: await filingDue(trx, input.lawChangedOn),
      department_id: department.id,
      region_code: department.region_code,
      author_id: actor.id,
      submitted_at: options.submit ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: options.submit ? "catalog.change-submitted" : "catalog.change-opened",
    subjectType: "change_request",
    subjectId: row.id,
    requestId: options.requestId ?? null,
    details: { number, kind: input.kind, itemId: item?.id ?? null, ref: ref ?? item?.ref ?? null },
  });
  return { id: row.id, number };
}

/** A draft must have the document's shape; the catalog's rules are checked when it is submitted. */
function parseDraft(content: ItemContent): ItemContent {
  const parsed = ItemContentSchema.safeParse(content);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw invalid("CATALOG_CONTENT_INVALID", "事项要素不完整或格式不正确", { issues });
}

async function loadTargetItem(trx: Transaction<Database>, actor: Actor, input: OpenChangeInput) {
  if (input.kind === "create") {
    if (input.itemId !== null) throw invalid("CATALOG_CREATE_HAS_ITEM", "新增事项不能指定已有事项");
    return undefined;
  }
  if (input.itemId === null) throw invalid("CATALOG_ITEM_REQUIRED", "请指定要变更或取消的事项");
  const item = await trx
    .selectFrom("item")
    .select(["id", "ref", "version", "status", "department_id", "region_code"])
    .where("id", "=", input.itemId)
    .forUpdate()
    .executeTakeFirst();
  if (!item || !canSeeCatalog(actor, { regionCode: item.region_code, departmentId: item.department_id }))
    throw itemMissing();
  if (item.status !== "active") throw conflict("CATALOG_ITEM_CANCELLED", "事项已取消，不能再变更");
  const pending = await trx
    .selectFrom("change_request")
    .select("number")
    .where("item_id", "=", item.id)
    .where("status", "in", openStatuses)
    .executeTakeFirst();
  if (pending)
    throw conflict("CATALOG_CHANGE_PENDING", `该事项已有未办结的变更申请 ${pending.number}`, {
      number: pending.number,
    });
  return item;
}

async function newItemRef(trx: Transaction<Database>, input: OpenChangeInput, content: ItemContent | null) {
  const ref = input.ref ?? content?.implementationCode.toLowerCase() ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(ref))
    throw invalid("CATALOG_REF_INVALID", "事项外部标识只能包含小写字母、数字和连字符");
  const code = content?.implementationCode ?? "";
  const existing = await trx
    .selectFrom("item")
    .select("ref")
    .where((eb) => eb.or([eb("ref", "=", ref), eb("implementation_code", "=", code)]))
    .executeTakeFirst();
  if (existing) throw conflict("CATALOG_ITEM_EXISTS", `事项已存在（${existing.ref}），请提交变更而不是新增`);
  return ref;
}
