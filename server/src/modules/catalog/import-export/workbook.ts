import ExcelJS from "exceljs";
import type { FileRow, RowError } from "./read-rows.ts";
import { allSheets, effectNames, processingNames, unitNames } from "./sheets.ts";
import type { SheetRows } from "./write-rows.ts";

/** The cap on rows per sheet: a city's catalog (hundreds of items, thousands of materials) fits easily. */
export const MAX_ROWS = 50_000;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText))
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value && value.text !== undefined) return cellText(value.text as ExcelJS.CellValue);
  }
  return String(value).trim();
}

const guideLines = [
  "每个事项在“事项”表占一行；材料、情形、设定依据等列表在各自的表中，每行以“事项标识”对应事项，行的先后即列表的顺序。",
  "“情形引导”表：每个选项的每个效果占一行；没有效果的选项占一行，效果列留空。同一情形各行的问题相同。",
  `效果可填：${Object.values(effectNames).join("、")}；办件类型：${Object.values(processingNames).join("、")}；时限单位：${Object.values(unitNames).join("、")}。`,
  "同一格中的多个值（服务对象、特色标签、材料形式、办理窗口ID）用“、”分隔。空白单元格表示“无”。",
  "“申请表”列是申请表定义的 JSON（分节与字段）；留空即只有联系人、联系电话和备注的默认申请表。",
  "“实施主体”填部门标识（也可填统一社会信用代码或部门ID）。新增事项的“事项ID”和“版本”留空。",
  "导入时逐行校验；只要有一处错误，整个文件都不会导入。内容有变化的事项生成变更申请，提交合法性审查；未变化的事项不做处理。",
];

/** Writes the catalog's rows as a workbook: an instructions sheet, then the items sheet and one per list. */
export async function writeCatalogWorkbook(rows: SheetRows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "通办";
  const guide = workbook.addWorksheet("说明");
  guide.getColumn(1).width = 120;
  guide.addRow(["政务服务事项目录导入导出说明"]).font = { bold: true };
  for (const line of guideLines) guide.addRow([line]);
  for (const sheet of allSheets) {
    const worksheet = workbook.addWorksheet(sheet.title, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? 14,
      // Codes, phones and ids are text: a spreadsheet must not turn 320200100001 into 3.202E+11.
      style: column.kind === "int" ? {} : { numFmt: "@" },
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F4FF" } };
    for (const cells of rows[sheet.key] ?? []) {
      const values: Record<string, string | number> = {};
      for (const column of sheet.columns) {
        const text = cells[column.key] ?? "";
        values[column.key] = column.kind === "int" && text !== "" ? Number(text) : text;
      }
      worksheet.addRow(values);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a workbook's data sheets (found by title or key; headers by Chinese header or key) as text rows. */
export async function readCatalogWorkbook(
  content: Buffer,
): Promise<{ rows: Record<string, FileRow[]>; errors: RowError[] }> {
  const rows: Record<string, FileRow[]> = {};
  const errors: RowError[] = [];
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    return { rows, errors: [{ row: 0, field: "-", message: "文件不是有效的 Excel（.xlsx）文件" }] };
  }
  for (const sheet of allSheets) {
    rows[sheet.key] = [];
    const worksheet = workbook.getWorksheet(sheet.title) ?? workbook.getWorksheet(sheet.key);
    // A missing list sheet would read as "no materials" for every item: refuse rather than guess.
    if (!worksheet) {
      errors.push({
        sheet: sheet.title,
        row: 0,
        field: "-",
        message: `缺少“${sheet.title}”表（没有数据也请保留表头）`,
      });
      continue;
    }
    if (worksheet.rowCount - 1 > MAX_ROWS) {
      errors.push({ sheet: sheet.title, row: 0, field: "-", message: `每张表最多 ${MAX_ROWS} 行` });
      continue;
    }
    const columnAt = new Map<string, number>();
    worksheet.getRow(1).eachCell((cell, index) => {
      const header = cellText(cell.value).replace(/[*＊]$/, "");
      const column = sheet.columns.find((c) => c.header === header || c.key === header);
      if (column) columnAt.set(column.key, index);
    });
    const missing = sheet.columns.filter((column) => !columnAt.has(column.key));
    for (const column of missing) {
      errors.push({ sheet: sheet.title, row: 1, field: column.header, message: `缺少列“${column.header}”` });
    }
    if (missing.length > 0) continue;
    worksheet.eachRow((excelRow, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      for (const [key, index] of columnAt) cells[key] = cellText(excelRow.getCell(index).value);
      // Blank lines between rows are common in hand-edited sheets; they are not data.
      if (Object.values(cells).every((value) => value === "")) return;
      rows[sheet.key]?.push({ row: rowNumber, cells });
    });
  }
  return { rows, errors };
}
