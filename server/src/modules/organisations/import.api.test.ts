import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { addStaff, auditRows, type Client, clientFor } from "./fixtures.ts";

interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const goodFile = {
  regions: [{ code: "320213026000", name: "江海街道", parentCode: "320213" }],
  places: [
    {
      regionCode: "320213026000",
      name: "江海街道便民服务中心",
      address: "无锡市梁溪区江海街道示例路9号",
      phone: "0510-80000026",
      hours: "周一至周五 08:30-12:00,13:30-17:00",
      notes: "延时服务：周三至 19:00",
    },
  ],
  windows: [
    {
      regionCode: "320213026000",
      placeName: "江海街道便民服务中心",
      number: "1",
      name: "综合受理窗口",
      kind: "综合受理",
    },
    {
      regionCode: "320213026000",
      placeName: "江海街道便民服务中心",
      number: "2",
      name: "社保窗口",
      kind: "专业",
      department: "dept-renshe",
    },
  ],
};

describe.each(databaseKinds)("organisation import and export on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let liangxiAdmin: Client;
  const counts = async () => ({
    regions: (await t.database.db.selectFrom("region").select("code").execute()).length,
    places: (await t.database.db.selectFrom("service_place").select("id").execute()).length,
    windows: (await t.database.db.selectFrom("service_window").select("id").execute()).length,
  });
  const importJson = (client: Client, data: unknown) =>
    client.post("/api/admin/organisations/import", {
      fileName: "places.json",
      format: "json",
      content: JSON.stringify(data),
    });
  beforeAll(async () => {
    t = await createTestApp(kind);
    await addStaff(t, { username: "lx-admin", roles: ["system-admin"], regionCode: "320213" });
    admin = await clientFor(t, "admin");
    liangxiAdmin = await clientFor(t, "lx-admin");
  });
  afterAll(() => t.close());

  it("imports nothing from a JSON file with bad rows, and says which row, column and why", async () => {
    const before = await counts();
    const bad = {
      ...goodFile,
      places: [
        ...goodFile.places,
        {
          regionCode: "320213",
          name: "梁溪区第二便民服务中心",
          address: "x",
          hours: "周一至周五 08:30-17:00",
        },
      ],
      windows: [
        ...goodFile.windows,
        {
          regionCode: "320213026000",
          placeName: "江海街道便民服务中心",
          number: "3",
          name: "窗口",
          kind: "专业",
        },
        {
          regionCode: "320213026000",
          placeName: "江海街道便民服务中心",
          number: "4",
          name: "窗口",
          kind: "自助",
        },
        {
          regionCode: "320213026000",
          placeName: "江海街道便民服务中心",
          number: "1",
          name: "重复",
          kind: "综合受理",
        },
      ],
    };
    const res = await importJson(admin, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "IMPORT_INVALID", details: { total: 4 } });
    const rows: RowError[] = res.json().details.rows;
    expect(rows).toEqual([
      {
        sheet: "places（场所）",
        row: 2,
        column: "name（名称）",
        message: expect.stringContaining("政务服务中心"),
      },
      { sheet: "windows（窗口）", row: 3, column: "department（部门）", message: "专业窗口须指定所属部门" },
      {
        sheet: "windows（窗口）",
        row: 4,
        column: "kind（窗口类型）",
        message: expect.stringContaining("综合受理、专业"),
      },
      { sheet: "windows（窗口）", row: 5, column: "number（窗口编号）", message: "与第 1 行的窗口编号重复" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("imports a valid JSON file in one go and reports what it created; a second run changes nothing", async () => {
    const before = await counts();
    const res = await importJson(admin, goodFile);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      regions: { created: 1, updated: 0 },
      departments: { created: 0, updated: 0 },
      places: { created: 1, updated: 0 },
      windows: { created: 2, updated: 0 },
    });
    expect(await counts()).toEqual({
      regions: before.regions + 1,
      places: before.places + 1,
      windows: before.windows + 2,
    });
    const audit = await auditRows(t, "organisation.imported");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ fileName: "places.json", places: { created: 1 } });
    const again = (await importJson(admin, goodFile)).json();
    expect(again.places).toEqual({ created: 0, updated: 0 });
    expect(again.windows).toEqual({ created: 0, updated: 0 });
  });

  it("reports rows outside the importer's region as errors", async () => {
    const res = await importJson(liangxiAdmin, {
      places: [
        {
          regionCode: "320281107000",
          name: "华士镇第二便民服务中心",
          address: "x",
          hours: "周一 09:00-12:00",
        },
      ],
    });
    expect(res.json().details.rows).toEqual([
      {
        sheet: "places（场所）",
        row: 1,
        column: "regionCode（区划代码）",
        message: "无权管理区划 320281107000 的数据",
      },
    ]);
  });

  it("imports a real .xlsx workbook with Chinese headers, reporting spreadsheet row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const places = workbook.addWorksheet("场所");
    places.addRow(["区划代码*", "名称*", "地址*", "电话", "办公时间*", "服务说明"]);
    places.addRow([
      "320213022001",
      "南长街社区第二便民服务站",
      "南长街 1 号",
      "",
      "周一至周五 09:00-17:00",
      "",
    ]);
    places.addRow(["320213022001", "南长街社区服务点", "南长街 2 号", "", "周一至周五 9点到5点", ""]);
    const windows = workbook.addWorksheet("窗口");
    windows.addRow([
      "场所区划代码",
      "场所名称",
      "窗口编号",
      "窗口名称",
      "窗口类型",
      "部门",
      "办公时间",
      "服务说明",
      "启用",
    ]);
    windows.addRow([
      "320213022001",
      "南长街社区第二便民服务站",
      "1",
      "综合服务窗口",
      "综合受理",
      "",
      "",
      "",
      "是",
    ]);
    const encode = async () => Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const upload = async () =>
      admin.post("/api/admin/organisations/import", {
        fileName: "场所.xlsx",
        format: "xlsx",
        content: await encode(),
      });

    const refused = await upload();
    expect(refused.json().details.rows).toEqual([
      { sheet: "场所", row: 3, column: "名称", message: expect.stringContaining("便民服务站") },
      { sheet: "场所", row: 3, column: "办公时间", message: expect.stringContaining("无法识别") },
    ]);
    places.spliceRows(3, 1);
    const res = await upload();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ places: { created: 1 }, windows: { created: 1 } });
    const notExcel = await admin.post("/api/admin/organisations/import", {
      fileName: "x.xlsx",
      format: "xlsx",
      content: "bm90IGV4Y2Vs",
    });
    expect(notExcel.json().details.rows[0].message).toContain("不是有效的 Excel");
  });

  it("offers the Excel template, and exports in the same format so an export imports back unchanged", async () => {
    const template = await admin.get("/api/admin/organisations/template.xlsx");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["说明", "区划", "部门", "场所", "窗口"]);
    expect(book.getWorksheet("场所")?.getRow(1).getCell(2).text).toBe("名称*");

    const exported = await liangxiAdmin.get("/api/admin/organisations/export?format=json");
    expect(exported.statusCode).toBe(200);
    const file = exported.json();
    expect(file.places.every((p: { regionCode: string }) => p.regionCode.startsWith("320213"))).toBe(true);
    expect(file.places.find((p: { name: string }) => p.name === "梁溪区政务服务中心")).toMatchObject({
      hours: "周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00",
    });
    expect(await auditRows(t, "organisation.exported")).toHaveLength(1);
    const reimported = await importJson(liangxiAdmin, file);
    expect(reimported.statusCode).toBe(200);
    expect(reimported.json()).toEqual({
      regions: { created: 0, updated: 0 },
      departments: { created: 0, updated: 0 },
      places: { created: 0, updated: 0 },
      windows: { created: 0, updated: 0 },
    });
    const xlsx = await admin.get("/api/admin/organisations/export");
    expect(xlsx.headers["content-disposition"]).toContain("attachment");
    const reread = await admin.post("/api/admin/organisations/import", {
      fileName: "export.xlsx",
      format: "xlsx",
      content: xlsx.rawPayload.toString("base64"),
    });
    expect(reread.statusCode, reread.body).toBe(200);
    expect(reread.json().places).toEqual({ created: 0, updated: 0 });
  });
});
