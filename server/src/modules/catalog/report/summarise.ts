import {
  type CatalogEntry,
  type CheckContext,
  checkCatalog,
  checkItem,
  completeness,
  type Finding,
  type ItemContent,
} from "@tongban/core";

/** An active item as the report reads it. */
export interface ReportEntry extends CatalogEntry {
  departmentId: string;
  regionCode: string;
  content: ItemContent;
}

/** The consistency report (一致性报告): every finding, and completeness per item and per department. */
export interface CatalogReport {
  findings: Finding[];
  departments: {
    department: { id: string; name: string };
    itemCount: number;
    averageCompleteness: number;
    errorCount: number;
    warningCount: number;
  }[];
  items: {
    id: string;
    ref: string;
    name: string;
    department: { id: string; name: string };
    completeness: number;
    errorCount: number;
    warningCount: number;
  }[];
}

/**
 * Checks the whole catalog — each item on its own (checkItem) and all of them together (checkCatalog,
 * e.g. 四级四同, which must see items outside the reader's region too) — then keeps what the reader
 * may see. Departments are ordered by name, items by ref (each with its implementing department, which
 * the report page filters findings by); an average completeness has one decimal.
 */
export function summariseCatalog(input: {
  entries: readonly ReportEntry[];
  departmentNames: ReadonlyMap<string, string>;
  context: CheckContext;
  visible: (entry: ReportEntry) => boolean;
}): CatalogReport {
  const { entries, context } = input;
  const perItem = entries.flatMap((entry) =>
    checkItem(entry.content, context).map((finding) => ({
      ...finding,
      itemId: entry.itemId,
      ref: entry.ref,
    })),
  );
  const shown = entries.filter(input.visible);
  const shownIds = new Set(shown.map((entry) => entry.itemId));
  const findings = [...perItem, ...checkCatalog(entries, context)].filter(
    (finding) => finding.itemId !== null && shownIds.has(finding.itemId),
  );
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    const count = counts.get(finding.itemId as string) ?? { errors: 0, warnings: 0 };
    if (finding.severity === "error") count.errors++;
    else count.warnings++;
    counts.set(finding.itemId as string, count);
  }
  const items = shown
    .map((entry) => ({
      id: entry.itemId,
      ref: entry.ref,
      name: entry.content.name,
      department: {
        id: entry.departmentId,
        name: input.departmentNames.get(entry.departmentId) ?? entry.departmentId,
      },
      completeness: completeness(entry.content).score,
      errorCount: counts.get(entry.itemId)?.errors ?? 0,
      warningCount: counts.get(entry.itemId)?.warnings ?? 0,
    }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));

  const byDepartment = new Map<string, typeof items>();
  for (const item of items)
    byDepartment.set(item.department.id, [...(byDepartment.get(item.department.id) ?? []), item]);
  const departments = [...byDepartment]
    .map(([id, list]) => ({
      department: { id, name: input.departmentNames.get(id) ?? id },
      itemCount: list.length,
      averageCompleteness:
        Math.round((list.reduce((sum, item) => sum + item.completeness, 0) / list.length) * 10) / 10,
      errorCount: list.reduce((sum, item) => sum + item.errorCount, 0),
      warningCount: list.reduce((sum, item) => sum + item.warningCount, 0),
    }))
    .sort((a, b) => a.department.name.localeCompare(b.department.name, "zh-CN"));
  return { findings, departments, items };
}
