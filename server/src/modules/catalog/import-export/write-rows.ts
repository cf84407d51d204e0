import type { ItemContent } from "@tongban/core";
import { type Column, itemColumns, listSheets, situationSheet } from "./sheets.ts";

/** One item as the catalog file carries it: its external reference, id and version, and its content. */
export interface CatalogRecord {
  ref: string;
  itemId: string | null;
  version: number | null;
  content: ItemContent;
}

/** A sheet's rows as text cells keyed by column key. */
export type Cells = Record<string, string>;

/** Every sheet's rows, keyed by sheet key. */
export type SheetRows = Record<string, Cells[]>;

/** Separator for lists inside one cell (服务对象, 特色标签, 材料形式, …); read also as ; , ， or a line break. */
export const LIST_SEPARATOR = "、";

/** Reads `a.b.c` from a record; the empty path is the value itself. */
export function valueAt(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current: unknown = value;
  for (const part of path.split(".")) {
    if (current === null || current === undefined || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The text a cell shows for a value of a column. */
export function formatCell(column: Column, value: unknown): string {
  if (value === null || value === undefined) return "";
  switch (column.kind) {
    case "bool":
      return value ? "是" : "否";
    case "enum":
      return column.names?.[String(value)] ?? String(value);
    case "enum-list":
      return (value as string[]).map((v) => column.names?.[v] ?? v).join(LIST_SEPARATOR);
    case "list":
      return (value as string[]).join(LIST_SEPARATOR);
    case "json":
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

function rowOf(columns: readonly Column[], value: unknown, first: Cells = {}): Cells {
  const cells: Cells = { ...first };
  for (const column of columns) cells[column.key] = formatCell(column, valueAt(value, column.path));
  return cells;
}

/**
 * Writes records as the spreadsheet's rows: the items sheet, one sheet per list element and 情形引导
 * with a row per option effect. `departmentRef` turns the body's id into the ref people recognise.
 */
export function toSheetRows(
  records: readonly CatalogRecord[],
  departmentRef: (id: string) => string,
): SheetRows {
  const rows: SheetRows = { items: [], [situationSheet.key]: [] };
  for (const sheet of listSheets) rows[sheet.key] = [];
  for (const record of records) {
    const { ref } = record;
    const identity = { ref, itemId: record.itemId, version: record.version };
    const item = rowOf(itemColumns, { ...record.content, ...identity });
    item.department = departmentRef(record.content.departmentId);
    rows.items?.push(item);
    for (const sheet of listSheets) {
      const list = record.content[sheet.field] as unknown[];
      for (const entry of list) rows[sheet.key]?.push(rowOf(sheet.columns, entry, { ref }));
    }
    for (const situation of record.content.situations) {
      for (const option of situation.options) {
        const base = { ref, situation: situation.id, question: situation.question, option: option.label };
        const effects = option.effects.length === 0 ? [null] : option.effects;
        for (const effect of effects) {
          rows[situationSheet.key]?.push(
            rowOf(
              situationSheet.columns,
              {
                ...base,
                effect: effect?.kind ?? null,
                material: effect && "material" in effect ? effect.material : null,
                by: effect?.kind === "replace-material" ? effect.by : null,
                condition: effect?.kind === "add-condition" ? effect.text : null,
              },
              { ref },
            ),
          );
        }
      }
    }
  }
  return rows;
}
