import { ItemContentSchema } from "@tongban/core";
import { type core, z } from "zod";
import { type Column, itemColumns, listSheets, situationSheet } from "./sheets.ts";
import { type CatalogRecord, type Cells, valueAt } from "./write-rows.ts";

/** A row read from a file: its number there (spreadsheet row, or position in a JSON array) and its cells. */
export interface FileRow {
  row: number;
  cells: Cells;
}

/** A row-level problem as the import reports it: sheet (spreadsheets only), row, column or field, message. */
export interface RowError {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

/** A record read from a file, with the row it came from. */
export interface ParsedRecord extends CatalogRecord {
  row: number;
}

/** External references of items: what the import accepts and what openChange will store. */
export const REF_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

const zh = z.locales.zhCN();
/** Chinese messages for the document's shape, with "必填" for a missing value. */
export const chineseIssues = (issue: core.$ZodRawIssue): string => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "必填";
  const message = zh.localeError(issue);
  const text = typeof message === "string" ? message : message?.message;
  return text && /[\u4e00-\u9fff]/.test(text) ? text : "格式不正确";
};

/** Parses a document with Chinese messages; custom English messages of the schema become 格式不正确. */
export function parseContent(raw: unknown) {
  const result = ItemContentSchema.safeParse(raw, { error: chineseIssues });
  if (result.success) return result;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : "格式不正确",
  }));
  return { success: false as const, issues };
}

const SEPARATORS = /[、;；,，\n]/;

type Parsed = { value: unknown; error?: string };

function parseCell(column: Column, text: string): Parsed {
  if (column.kind === "nullable") return { value: text === "" ? null : text };
  if (column.kind === "text") return { value: text === "" ? undefined : text };
  if (column.kind === "json") return parseJsonCell(column, text);
  if (text === "") return { value: column.kind === "list" || column.kind === "enum-list" ? [] : undefined };
  const keyOf = (name: string) =>
    Object.entries(column.names ?? {}).find(([key, label]) => label === name || key === name)?.[0];
  const choices = () => Object.values(column.names ?? {}).join("、");
  switch (column.kind) {
    case "int":
      return /^-?\d+$/.test(text)
        ? { value: Number(text) }
        : { value: undefined, error: `应为整数：${text}` };
    case "bool":
      if (["是", "true", "TRUE", "1", "Y"].includes(text)) return { value: true };
      if (["否", "false", "FALSE", "0", "N"].includes(text)) return { value: false };
      return { value: undefined, error: `应填“是”或“否”：${text}` };
    case "enum": {
      const key = keyOf(text);
      return key
        ? { value: key }
        : { value: undefined, error: `“${text}”不是有效的${column.header}，可填：${choices()}` };
    }
    case "enum-list": {
      const parts = text
        .split(SEPARATORS)
        .map((part) => part.trim())
        .filter(Boolean);
      const unknown = parts.filter((part) => !keyOf(part));
      if (unknown.length > 0)
        return {
          value: undefined,
          error: `“${unknown.join("、")}”不是有效的${column.header}，可填：${choices()}`,
        };
      return { value: parts.map((part) => keyOf(part)) };
    }
    case "list":
      return {
        value: text
          .split(SEPARATORS)
          .map((part) => part.trim())
          .filter(Boolean),
      };
  }
}

/** A JSON cell: empty means the element's default; the document schema checks the shape. */
function parseJsonCell(column: Column, text: string): Parsed {
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { value: undefined, error: `${column.header}应为 JSON 格式` };
  }
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof current[part] !== "object" || current[part] === null) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[parts.at(-1) as string] = value;
}

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isEmpty));

/** Optional objects (a time limit, the result, a file) are null when all their cells are empty. */
function nullifyEmpty(target: Record<string, unknown>, paths: readonly string[]): void {
  for (const path of paths) {
    const parts = path.split(".");
    const parent =
      parts.length === 1
        ? target
        : (valueAt(target, parts.slice(0, -1).join(".")) as Record<string, unknown>);
    const key = parts.at(-1) as string;
    if (parent && typeof parent === "object" && key in parent && isEmpty(parent[key])) parent[key] = null;
  }
}

