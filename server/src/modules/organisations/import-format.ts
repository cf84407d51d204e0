import ExcelJS from "exceljs";
import { windowKindNames, windowKinds } from "./rules.ts";

/** The four tables an organisation file may hold, in the order they are applied. */
export const sheetNames = ["regions", "departments", "places", "windows"] as const;
export type SheetName = (typeof sheetNames)[number];

interface Column {
  key: string;
  header: string;
  required: boolean;
  width: number;
  hint: string;
}

const column = (key: string, header: string, required: boolean, width: number, hint: string): Column => ({
  key,
  header,
  required,
  width,
  hint,
});

/**
 * The columns of each sheet. JSON files use the keys, spreadsheets the Chinese headers; both carry the
 * same text cells, so one validation serves both and an export can be imported again unchanged.
 */
export const sheets: Record<SheetName, { title: string; columns: Column[] }> = {
  regions: {
    title: "区划",
    columns: [
      column("code", "区划代码", true, 16, "县级及以上 6 位（GB/T 2260），乡镇、村 12 位（统计用区划代码）"),
      column("name", "名称", true, 20, "如：崇安寺街道"),
      column("parentCode", "上级区划代码", false, 16, "省级可空；其余须填写，且本代码须以上级区划前缀开头"),
      column("validFrom", "启用日期", false, 12, "YYYY-MM-DD，可空"),
      column("validTo", "停用日期", false, 12, "YYYY-MM-DD；撤销的区划填写停用日期，不删除"),
    ],
  },
  departments: {
    title: "部门",
    columns: [
      column("ref", "标识", false, 24, "已有部门的标识（更新时填写）；新部门可空"),
      column("name", "名称", true, 30, "部门全称，如：无锡市梁溪区民政局"),
      column("kind", "类别", true, 12, "如：民政、人社、公安"),
      column("creditCode", "统一社会信用代码", false, 22, "18 位，按 GB 32100 校验"),
      column("regionCode", "区划代码", true, 16, "部门所在区划"),
    ],
  },
  places: {
    title: "场所",
    columns: [
      column(
        "regionCode",
        "区划代码",
        true,
        16,
        "场所所在区划；县级及以上为政务服务中心，乡镇为便民服务中心，村（社区）为便民服务站",
      ),
      column("name", "名称", true, 28, "如：崇安寺街道便民服务中心（须以标准后缀结尾）"),
      column("address", "地址", true, 36, ""),
      column("phone", "电话", false, 16, "如：0510-81890000"),
      column("hours", "办公时间", true, 40, "如：周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00"),
      column(
        "notes",
        "服务说明",
        false,
        40,
        "多条用“；”分隔，如：延时服务：工作日 17:30-19:00；周末服务：周六上午",
      ),
    ],
  },
  windows: {
    title: "窗口",
    columns: [
      column("regionCode", "场所区划代码", true, 16, "窗口所在场所的区划代码"),
      column("placeName", "场所名称", true, 28, "本文件或系统中已有的场所"),
      column("number", "窗口编号", true, 10, "如：A01，同一场所内不重复"),
      column("name", "窗口名称", true, 24, "如：企业开办综合窗口"),
      column("kind", "窗口类型", true, 14, Object.values(windowKindNames).join(" / ")),
      column("department", "部门", false, 30, "专业窗口必填：部门标识、全称或统一社会信用代码"),
      column("hours", "办公时间", false, 40, "空白表示与场所相同"),
      column("notes", "服务说明", false, 30, "多条用“；”分隔"),
      column("active", "启用", false, 8, "是 / 否，空白为是"),
    ],
  },
};

/** A data row: its number in the file (spreadsheet row, or position in the JSON array) and its cells. */
export interface FileRow {
  row: number;
  cells: Record<string, string>;
}

/** A row-level problem, as the import reports it to people. */
export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** A file read into rows, with the problems found while reading it. */
export interface ParsedFile {
  rows: Record<SheetName, FileRow[]>;
  errors: RowError[];
  /** How a column is named in this file: the key in JSON, the Chinese header in a spreadsheet. */
  columnLabel: (sheet: SheetName, key: string) => string;
  sheetLabel: (sheet: SheetName) => string;
}

/** The cap on rows per sheet; a city's places and windows fit comfortably. */
export const MAX_ROWS = 5000;

const emptyRows = (): Record<SheetName, FileRow[]> => ({
  regions: [],
  departments: [],
  places: [],
  windows: [],
});

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value).trim();
}

