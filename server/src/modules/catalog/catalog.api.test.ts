import { ItemContentSchema } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

interface Summary {
  id: string;
  name: string;
  department: { id: string };
  regionCode: string;
  themes: string[];
  tags: string[];
  audience: string[];
  type: string;
}

describe.each(databaseKinds)("catalog read API on %s", (kind) => {
  let t: TestApp;
  const list = async (query: Record<string, string>) =>
    (await t.app.inject({ url: "/api/items", query: { pageSize: "100", ...query } })).json();
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it("lists departments with their item counts, adding up to the whole catalog", async () => {
    const { items } = (await t.app.inject("/api/departments")).json();
    expect(items.length).toBeGreaterThan(10);
    const total = items.reduce((sum: number, d: { itemCount: number }) => sum + d.itemCount, 0);
    expect(total).toBe(125);
    expect(items.find((d: { ref: string }) => d.ref === "dept-gongan")).toMatchObject({
      name: "无锡市公安局",
    });
  });

  it("pages through items with a total, filtered by department and by words", async () => {
    const first = (await t.app.inject("/api/items?pageSize=50")).json();
    expect(first).toMatchObject({ total: 125, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const third = (await t.app.inject("/api/items?pageSize=50&page=3")).json();
    expect(third.items).toHaveLength(25);
    const ids = new Set([...first.items, ...third.items].map((i: { id: string }) => i.id));
    expect(ids.size).toBe(75);

    const { items: depts } = (await t.app.inject("/api/departments")).json();
    const police = depts.find((d: { ref: string }) => d.ref === "dept-gongan");
    const byDept = await list({ department: police.id });
    expect(byDept.total).toBe(police.itemCount);
    expect(byDept.items.every((i: Summary) => i.department.id === police.id)).toBe(true);

    const byWord = await list({ q: "身份证" });
    expect(byWord.total).toBeGreaterThan(0);
    expect(byWord.items.every((i: Summary) => i.name.includes("身份证"))).toBe(true);
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("filters by theme, audience, feature tag, type and region, each with its own total", async () => {
    const housing = await list({ theme: "住房" });
    expect(housing.total).toBe(19);
    expect(housing.items.every((i: Summary) => i.themes.includes("住房"))).toBe(true);
    const companies = await list({ audience: "company" });
    expect(companies.total).toBeGreaterThan(0);
    expect(companies.items.every((i: Summary) => i.audience.includes("company"))).toBe(true);
    const online = await list({ tag: "fully-online" });
    expect(online.total).toBe(56);
    expect(online.items.every((i: Summary) => i.tags.includes("fully-online"))).toBe(true);
    const licensing = await list({ type: "licensing" });
    expect(licensing.items.every((i: Summary) => i.type === "licensing")).toBe(true);
    expect(licensing.items[0]).toMatchObject({ typeName: "行政许可", typeCode: "01" });
    // Filters combine; region matches the implementing department's region subtree.
    const both = await list({ theme: "住房", tag: "fully-online" });
    expect(both.total).toBeLessThan(housing.total);
    expect((await list({ region: "320000" })).total).toBe(125);
    expect((await list({ region: "320200" })).total).toBe(125);
    expect((await list({ region: "320213" })).total).toBe(0);
    expect((await t.app.inject("/api/items?tag=承诺件")).statusCode).toBe(400);
  });

  it("serves one item's whole guide: the document, licence names, windows with place and hours", async () => {
    const found = await list({ q: "居民身份证首次申领" });
    const item = (await t.app.inject(`/api/items/${found.items[0].id}`)).json();
    expect(item).toMatchObject({ ref: "sfz-shouci-shenling", version: 1, status: "active" });
    expect(item.region).toEqual({ code: "320200", name: "无锡市" });
    const content = ItemContentSchema.parse(item.content);
    expect(content).toMatchObject({
      type: "public-service",
      processing: "promised",
      statutoryLimit: { days: 60, unit: "natural-day" },
      promisedLimit: { days: 15, unit: "workday" },
      fees: [{ amountFen: 2000 }],
      onlineDepth: 2,
      maxVisits: 1,
    });
    expect(content.implementationCode).toHaveLength(31);
    expect(content.materials[0]).toMatchObject({ name: "居民户口簿", licenceTypeRef: "lic-hkb" });
    expect(item.licenceTypes["lic-hkb"]).toContain("户口");
    expect(content.situations.map((s) => s.question)).toEqual([
      "申请人是否未满十六周岁？",
      "是否委托他人办理？",
    ]);
    expect(item.windows[0]).toMatchObject({
      number: "B01",
      name: "公安户政出入境窗口",
      place: { name: "无锡市政务服务中心", address: expect.stringContaining("观山路") },
    });
    expect(item.windows[0].place.openingHours.periods.length).toBeGreaterThan(0);
  });

  it("counts items per department, theme, tag and type for browsing", async () => {
    const facets = (await t.app.inject("/api/catalog/facets")).json();
    expect(facets.departments.reduce((n: number, d: { itemCount: number }) => n + d.itemCount, 0)).toBe(125);
    expect(facets.themes).toContainEqual({ theme: "住房", audience: "citizen", itemCount: 19 });
    expect(facets.themes).toContainEqual(expect.objectContaining({ theme: "企业开办", audience: "company" }));
    expect(facets.tags).toContainEqual({ tag: "fully-online", itemCount: 56 });
    expect(facets.types).toContainEqual(expect.objectContaining({ type: "licensing", name: "行政许可" }));
  });

  it("answers a missing item with 404 and a malformed id with 400, as problems", async () => {
    const missing = await t.app.inject("/api/items/00000000-0000-4000-8000-000000000000");
    expect(missing.json()).toMatchObject({
      status: 404,
      code: "ITEM_NOT_FOUND",
      title: "事项不存在或已下线",
    });
    const malformed = await t.app.inject("/api/items/not-a-uuid");
    expect(malformed.json()).toMatchObject({ status: 400, code: "VALIDATION_FAILED" });
    const badPage = await t.app.inject("/api/items?pageSize=1000");
    expect(badPage.statusCode).toBe(400);
  });
});
