import {
  type CatalogEntry,
  type CheckContext,
  can,
  checkCatalog,
  checkItem,
  contentLabels,
  type Finding,
  type ItemContent,
  jsonEqual,
} from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import type { DepartmentRow, StoredItem } from "./queries.ts";
import type { ParsedRecord, RowError } from "./read-rows.ts";
import { toSheetRows } from "./write-rows.ts";

/** One change the import will open: a new item (itemId null) or a changed one. */
export interface PlannedChange {
  record: ParsedRecord;
  item: StoredItem | null;
}

/** What an import will do, or why it will do nothing. */
export interface ImportPlan {
  changes: PlannedChange[];
  unchanged: number;
  errors: RowError[];
}

/**
 * Whether an imported document says the same as the stored one. A spreadsheet cannot tell an empty
 * text from no text, so for .xlsx both are compared as the cells they would be written as.
 */
export function sameContent(format: "json" | "xlsx", imported: ItemContent, stored: ItemContent): boolean {
  if (format === "json") return jsonEqual(imported, stored);
  const cells = (content: ItemContent) =>
    toSheetRows([{ ref: "x", itemId: null, version: null, content }], (id) => id);
  return jsonEqual(cells(imported), cells(stored));
}

/** The element a finding is about, as people call it: 承诺办结时限 for `promisedLimit.days`. */
function labelOf(field: string): string {
  const key = field.split(/[.[]/)[0] as keyof typeof contentLabels;
  return contentLabels[key] ?? field;
}

/**
 * Checks every row of an import against the catalog as it stands: unchanged rows are counted; new
 * and changed rows must be in the actor's region, based on the current version, free of open changes,
 * and pass the same consistency rules as an editor's submission (checkItem) and the cross-catalog rules
 * (checkCatalog) once the import is applied. Nothing here writes.
 */
export function planImport(input: {
  actor: Actor;
  format: "json" | "xlsx";
  records: readonly ParsedRecord[];
  items: readonly StoredItem[];
  departments: readonly DepartmentRow[];
  context: CheckContext;
  sheet: string | undefined;
}): ImportPlan {
  const { actor, format, records, items, context, sheet } = input;
  const errors: RowError[] = [];
  const fail = (row: number, field: string, message: string) => errors.push({ sheet, row, field, message });
  const byRef = new Map(items.map((item) => [item.ref, item]));
  const byCode = new Map(items.map((item) => [item.implementationCode, item]));
  const departmentOf = new Map(input.departments.map((d) => [d.id, d]));
  const changes: PlannedChange[] = [];
  let unchanged = 0;

  for (const record of records) {
    const item = byRef.get(record.ref) ?? null;
    if (record.itemId !== null && record.itemId !== item?.id) {
      fail(record.row, "事项ID", item ? "事项ID与事项标识不符" : "事项ID不存在：新增事项请将事项ID留空");
      continue;
    }
    if (item && item.status === "active" && sameContent(format, record.content, item.content)) {
      unchanged++;
      continue;
    }
    const department = departmentOf.get(record.content.departmentId);
    if (!department) {
      fail(record.row, "实施主体", "实施主体不存在");
      continue;
    }
    const inScope = (regionCode: string, departmentId: string) =>
      can(actor, "catalog.import", { regionCode, departmentId });
    if (
      !inScope(department.regionCode, department.id) ||
      (item && !inScope(item.regionCode, item.departmentId))
    ) {
      fail(record.row, "实施主体", "该事项不在您的管辖范围内，不能导入");
      continue;
    }
    if (item) {
      if (item.status !== "active") fail(record.row, "事项标识", "事项已取消，不能再变更");
      else if (item.pendingChange)
        fail(record.row, "事项标识", `该事项已有未办结的变更申请 ${item.pendingChange}`);
      else if (record.version !== null && record.version !== item.version) {
        fail(
          record.row,
          "版本",
          `文件中的版本（${record.version}）不是当前版本（${item.version}），请重新导出后再修改`,
        );
      }
    } else {
      const holder = byCode.get(record.content.implementationCode);
      if (holder) fail(record.row, "实施编码", `实施编码已被事项“${holder.ref}”使用`);
    }
    for (const finding of checkItem(record.content, context)) {
      if (finding.severity === "error") fail(record.row, labelOf(finding.field), finding.message);
    }
    changes.push({ record, item });
  }

  // The cross-catalog rules, on the catalog as it would be: only findings about imported rows count.
  const changedRefs = new Map(changes.map((change) => [change.record.ref, change.record]));
  const entries: CatalogEntry[] = [
    ...items
      .filter((item) => item.status === "active" && !changedRefs.has(item.ref))
      .map((item) => ({ itemId: item.id, ref: item.ref, content: item.content })),
    ...changes.map((c) => ({
      itemId: c.item?.id ?? c.record.ref,
      ref: c.record.ref,
      content: c.record.content,
    })),
  ];
  const blocking = (finding: Finding) =>
    finding.severity === "error" && finding.ref && changedRefs.has(finding.ref);
  for (const finding of checkCatalog(entries, context).filter(blocking)) {
    const record = changedRefs.get(finding.ref as string) as ParsedRecord;
    fail(record.row, labelOf(finding.field), finding.message);
  }
  errors.sort((a, b) => a.row - b.row);
  return { changes, unchanged, errors };
}
