import type { Finding } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../../test/databases.ts";
import { createTestApp, type TestApp } from "../../../test/test-app.ts";
import { addStaff } from "../../organisations/fixtures.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import { type CatalogClient, catalogClient, enrolDemoAuthenticator, seededItem } from "../fixtures.ts";
import { itemColumns } from "../item-row.ts";

const report = "/api/admin/catalog/report";
type Report = {
  findings: Finding[];
  departments: {
    department: { id: string; name: string };
    itemCount: number;
    averageCompleteness: number;
    errorCount: number;
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
};

describe.each(databaseKinds)("the consistency report on %s", (kind) => {
  let t: TestApp;
  let steward: CatalogClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await enrolDemoAuthenticator(t, "steward");
    await addStaff(t, { username: "liangxi-steward", roles: ["data-steward"], regionCode: "320213" });
    steward = await catalogClient(t, "steward");
  });
  afterAll(() => t.close());

  it("lists every active item with its completeness, and averages per department", async () => {
    const res = await steward.get(report);
    expect(res.statusCode).toBe(200);
    const body: Report = res.json();
    const active = await t.database.db
      .selectFrom("item")
      .select("id")
      .where("status", "=", "active")
      .execute();
    expect(body.items).toHaveLength(active.length);
    expect(body.findings.filter((f) => f.severity === "error")).toEqual([]);
    const itemTotal = body.departments.reduce((sum, d) => sum + d.itemCount, 0);
    expect(itemTotal).toBe(active.length);
    for (const department of body.departments) {
      expect(department.averageCompleteness).toBeGreaterThanOrEqual(0);
      expect(department.averageCompleteness).toBeLessThanOrEqual(100);
    }
    // Each item names its implementing department, so findings can be filtered by department.
    const implementing = await t.database.db
      .selectFrom("item")
      .innerJoin("department", "department.id", "item.department_id")
      .select(["item.id", "department.id as department_id", "department.name as department_name"])
      .where("item.status", "=", "active")
      .execute();
    const departmentOf = new Map(
      implementing.map((r) => [r.id, { id: r.department_id, name: r.department_name }]),
    );
    for (const item of body.items) expect(item.department).toEqual(departmentOf.get(item.id));
    for (const department of body.departments)
      expect(body.items.filter((i) => i.department.id === department.department.id)).toHaveLength(
        department.itemCount,
      );
  });

  it("documents the report, import and export in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([report, "/api/admin/catalog/export", "/api/admin/catalog/import"]),
    );
  });

  it("is for the catalog's staff only", async () => {
    expect((await (await catalogClient(t, "supervisor")).get(report)).statusCode).toBe(200);
    expect((await (await catalogClient(t, "clerk")).get(report)).statusCode).toBe(403);
    const anonymous = await t.anonymous();
    const res = await t.app.inject({ method: "GET", url: report, headers: { cookie: anonymous.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it("flags a planted deviation: a second implementation under another name (四级四同), a promise over the law", async () => {
    const base = await seededItem(t, "sfz-shouci-shenling");
    const county = await t.database.db
      .selectFrom("department")
      .select(["id", "credit_code", "region_code"])
      .where("ref", "=", "dept-liangxi-zwfw")
      .executeTakeFirstOrThrow();
    // The same 基本编码, implemented by a district body, under a name of its own.
    const planted = {
      ...base.content,
      name: "居民身份证首次申领（梁溪）",
      level: "county" as const,
      departmentId: county.id,
      implementationCode: `${county.credit_code}4${base.content.basicCode}`,
    };
    await t.database.db
      .insertInto("item")
      .values({
        ref: "planted-sfz-liangxi",
        ...itemColumns(planted, county.region_code),
        version: 1,
        status: "active",
        effective_from: todayInShanghai(),
      })
      .execute();
    // A promise longer than the statutory limit, written behind governance's back.
    const other = await t.database.db
      .selectFrom("item")
      .select(["id", "ref", "content"])
      .where("ref", "<>", "sfz-shouci-shenling")
      .execute();
    const target = other.find(
      (row) => row.content.statutoryLimit?.unit === "workday" && row.content.promisedLimit,
    );
    if (!target?.content.statutoryLimit) throw new Error("no item with a statutory limit in working days");
    const overPromise = {
      ...target.content,
      promisedLimit: { days: target.content.statutoryLimit.days + 5, unit: "workday" as const, text: null },
    };
    await t.database.db
      .updateTable("item")
      .set({ content: JSON.stringify(overPromise) })
      .where("id", "=", target.id)
      .execute();

    const body: Report = (await steward.get(report)).json();
    const brief = (f: Finding) => [f.rule, f.severity, f.ref, f.field];
    expect(body.findings.filter((f) => f.severity === "error").map(brief)).toEqual(
      expect.arrayContaining([
        ["four-same", "error", "planted-sfz-liangxi", "name"],
        ["time-limit", "error", target.ref, "promisedLimit"],
      ]),
    );
    const fourSame = body.findings.find((f) => f.rule === "four-same");
    expect(fourSame?.message).toContain("居民身份证首次申领（梁溪）");
    expect(fourSame?.message).toContain("sfz-shouci-shenling");
    // The municipal implementation sets the standard: it is not the one flagged.
    expect(body.findings.some((f) => f.rule === "four-same" && f.ref === "sfz-shouci-shenling")).toBe(false);
    expect(body.items.find((i) => i.ref === "planted-sfz-liangxi")?.errorCount).toBe(1);
    expect(body.items.find((i) => i.ref === target.ref)?.errorCount).toBeGreaterThanOrEqual(1);
    const district = body.departments.find((d) => d.department.id === county.id);
    expect(district).toMatchObject({ itemCount: 1, errorCount: 1 });

    // A district steward sees the district's item only, still checked against the whole catalog.
    const local: Report = (await (await catalogClient(t, "liangxi-steward")).get(report)).json();
    expect(local.items.map((i) => i.ref)).toEqual(["planted-sfz-liangxi"]);
    expect(local.items[0]?.department.id).toBe(county.id);
    expect(local.findings.map(brief)).toEqual([["four-same", "error", "planted-sfz-liangxi", "name"]]);
  });
});