const itemGroups = ["statutoryLimit", "promisedLimit", "result.sample", "result"];
const entryGroups = ["blankForm", "sample"];

/** Where a part of a document came from: the sheet and row, and the sheet's columns. */
interface Source {
  sheet: string;
  row: number;
  columns: readonly Column[];
  /** Paths inside this source's record for situation rows, which do not follow the column paths. */
  alias?: Readonly<Record<string, string>>;
}

interface Draft {
  row: number;
  raw: Record<string, unknown>;
  identity: { ref: string; itemId: string | null; version: number | null };
  sources: Map<string, Source>;
}

/** Resolves what a spreadsheet names the implementing body by (ref, credit code or id) to its id. */
export type DepartmentLookup = (text: string) => string | undefined;

/** Reads the spreadsheet's rows back into records, collecting every problem with its sheet, row and column. */
export function fromSheetRows(
  rows: Readonly<Record<string, readonly FileRow[]>>,
  sheetTitle: (key: string) => string,
  departmentId: DepartmentLookup,
): { records: ParsedRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const drafts = new Map<string, Draft>();
  const fail = (sheet: string, row: number, field: string, message: string) =>
    errors.push({ sheet: sheetTitle(sheet), row, field, message });
  const readRow = (
    sheet: string,
    row: FileRow,
    columns: readonly Column[],
    target: Record<string, unknown>,
  ) => {
    for (const column of columns) {
      const parsed = parseCell(column, row.cells[column.key] ?? "");
      if (parsed.error) fail(sheet, row.row, column.header, parsed.error);
      setAt(target, column.path, parsed.value);
    }
  };

  for (const row of rows.items ?? []) {
    const raw: Record<string, unknown> = {};
    readRow("items", row, itemColumns, raw);
    const ref = String(raw.ref ?? "");
    if (!REF_PATTERN.test(ref)) {
      fail("items", row.row, "事项标识", "事项标识只能包含小写字母、数字和连字符，且不能为空");
      continue;
    }
    if (drafts.has(ref)) {
      fail("items", row.row, "事项标识", `事项标识“${ref}”重复`);
      continue;
    }
    const department = row.cells.department ?? "";
    raw.departmentId = department === "" ? undefined : departmentId(department);
    if (department !== "" && raw.departmentId === undefined) {
      fail(
        "items",
        row.row,
        "实施主体",
        `实施主体“${department}”不存在（填写部门标识、统一社会信用代码或ID）`,
      );
    }
    const itemId = raw.itemId as string | null;
    if (itemId !== null && !z.uuid().safeParse(itemId).success)
      fail("items", row.row, "事项ID", "事项ID格式不正确");
    const identity = { ref, itemId, version: (raw.version as number | undefined) ?? null };
    for (const key of ["ref", "itemId", "version"]) delete raw[key];
    nullifyEmpty(raw, itemGroups);
    for (const sheet of listSheets) raw[sheet.field] = [];
    raw.situations = [];
    const sources = new Map([["", { sheet: "items", row: row.row, columns: itemColumns }]]);
    drafts.set(ref, { row: row.row, raw, identity, sources });
  }

  const draftOf = (sheet: string, row: FileRow) => {
    const ref = row.cells.ref ?? "";
    const draft = drafts.get(ref);
    if (!draft) fail(sheet, row.row, "事项标识", ref ? `事项标识“${ref}”不在“事项”表中` : "必填");
    return draft;
  };

  for (const sheet of listSheets) {
    for (const row of rows[sheet.key] ?? []) {
      const draft = draftOf(sheet.key, row);
      if (!draft) continue;
      const holder: Record<string, unknown> = {};
      const textOnly = sheet.columns.length === 1 && sheet.columns[0]?.path === "";
      if (textOnly) {
        const column = sheet.columns[0] as Column;
        holder.value = parseCell(column, row.cells[column.key] ?? "").value;
      } else {
        readRow(sheet.key, row, sheet.columns, holder);
        nullifyEmpty(holder, entryGroups);
      }
      const list = draft.raw[sheet.field] as unknown[];
      draft.sources.set(`${sheet.field}.${list.length}`, {
        sheet: sheet.key,
        row: row.row,
        columns: sheet.columns,
      });
      list.push(textOnly ? holder.value : holder);
    }
  }

  readSituations(rows[situationSheet.key] ?? [], draftOf, fail);

  const records: ParsedRecord[] = [];
  for (const draft of drafts.values()) {
    const parsed = parseContent(draft.raw);
    if (parsed.success) {
      records.push({ ...draft.identity, content: parsed.data, row: draft.row });
      continue;
    }
    for (const issue of parsed.issues) {
      const { source, rest } = sourceOf(draft.sources, issue.path);
      const path = source.alias?.[rest] ?? rest;
      const column = columnFor(source.columns, path);
      errors.push({
        sheet: sheetTitle(source.sheet),
        row: source.row,
        field: column?.header ?? (path || "-"),
        message: issue.message,
      });
    }
  }
  return { records, errors: dedupe(errors) };
}

