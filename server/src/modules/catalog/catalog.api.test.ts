import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

describe.each(databaseKinds)("catalog read API on %s", (kind) => {
  let t: TestApp;
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
    const byDept = (await t.app.inject(`/api/items?department=${police.id}&pageSize=100`)).json();
    expect(byDept.total).toBe(police.itemCount);
    expect(byDept.items.every((i: { department: { id: string } }) => i.department.id === police.id)).toBe(
      true,
    );

    const byWord = (await t.app.inject({ url: "/api/items", query: { q: "身份证" } })).json();
    expect(byWord.total).toBeGreaterThan(0);
    expect(byWord.items.every((i: { name: string }) => i.name.includes("身份证"))).toBe(true);
    const literal = (await t.app.inject({ url: "/api/items", query: { q: "%" } })).json();
    expect(literal.total).toBe(0);
  });

  it("serves one item's whole guide, resolving licences that can replace materials", async () => {
    const list = (await t.app.inject({ url: "/api/items", query: { q: "居民身份证首次申领" } })).json();
    const id = list.items[0].id;
    const item = (await t.app.inject(`/api/items/${id}`)).json();
    expect(item).toMatchObject({
      ref: "sfz-shouci-shenling",
      type: "公共服务",
      typeCode: "20",
      statutoryLimit: { days: 60, unit: "自然日" },
      promisedLimit: { days: 15, unit: "工作日" },
      fee: { charged: true, amountFen: 2000 },
      onlineDepth: 2,
      maxVisits: 1,
    });
    expect(item.implementationCode).toHaveLength(31);
    expect(item.materials[0]).toMatchObject({ name: "居民户口簿", sourceLicence: { ref: "lic-hkb" } });
    expect(item.materials[0].sourceLicence.name).toContain("户口");
    expect(item.situations[0].question).toBe("申请人是否未满十六周岁？");
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
