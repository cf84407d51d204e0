import type { ItemContent } from "@tongban/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../../test/databases.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { addStaff } from "../../organisations/fixtures.ts";
import { enrolDemoAuthenticator } from "../fixtures.ts";
import { readCatalogWorkbook } from "./workbook.ts";
import type { CatalogRecord } from "./write-rows.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exportUrl = (format: "json" | "xlsx") => `/api/admin/catalog/export?format=${format}`;
const importUrl = (format: "json" | "xlsx") => `/api/admin/catalog/import?format=${format}`;

describe.each(databaseKinds)("catalog import and export on %s", (kind) => {
  let t: TestApp;

  /** Calls the API as a user with a raw body (the import takes the file itself). */
  async function call(username: string | null, method: "GET" | "POST", url: string, body?: string | Buffer) {
    const signed = username ? await t.login(username) : await t.anonymous();
    const contentType = Buffer.isBuffer(body) ? XLSX : "application/json";
    return t.app.inject({
      method,
      url,
      headers: {
        cookie: signed.cookie,
        "x-csrf-token": signed.csrf,
        ...(body === undefined ? {} : { "content-type": contentType }),
      },
      ...(body === undefined ? {} : { payload: body }),
    });
  }
  const exportJson = async (): Promise<CatalogRecord[]> =>
    (await call("editor", "GET", exportUrl("json"))).json();
  const importJson = (records: unknown, username = "editor") =>
    call(username, "POST", importUrl("json"), JSON.stringify(records));
  const changeCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom("change_request")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async (action: string) =>
    (await t.database.db.selectFrom("audit_log").select("id").where("action", "=", action).execute()).length;
  const withContent = (record: CatalogRecord, change: Partial<ItemContent>): CatalogRecord => ({
    ...record,
    content: { ...record.content, ...change },
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await enrolDemoAuthenticator(t, "steward");
    await addStaff(t, { username: "county-editor", roles: ["catalog-editor"], regionCode: "320281" });
  });
  afterAll(() => t.close());

  it("exports every active item with its ref, id, version and content, in ref order", async () => {
    const res = await call("steward", "GET", exportUrl("json"));
    expect(res.statusCode).toBe(200);
    const records: CatalogRecord[] = res.json();
    const active = await t.database.db
      .selectFrom("item")
      .select("ref")
      .where("status", "=", "active")
      .execute();
    expect(records).toHaveLength(active.length);
    expect(records.map((r) => r.ref)).toEqual([...records.map((r) => r.ref)].sort());
    expect(records[0]).toMatchObject({ itemId: expect.any(String), version: expect.any(Number) });
    expect(records[0]?.content.name).toEqual(expect.any(String));
    expect(await auditCount("catalog.exported")).toBeGreaterThan(0);
  });

  it("exports a workbook with the items sheet and one sheet per list element", async () => {
    const res = await call("editor", "GET", exportUrl("xlsx"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "说明",
      "事项",
      "服务对象细分",
      "设定依据",
      "受理条件",
      "申请材料",
      "情形引导",
      "收费标准",
      "办理流程",
      "常见问题",
      "申请人权利",
      "申请人义务",
    ]);
  });

  it("refuses visitors, and roles without the export or import action", async () => {
    expect((await call(null, "GET", exportUrl("json"))).statusCode).toBe(401);
    expect((await call("supervisor", "GET", exportUrl("json"))).statusCode).toBe(403);
    expect((await call("steward", "POST", importUrl("json"), "[]")).statusCode).toBe(403);
  });

  it("round-trips JSON unchanged: no change request, and the next export is identical", async () => {
    const first = await exportJson();
    const [changesBefore, importsBefore] = [await changeCount(), await auditCount("catalog.imported")];
    const res = await importJson(first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      created: 0,
      changed: 0,
      unchanged: first.length,
      changeRequests: [],
      errors: [],
    });
    expect(await changeCount()).toBe(changesBefore);
    expect(await auditCount("catalog.imported")).toBe(importsBefore + 1);
    expect(await exportJson()).toEqual(first);
  });

  it("round-trips Excel unchanged: no change request, and the next export has the same cells", async () => {
    const first = (await call("editor", "GET", exportUrl("xlsx"))).rawPayload;
    const changesBefore = await changeCount();
    const res = await call("editor", "POST", importUrl("xlsx"), first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, changed: 0, changeRequests: [], errors: [] });
    expect(res.json().unchanged).toBeGreaterThan(100);
    expect(await changeCount()).toBe(changesBefore);
    const second = (await call("editor", "GET", exportUrl("xlsx"))).rawPayload;
    expect((await readCatalogWorkbook(second)).rows).toEqual((await readCatalogWorkbook(first)).rows);
  });

  it("opens a change request per new or changed item, submitted to legality review, with audit rows", async () => {
    const records = await exportJson();
    const [changed, template] = [records[0] as CatalogRecord, records[1] as CatalogRecord];
    const promised = changed.content.promisedLimit;
    const edited = withContent(changed, { name: `${changed.content.name}（新）` });
    const basicCode = "399000100001";
    const added: CatalogRecord = {
      ref: "imported-new-item",
      itemId: null,
      version: null,
      content: {
        ...template.content,
        name: "新导入的事项",
        basicCode,
        implementationCode: template.content.implementationCode.slice(0, 19) + basicCode,
      },
    };
    const submittedBefore = await auditCount("catalog.change-submitted");
    const res = await importJson([edited, ...records.slice(1), added]);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ created: 1, changed: 1, unchanged: records.length - 1, errors: [] });
    expect(result.changeRequests.map((c: { ref: string }) => c.ref)).toEqual([
      changed.ref,
      "imported-new-item",
    ]);
    expect(result.changeRequests[0].number).toMatch(/^BG\d{12}$/);
    const rows = await t.database.db
      .selectFrom("change_request")
      .select(["id", "kind", "status", "item_id", "ref"])
      .where(
        "id",
        "in",
        result.changeRequests.map((c: { id: string }) => c.id),
      )
      .execute();
    expect(rows.map((r) => [r.kind, r.status]).sort()).toEqual([
      ["change", "legality-review"],
      ["create", "legality-review"],
    ]);
    expect(await auditCount("catalog.change-submitted")).toBe(submittedBefore + 2);
    const summary = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "catalog.imported")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(summary.details).toMatchObject({ format: "json", created: 1, changed: 1 });
    // Governance still applies: nothing is published by the import.
    const item = await t.database.db
      .selectFrom("item")
      .select(["name"])
      .where("ref", "=", changed.ref)
      .executeTakeFirstOrThrow();
    expect(item.name).toBe(changed.content.name);
    expect(promised).toEqual(changed.content.promisedLimit);

    // The same change again: the item has a change under way, so the whole file is refused.
    const again = await importJson([edited]);
    expect(again.json().errors).toEqual([
      { row: 1, field: "事项标识", message: expect.stringContaining(result.changeRequests[0].number) },
    ]);
  });

  it("writes nothing when one row is wrong, and names the row, field and rule", async () => {
    const records = await exportJson();
    const good = withContent(records[5] as CatalogRecord, { consultationPhone: "0510-88888888" });
    const bad = withContent(records[6] as CatalogRecord, { onlineDepth: 4, maxVisits: 2 });
    const [changesBefore, importsBefore] = [await changeCount(), await auditCount("catalog.imported")];
    const res = await importJson([good, bad]);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ created: 0, changed: 0, unchanged: 0, changeRequests: [] });
    expect(result.errors).toEqual([
      { row: 2, field: "到办事现场次数", message: expect.stringContaining("网上办理深度为四级") },
    ]);
    expect(await changeCount()).toBe(changesBefore);
    expect(await auditCount("catalog.imported")).toBe(importsBefore);

    const shape = await importJson([{ ...good, content: { ...good.content, onlineDepth: 9 } }]);
    expect(shape.json().errors).toEqual([
      { row: 1, field: "content.onlineDepth", message: expect.any(String) },
    ]);
    const stale = await importJson([{ ...good, version: (good.version ?? 1) + 1 }]);
    expect(stale.json().errors[0]).toMatchObject({ row: 1, field: "版本" });
  });

  it("reports a bad spreadsheet cell by sheet, row and column and writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await call("editor", "GET", exportUrl("xlsx"))).rawPayload as unknown as ExcelJS.Buffer,
    );
    const items = workbook.getWorksheet("事项") as ExcelJS.Worksheet;
    const typeColumn = (items.getRow(1).values as string[]).indexOf("事项类型");
    items.getCell(3, typeColumn).value = "行政许可证";
    items.getCell(4, typeColumn + 1).value = "省市级";
    const changesBefore = await changeCount();
    const res = await call(
      "editor",
      "POST",
      importUrl("xlsx"),
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(
      res.json().errors.map((e: { sheet: string; row: number; field: string }) => [e.sheet, e.row, e.field]),
    ).toEqual([
      ["事项", 3, "事项类型"],
      ["事项", 4, "行使层级"],
    ]);
    expect(await changeCount()).toBe(changesBefore);
  });

  it("refuses changes outside the importer's region but lets unchanged rows pass", async () => {
    const records = await exportJson();
    expect((await importJson(records.slice(10, 12), "county-editor")).json()).toMatchObject({
      unchanged: 2,
      errors: [],
    });
    const res = await importJson(
      [withContent(records[10] as CatalogRecord, { complaintPhone: "12345-1" })],
      "county-editor",
    );
    expect(res.json().errors).toEqual([
      { row: 1, field: "实施主体", message: "该事项不在您的管辖范围内，不能导入" },
    ]);
  });
});
