import { readFile } from "node:fs/promises";
import { type ItemContent, ItemContentSchema } from "@tongban/core";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { readCatalogJson } from "./json-file.ts";
import { type FileRow, fromSheetRows } from "./read-rows.ts";
import { allSheets } from "./sheets.ts";
import { readCatalogWorkbook, writeCatalogWorkbook } from "./workbook.ts";
import { type CatalogRecord, type SheetRows, toSheetRows } from "./write-rows.ts";

// The demo catalog (server/seed/items.json) with made-up department ids: the format must carry every
// element of every item there and back.
const seedFile = new URL("../../../../seed/items.json", import.meta.url);
const departmentIds = new Map<string, string>();
const idOfRef = (ref: string) => {
  if (!departmentIds.has(ref)) {
    departmentIds.set(ref, `0190a2b4-0000-7000-8000-${String(departmentIds.size + 1).padStart(12, "0")}`);
  }
  return departmentIds.get(ref) as string;
};
const refOfId = (id: string) => [...departmentIds].find(([, value]) => value === id)?.[0] ?? id;
const lookup = (text: string) => (departmentIds.has(text) ? departmentIds.get(text) : undefined);
const title = (key: string) => allSheets.find((s) => s.key === key)?.title ?? key;

let records: CatalogRecord[] = [];

beforeAll(async () => {
  const seed = JSON.parse(await readFile(seedFile, "utf8")) as {
    ref: string;
    departmentRef: string;
    content: unknown;
  }[];
  records = seed.map((item, index) => ({
    ref: item.ref,
    itemId: `0190a2b4-0000-7000-9000-${String(index + 1).padStart(12, "0")}`,
    version: 1 + (index % 3),
    content: ItemContentSchema.parse({
      ...(item.content as object),
      departmentId: idOfRef(item.departmentRef),
    }),
  }));
});

/** Rows as a reader gets them from a sheet: numbered from 2 (row 1 is the header). */
const numbered = (rows: SheetRows): Record<string, FileRow[]> =>
  Object.fromEntries(
    Object.entries(rows).map(([key, list]) => [key, list.map((cells, i) => ({ row: i + 2, cells }))]),
  );

const strip = (parsed: { records: (CatalogRecord & { row: number })[] }) =>
  parsed.records.map(({ row: _, ...record }) => record);

/** A record with every optional element filled in, so the format is tested beyond what the seed uses. */
function fullRecord(base: CatalogRecord): CatalogRecord {
  const sha = "a".repeat(64);
  const content: ItemContent = {
    ...base.content,
    audienceDetail: ["个体工商户", "老年人"],
    result: {
      type: "licence",
      name: "营业执照",
      licenceTypeRef: "lic-yyzz",
      sample: { name: "样本.pdf", sha256: sha },
    },
    statutoryLimit: { days: 20, unit: "workday", text: "法定二十个工作日" },
    promisedLimit: { days: 0, unit: "natural-day", text: null },
    windowIds: ["0190a2b4-0000-7000-8000-0000000000aa", "0190a2b4-0000-7000-8000-0000000000bb"],
    process: [
      { name: "受理", description: null, legalBasis: null },
      { name: "现场勘查", description: "核查场所", legalBasis: "《公共场所卫生管理条例实施细则》第二十四条" },
    ],
    materials: base.content.materials.map((m, i) =>
      i === 0
        ? { ...m, blankForm: { name: "表.docx", sha256: sha }, sample: null, note: "含；分号、顿号" }
        : m,
    ),
    faq: [{ question: "问？", answer: "答，第一行\n第二行" }],
    rights: ["权利一"],
    obligations: ["义务一", "义务二"],
    situations: [
      {
        id: "q1",
        question: "是否委托？",
        options: [
          {
            label: "是",
            effects: [
              { kind: "add-material", material: "m1" },
              { kind: "replace-material", material: "m1", by: "m2" },
              { kind: "add-condition", text: "须有委托书" },
            ],
          },
          { label: "否", effects: [{ kind: "remove-material", material: "m2" }] },
          { label: "不确定", effects: [] },
        ],
      },
    ],
  };
  return { ...base, ref: "full-item", itemId: null, version: null, content };
}