const situationAlias = { id: "situation", question: "question", options: "option" };
const optionAlias = { label: "option", effects: "effect" };
const effectAlias = { kind: "effect", material: "material", by: "by", text: "condition" };

type Option = { label: string; effects: Record<string, unknown>[] };
type Situation = { id: string; question: string; options: Option[] };

function readSituations(
  rows: readonly FileRow[],
  draftOf: (sheet: string, row: FileRow) => Draft | undefined,
  fail: (sheet: string, row: number, field: string, message: string) => void,
): void {
  const key = situationSheet.key;
  const columns = situationSheet.columns;
  for (const row of rows) {
    const draft = draftOf(key, row);
    if (!draft) continue;
    const cells: Record<string, unknown> = {};
    for (const column of columns) {
      const parsed = parseCell(column, row.cells[column.key] ?? "");
      if (parsed.error) fail(key, row.row, column.header, parsed.error);
      cells[column.key] = parsed.value;
    }
    const situations = draft.raw.situations as Situation[];
    let s = situations.findIndex((situation) => situation.id === cells.situation);
    if (s === -1) {
      s =
        situations.push({ id: cells.situation as string, question: cells.question as string, options: [] }) -
        1;
      draft.sources.set(`situations.${s}`, { sheet: key, row: row.row, columns, alias: situationAlias });
    } else if (situations[s]?.question !== cells.question) {
      fail(key, row.row, "问题", "同一情形的各行问题应相同");
    }
    const situation = situations[s] as Situation;
    let o = situation.options.findIndex((option) => option.label === cells.option);
    if (o === -1) {
      o = situation.options.push({ label: cells.option as string, effects: [] }) - 1;
      draft.sources.set(`situations.${s}.options.${o}`, {
        sheet: key,
        row: row.row,
        columns,
        alias: optionAlias,
      });
    }
    const option = situation.options[o] as Option;
    if (cells.effect === undefined) {
      if (cells.material !== null || cells.by !== null || cells.condition !== null) {
        fail(key, row.row, "效果", "填写了材料或条件，但没有选择效果");
      }
      continue;
    }
    const effect: Record<string, unknown> = { kind: cells.effect };
    if (cells.effect === "add-condition") effect.text = cells.condition ?? undefined;
    else effect.material = cells.material ?? undefined;
    if (cells.effect === "replace-material") effect.by = cells.by ?? undefined;
    draft.sources.set(`situations.${s}.options.${o}.effects.${option.effects.length}`, {
      sheet: key,
      row: row.row,
      columns,
      alias: effectAlias,
    });
    option.effects.push(effect);
  }
}

/** The most specific source of a path, and what is left of the path inside it. */
function sourceOf(
  sources: ReadonlyMap<string, Source>,
  path: readonly string[],
): { source: Source; rest: string } {
  for (let length = path.length; length > 0; length--) {
    const source = sources.get(path.slice(0, length).join("."));
    if (source) return { source, rest: path.slice(length).join(".") };
  }
  return { source: sources.get("") as Source, rest: path.join(".") };
}

function columnFor(columns: readonly Column[], path: string): Column | undefined {
  return (
    columns.find((column) => column.path === path || column.key === path) ??
    columns.find((column) => column.path.startsWith(`${path}.`)) ??
    columns.find((column) => column.path !== "" && path.startsWith(`${column.path}.`))
  );
}

function dedupe(errors: RowError[]): RowError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.sheet}|${error.row}|${error.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
