import { computeCreditCodeCheck } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { addStaff, auditRows, type Client, clientFor } from "./fixtures.ts";

interface RegionView {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  placeNameSuffix: string;
  validTo: string | null;
  isAbolished: boolean;
  abilities: { update: boolean; createChild: boolean };
}

describe.each(databaseKinds)("regions and departments API on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let liangxiAdmin: Client;
  let clerk: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await addStaff(t, { username: "lx-admin", roles: ["system-admin"], regionCode: "320213" });
    admin = await clientFor(t, "admin");
    liangxiAdmin = await clientFor(t, "lx-admin");
    clerk = await clientFor(t, "clerk");
  });
  afterAll(() => t.close());

  it("lists the region tree parents first, with each level's standard place suffix", async () => {
    const res = await clerk.get("/api/admin/regions");
    expect(res.statusCode).toBe(200);
    const items: RegionView[] = res.json().items;
    const index = new Map(items.map((r, i) => [r.code, i]));
    for (const r of items) {
      if (r.parentCode) expect(index.get(r.parentCode), r.code).toBeLessThan(index.get(r.code) ?? -1);
    }
    const suffix = (code: string) => items.find((r) => r.code === code)?.placeNameSuffix;
    expect(suffix("320213")).toBe("政务服务中心");
    expect(suffix("320213021000")).toBe("便民服务中心");
    expect(suffix("320213021001")).toBe("便民服务站");
    // A clerk reads the tree but may change nothing.
    expect(items.every((r) => !r.abilities.update)).toBe(true);
    expect((await t.app.inject("/api/admin/regions")).statusCode).toBe(401);
  });

  it("computes abilities from the actor's region scope", async () => {
    const items: RegionView[] = (await liangxiAdmin.get("/api/admin/regions")).json().items;
    const can = (code: string) => items.find((r) => r.code === code)?.abilities.update;
    expect(can("320213")).toBe(true);
    expect(can("320213021000")).toBe(true);
    expect(can("320281")).toBe(false);
    expect(can("320200")).toBe(false);
  });

  it("creates a township whose code extends its county's prefix, and audits it", async () => {
    const res = await admin.post("/api/admin/regions", {
      code: "320213099000",
      name: "示例街道",
      parentCode: "320213",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: "320213099000",
      level: "township",
      placeKind: "convenience-centre",
    });
    expect(await auditRows(t, "region.created", "320213099000")).toHaveLength(1);
  });

  it.each([
    [{ code: "320214099000", name: "错位街道", parentCode: "320213" }, 400, "REGION_CODE_OUTSIDE_PARENT"],
    [{ code: "320213098000", name: "无上级", parentCode: "320213777000" }, 400, "REGION_PARENT_NOT_FOUND"],
    [{ code: "320213000000", name: "坏代码", parentCode: "320213" }, 400, "REGION_CODE_MALFORMED"],
    [{ code: "320213", name: "重复", parentCode: "320200" }, 409, "REGION_CODE_TAKEN"],
    [{ code: "320213097000", name: "层级", parentCode: "320213021000" }, 400, "REGION_PARENT_LEVEL"],
  ])("refuses %j with %i %s", async (body, status, code) => {
    const res = await admin.post("/api/admin/regions", body);
    expect(res.json()).toMatchObject({ status, code });
  });

  it("keeps a district administrator inside their district", async () => {
    const outside = await liangxiAdmin.post("/api/admin/regions", {
      code: "320281199000",
      name: "外区街道",
      parentCode: "320281",
    });
    expect(outside.json()).toMatchObject({ status: 403, code: "FORBIDDEN" });
    const inside = await liangxiAdmin.post("/api/admin/regions", {
      code: "320213098000",
      name: "内区街道",
      parentCode: "320213",
    });
    expect(inside.statusCode).toBe(201);
    const rename = await liangxiAdmin.patch("/api/admin/regions/320281", { name: "江阴" });
    expect(rename.json()).toMatchObject({ status: 403 });
    expect(
      (await clerk.post("/api/admin/regions", { code: "320213096000", name: "x", parentCode: "320213" }))
        .statusCode,
    ).toBe(403);
  });

  it("abolishes a region with valid_to instead of deleting it when anything references it", async () => {
    const tree: RegionView[] = (await admin.get("/api/admin/regions")).json().items;
    const deletable = (code: string) =>
      (tree.find((r) => r.code === code)?.abilities as { delete?: boolean } | undefined)?.delete;
    expect(deletable("320213021000")).toBe(false);
    expect(deletable("320205")).toBe(true);
    const refused = await admin.delete("/api/admin/regions/320213021000");
    expect(refused.json()).toMatchObject({ status: 409, code: "REGION_IN_USE" });
    const abolished = await admin.patch("/api/admin/regions/320213025000", { validTo: "2025-06-30" });
    expect(abolished.statusCode).toBe(200);
    expect(abolished.json()).toMatchObject({
      validTo: "2025-06-30",
      isAbolished: true,
      abilities: { createChild: false },
    });
    expect(await auditRows(t, "region.abolished", "320213025000")).toHaveLength(1);
    const reversed = await admin.patch("/api/admin/regions/320213025000", { validFrom: "2026-01-01" });
    expect(reversed.json()).toMatchObject({ status: 400, code: "REGION_PERIOD_INVALID" });
    const child = await admin.post("/api/admin/regions", {
      code: "320213025009",
      name: "新社区",
      parentCode: "320213025000",
    });
    expect(child.json()).toMatchObject({ status: 400, code: "REGION_PARENT_ABOLISHED" });
    // The abolished street's own place stays editable; nothing new may be placed there.
    const guangyi = await t.database.db
      .selectFrom("service_place")
      .select("id")
      .where("region_code", "=", "320213025000")
      .executeTakeFirstOrThrow();
    const edited = await admin.patch(`/api/admin/places/${guangyi.id}`, { phone: "0510-82402001" });
    expect(edited.statusCode).toBe(200);
    const newPlace = await admin.post("/api/admin/places", {
      regionCode: "320213025000",
      name: "广益街道第二便民服务中心",
      address: "x",
      openingHours: { periods: [{ weekday: 1, open: "09:00", close: "12:00" }], notes: [] },
    });
    expect(newPlace.json()).toMatchObject({ status: 400, code: "REGION_ABOLISHED" });

    await admin.post("/api/admin/regions", { code: "320213095000", name: "误建街道", parentCode: "320213" });
    expect((await admin.delete("/api/admin/regions/320213095000")).statusCode).toBe(204);
    expect(await auditRows(t, "region.deleted", "320213095000")).toHaveLength(1);
    expect((await admin.delete("/api/admin/regions/320213095000")).statusCode).toBe(404);
  });

  it("lists, creates and updates departments with a checked 统一社会信用代码", async () => {
    const list = await clerk.get("/api/admin/departments?q=民政");
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        name: "无锡市民政局",
        creditCode: "11320200MB3200032Q",
        abilities: { update: false },
      }),
    );
    expect(list.json().abilities.create).toBe(false);

    const bad = await admin.post("/api/admin/departments", {
      name: "无锡市梁溪区民政局",
      kind: "民政",
      creditCode: "11320213MB3200032A",
      regionCode: "320213",
    });
    expect(bad.json()).toMatchObject({ status: 400, code: "DEPARTMENT_CREDIT_CODE_INVALID" });
    expect(bad.json().title).toContain("统一社会信用代码无效");

    const taken = await admin.post("/api/admin/departments", {
      name: "重复",
      kind: "民政",
      creditCode: "11320200MB3200032Q",
      regionCode: "320213",
    });
    expect(taken.json()).toMatchObject({ status: 409, code: "DEPARTMENT_CREDIT_CODE_TAKEN" });

    const body = "11320213MB3200302";
    const valid = `${body}${computeCreditCodeCheck(body)}`;
    const created = await admin.post("/api/admin/departments", {
      name: "无锡市梁溪区民政局",
      kind: "民政",
      creditCode: valid.toLowerCase(),
      regionCode: "320213",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ creditCode: valid, ref: `dept-${valid.toLowerCase()}` });
    const id: string = created.json().id;
    expect(await auditRows(t, "department.created", id)).toHaveLength(1);
    const updated = await liangxiAdmin.patch(`/api/admin/departments/${id}`, {
      kind: "民政（婚姻）",
      creditCode: "11320213MB3200294B",
    });
    expect(updated.json()).toMatchObject({ status: 409, code: "DEPARTMENT_CREDIT_CODE_TAKEN" });
    const renamed = await liangxiAdmin.patch(`/api/admin/departments/${id}`, { kind: "民政（婚姻）" });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      kind: "民政（婚姻）",
      region: { code: "320213", name: "梁溪区" },
      abilities: { update: true },
    });
    expect(await auditRows(t, "department.updated", id)).toHaveLength(1);

    const city = list.json().items[0].id as string;
    expect((await liangxiAdmin.patch(`/api/admin/departments/${city}`, { kind: "x" })).statusCode).toBe(403);
  });
});