describe("the catalog workbook", () => {
  it("reads back exactly what it wrote: every demo item, every element (rows)", () => {
    const rows = toSheetRows(records, refOfId);
    const parsed = fromSheetRows(numbered(rows), title, lookup);
    expect(parsed.errors).toEqual([]);
    expect(strip(parsed)).toEqual(records);
  });

  it("round-trips through a real .xlsx file, including elements the seed leaves empty", async () => {
    const all = [...records, fullRecord(records[0] as CatalogRecord)];
    const buffer = await writeCatalogWorkbook(toSheetRows(all, refOfId));
    const file = await readCatalogWorkbook(buffer);
    expect(file.errors).toEqual([]);
    const parsed = fromSheetRows(file.rows, title, lookup);
    expect(parsed.errors).toEqual([]);
    expect(strip(parsed)).toEqual(all);
    // Export → import → export: the same cells.
    const again = await readCatalogWorkbook(await writeCatalogWorkbook(toSheetRows(strip(parsed), refOfId)));
    expect(again.rows).toEqual(file.rows);
  }, 30_000);

  it("writes Chinese names for enumerations and the body's ref, and accepts keys too", async () => {
    const rows = toSheetRows([records[0] as CatalogRecord], refOfId);
    const item = rows.items?.[0] ?? {};
    expect(item.type).toBe("公共服务");
    expect(item.level).toBe("市级");
    expect(item.processing).toBe("承诺件");
    expect(item.department).toBe("dept-gongan");
    const edited = { ...rows, items: [{ ...item, type: "public-service", level: "municipal" }] };
    const parsed = fromSheetRows(numbered(edited), title, lookup);
    expect(parsed.errors).toEqual([]);
    expect(strip(parsed)[0]?.content).toEqual(records[0]?.content);
  });

  it("reports each bad cell with its sheet, row and column, in Chinese", () => {
    const rows = toSheetRows(records.slice(0, 2), refOfId);
    const [first, second] = rows.items ?? [];
    const materials = rows.materials ?? [];
    const broken: SheetRows = {
      ...rows,
      items: [
        { ...first, type: "行政许可证", onlineDepth: "三", department: "dept-nowhere" },
        { ...second, name: "" },
      ],
      materials: [{ ...materials[0], forms: "原件、扫描件", required: "也许" }, ...materials.slice(1)],
      conditions: [...(rows.conditions ?? []), { ref: "ghost", text: "孤儿行" }],
    };
    const parsed = fromSheetRows(numbered(broken), title, lookup);
    const brief = parsed.errors.map((e) => [e.sheet, e.row, e.field]);
    expect(brief).toEqual(
      expect.arrayContaining([
        ["事项", 2, "事项类型"],
        ["事项", 2, "网上办理深度"],
        ["事项", 2, "实施主体"],
        ["事项", 3, "事项名称"],
        ["申请材料", 2, "材料形式"],
        ["申请材料", 2, "是否必要"],
        ["受理条件", (rows.conditions?.length ?? 0) + 2, "事项标识"],
      ]),
    );
    for (const error of parsed.errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(parsed.errors.find((e) => e.field === "事项名称")?.message).toBe("必填");
  });

  it("points a situation's problems at the row of the effect", () => {
    const rows = toSheetRows([fullRecord(records[0] as CatalogRecord)], refOfId);
    const situations = (rows.situations ?? []).map((cells, i) => (i === 1 ? { ...cells, by: "" } : cells));
    const parsed = fromSheetRows(numbered({ ...rows, situations }), title, lookup);
    expect(parsed.errors.map((e) => [e.sheet, e.row, e.field])).toEqual([["情形引导", 3, "替换为材料"]]);
  });

  it("carries the 申请表 as one JSON cell; a broken cell or form is reported on that column", () => {
    const withForm = records.find((record) => record.ref === "gaoling-jintie") as CatalogRecord;
    const rows = toSheetRows([withForm], refOfId);
    const item = rows.items?.[0] ?? {};
    expect(JSON.parse(item.form ?? "")).toEqual(withForm.content.form);
    const blank = fromSheetRows(numbered({ ...rows, items: [{ ...item, form: "" }] }), title, lookup);
    expect(blank.records[0]?.content.form.sections.map((section) => section.id)).toEqual(["contact"]);
    const broken = fromSheetRows(
      numbered({ ...rows, items: [{ ...item, form: "{sections:" }] }),
      title,
      lookup,
    );
    expect(broken.errors).toContainEqual({
      sheet: "事项",
      row: 2,
      field: "申请表",
      message: "申请表应为 JSON 格式",
    });
    const noContact = JSON.stringify({
      sections: [{ id: "a", title: "A", fields: [{ id: "x", label: "X", type: "text" }] }],
    });
    const invalid = fromSheetRows(
      numbered({ ...rows, items: [{ ...item, form: noContact }] }),
      title,
      lookup,
    );
    expect(invalid.errors.map((e) => [e.sheet, e.row, e.field])).toEqual([["事项", 2, "申请表"]]);
  });

  it("names the missing sheet and columns of a foreign workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("事项").addRow(["事项标识", "事项名称"]);
    const file = await readCatalogWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(file.errors[0]).toMatchObject({ sheet: "事项", row: 1, field: "事项ID" });
    expect(file.errors).toContainEqual({
      sheet: "申请材料",
      row: 0,
      field: "-",
      message: "缺少“申请材料”表（没有数据也请保留表头）",
    });
    const garbage = await readCatalogWorkbook(Buffer.from("not a workbook"));
    expect(garbage.errors).toEqual([{ row: 0, field: "-", message: "文件不是有效的 Excel（.xlsx）文件" }]);
  });
});

describe("the catalog JSON file", () => {
  it("reads back what the export writes", () => {
    const parsed = readCatalogJson(JSON.parse(JSON.stringify(records)));
    expect(parsed.errors).toEqual([]);
    expect(strip(parsed)).toEqual(records);
  });

  it("reports bad entries by position and field path", () => {
    const [first, second] = records;
    const parsed = readCatalogJson([
      { ...first, content: { ...first?.content, onlineDepth: 9 } },
      { ...second, ref: "Bad Ref" },
      { ...second },
      { ...second },
    ]);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [1, "content.onlineDepth"],
      [2, "ref"],
      [4, "ref"],
    ]);
    expect(readCatalogJson(Buffer.from("{")).errors[0]?.message).toBe("文件不是有效的 JSON");
    expect(readCatalogJson({}).errors[0]?.row).toBe(0);
  });
});