/** Reads a JSON file: `{ regions?: [], departments?: [], places?: [], windows?: [] }` with the column keys. */
export function readJsonFile(text: string): ParsedFile {
  const parsed: ParsedFile = {
    rows: emptyRows(),
    errors: [],
    // The key as written in the file, with the spreadsheet's Chinese header for people.
    columnLabel: (sheet, key) => {
      const header = sheets[sheet].columns.find((c) => c.key === key)?.header;
      return header ? `${key}（${header}）` : key;
    },
    sheetLabel: (sheet) => `${sheet}（${sheets[sheet].title}）`,
  };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    parsed.errors.push({ sheet: "-", row: 0, column: "-", message: "文件不是有效的 JSON" });
    return parsed;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    parsed.errors.push({
      sheet: "-",
      row: 0,
      column: "-",
      message: 'JSON 顶层应为对象：{ "regions": [], "departments": [], "places": [], "windows": [] }',
    });
    return parsed;
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!sheetNames.includes(key as SheetName)) {
      parsed.errors.push({ sheet: key, row: 0, column: "-", message: `未知的数据表“${key}”` });
    }
  }
  for (const sheet of sheetNames) {
    const list = record[sheet];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      parsed.errors.push({ sheet, row: 0, column: "-", message: `“${sheet}”应为数组` });
      continue;
    }
    if (list.length > MAX_ROWS) {
      parsed.errors.push({ sheet, row: 0, column: "-", message: `每张表最多 ${MAX_ROWS} 行` });
      continue;
    }
    const keys = new Set(sheets[sheet].columns.map((c) => c.key));
    list.forEach((entry: unknown, index) => {
      const row = index + 1;
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
        parsed.errors.push({ sheet, row, column: "-", message: "每一行应为对象" });
        return;
      }
      const cells: Record<string, string> = {};
      for (const [key, value] of Object.entries(entry)) {
        if (!keys.has(key)) {
          parsed.errors.push({ sheet, row, column: key, message: `未知的字段“${key}”` });
        } else if (typeof value === "object" && value !== null) {
          parsed.errors.push({ sheet, row, column: key, message: "应为文本" });
        } else {
          cells[key] = cellText(value);
        }
      }
      parsed.rows[sheet].push({ row, cells });
    });
  }
  return parsed;
}

/** Reads a spreadsheet: one worksheet per table, named 区划 / 部门 / 场所 / 窗口, headers in row 1. */
export async function readWorkbook(content: Buffer): Promise<ParsedFile> {
  const parsed: ParsedFile = {
    rows: emptyRows(),
    errors: [],
    columnLabel: (sheet, key) => sheets[sheet].columns.find((c) => c.key === key)?.header ?? key,
    sheetLabel: (sheet) => sheets[sheet].title,
  };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    parsed.errors.push({ sheet: "-", row: 0, column: "-", message: "文件不是有效的 Excel（.xlsx）文件" });
    return parsed;
  }
  for (const sheet of sheetNames) {
    const { title, columns } = sheets[sheet];
    const worksheet = workbook.getWorksheet(title) ?? workbook.getWorksheet(sheet);
    if (!worksheet) continue;
    const headerAt = new Map<string, number>();
    worksheet.getRow(1).eachCell((cell, col) => {
      const header = cellText(cell.value).replace(/[*＊]$/, "");
      const known = columns.find((c) => c.header === header || c.key === header);
      if (known) headerAt.set(known.key, col);
    });
    const missing = columns.filter((c) => c.required && !headerAt.has(c.key));
    for (const c of missing) {
      parsed.errors.push({ sheet: title, row: 1, column: c.header, message: `缺少列“${c.header}”` });
    }
    if (missing.length > 0) continue;
    if (worksheet.rowCount - 1 > MAX_ROWS) {
      parsed.errors.push({ sheet: title, row: 0, column: "-", message: `每张表最多 ${MAX_ROWS} 行` });
      continue;
    }
    worksheet.eachRow((excelRow, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      for (const [key, col] of headerAt) cells[key] = cellText(excelRow.getCell(col).value);
      // Blank lines between rows are common in hand-edited sheets; they are not data.
      if (Object.values(cells).every((v) => v === "")) return;
      parsed.rows[sheet].push({ row: rowNumber, cells });
    });
  }
  return parsed;
}

/** Writes rows as a workbook with one sheet per table and an instructions sheet; an empty one is the template. */
export async function writeWorkbook(rows: Record<SheetName, Record<string, string>[]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "通办";
  const guide = workbook.addWorksheet("说明");
  guide.columns = [
    { header: "表", key: "sheet", width: 10 },
    { header: "列", key: "column", width: 18 },
    { header: "必填", key: "required", width: 8 },
    { header: "说明", key: "hint", width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const sheet of sheetNames) {
    for (const c of sheets[sheet].columns) {
      guide.addRow({
        sheet: sheets[sheet].title,
        column: c.header,
        required: c.required ? "是" : "",
        hint: c.hint,
      });
    }
  }
  guide.addRow({});
  guide.addRow({
    hint: "导入时逐行校验；只要有一行有误，整个文件都不会导入。已有记录按代码、名称或编号匹配后更新。",
  });
  for (const sheet of sheetNames) {
    const { title, columns } = sheets[sheet];
    const worksheet = workbook.addWorksheet(title, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = columns.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      key: c.key,
      width: c.width,
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F4FF" } };
    // Codes are text: a spreadsheet must not turn 320213021000 into 3.20213E+11.
    for (const c of columns) {
      if (/code|Code|number|ref/.test(c.key)) worksheet.getColumn(c.key).numFmt = "@";
    }
    for (const row of rows[sheet]) worksheet.addRow(row);
    if (sheet === "windows") {
      const kinds = `"${windowKinds.map((k) => windowKindNames[k]).join(",")}"`;
      for (let r = 2; r <= Math.max(rows.windows.length + 1, 500); r++) {
        worksheet.getCell(r, 5).dataValidation = { type: "list", allowBlank: false, formulae: [kinds] };
        worksheet.getCell(r, 9).dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
