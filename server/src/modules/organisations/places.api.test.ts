import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { addStaff, auditRows, type Client, clientFor, officeHours } from "./fixtures.ts";

interface PlaceSummary {
  id: string;
  name: string;
  kind: string;
  region: { code: string; name: string };
  windowCount: number;
  abilities: { update: boolean };
}

describe.each(databaseKinds)("service places and windows API on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let liangxiAdmin: Client;
  let clerk: Client;
  let placeIdOf: (name: string) => Promise<string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await addStaff(t, { username: "lx-admin", roles: ["system-admin"], regionCode: "320213" });
    admin = await clientFor(t, "admin");
    liangxiAdmin = await clientFor(t, "lx-admin");
    clerk = await clientFor(t, "clerk");
    placeIdOf = async (name) =>
      (
        await t.database.db
          .selectFrom("service_place")
          .select("id")
          .where("name", "=", name)
          .executeTakeFirstOrThrow()
      ).id;
  });
  afterAll(() => t.close());

  it("lists the seeded places with windows of every kind, searchable", async () => {
    const res = await admin.get("/api/admin/places?pageSize=100");
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((p: PlaceSummary) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "无锡市政务服务中心",
        "梁溪区政务服务中心",
        "崇安寺街道便民服务中心",
        "中山路社区便民服务站",
      ]),
    );
    expect(res.json().abilities.create).toBe(true);
    const kinds = await t.database.db.selectFrom("service_window").select("kind").distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      "assisted",
      "cross-province",
      "fallback",
      "general",
      "specialised",
    ]);

    const search = (await admin.get(`/api/admin/places?q=${encodeURIComponent("崇安寺街道便民")}`)).json();
    expect(search.items.map((p: PlaceSummary) => p.name)).toEqual(["崇安寺街道便民服务中心"]);
    const stations = (await admin.get("/api/admin/places?kind=convenience-station&regionCode=320213")).json();
    expect(
      stations.items.every(
        (p: PlaceSummary) => p.kind === "convenience-station" && p.region.code.startsWith("320213"),
      ),
    ).toBe(true);
    expect(stations.total).toBe(3);
  });

  it("shows a place with its hours and windows; a window without hours keeps the place's", async () => {
    const res = await admin.get(`/api/admin/places/${await placeIdOf("无锡市政务服务中心")}`);
    expect(res.statusCode).toBe(200);
    const place = res.json();
    expect(place.openingHours.notes).toContain("延时服务：工作日 17:30-19:00，请提前预约");
    const b01 = place.windows.find((w: { number: string }) => w.number === "B01");
    expect(b01).toMatchObject({
      kind: "specialised",
      department: { name: "无锡市公安局" },
      openingHours: null,
      isActive: true,
    });
    const b02 = place.windows.find((w: { number: string }) => w.number === "B02");
    expect(b02.openingHours.periods).toHaveLength(5);
  });

  it("creates places only with the standard name for the region's level", async () => {
    const create = (regionCode: string, name: string, client = admin) =>
      client.post("/api/admin/places", {
        regionCode,
        name,
        address: "无锡市梁溪区示例路1号",
        phone: "0510-80000000",
        openingHours: officeHours,
      });
    const wrong = await create("320213022000", "清名桥街道政务服务中心");
    expect(wrong.json()).toMatchObject({ status: 400, code: "PLACE_NAME_NOT_STANDARD" });
    expect(wrong.json().title).toContain("清名桥街道便民服务中心");
    const mismatch = await admin.post("/api/admin/places", {
      regionCode: "320213022001",
      name: "南长街社区第二便民服务站",
      kind: "convenience-centre",
      address: "x",
      openingHours: officeHours,
    });
    expect(mismatch.json()).toMatchObject({ status: 400, code: "PLACE_KIND_MISMATCH" });
    const taken = await create("320213", "梁溪区政务服务中心");
    expect(taken.json()).toMatchObject({ status: 409, code: "PLACE_NAME_TAKEN" });
    const badHours = await admin.post("/api/admin/places", {
      regionCode: "320213022001",
      name: "南长街社区第二便民服务站",
      address: "x",
      openingHours: { periods: [{ weekday: 1, open: "17:00", close: "09:00" }], notes: [] },
    });
    expect(badHours.json()).toMatchObject({ status: 400, code: "VALIDATION_FAILED" });

    const ok = await create("320213022001", "南长街社区第二便民服务站");
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      kind: "convenience-station",
      region: { name: "南长街社区" },
      windows: [],
      abilities: { update: true },
    });
    expect(await auditRows(t, "place.created", ok.json().id)).toHaveLength(1);
  });

  it("adds and changes windows; a specialised window needs a department", async () => {
    const placeId = await placeIdOf("清名桥街道便民服务中心");
    const noDepartment = await admin.post(`/api/admin/places/${placeId}/windows`, {
      number: "9",
      name: "民政窗口",
      kind: "specialised",
    });
    expect(noDepartment.json()).toMatchObject({ status: 400, code: "WINDOW_DEPARTMENT_REQUIRED" });
    const department = await t.database.db
      .selectFrom("department")
      .select("id")
      .where("ref", "=", "dept-minzheng")
      .executeTakeFirstOrThrow();
    const added = await admin.post(`/api/admin/places/${placeId}/windows`, {
      number: "9",
      name: "民政窗口",
      kind: "specialised",
      departmentId: department.id,
      openingHours: { periods: [{ weekday: 3, open: "09:00", close: "11:30" }], notes: ["每周三上午"] },
    });
    expect(added.statusCode).toBe(201);
    const window = added.json().windows.find((w: { number: string }) => w.number === "9");
    expect(window).toMatchObject({
      department: { name: "无锡市民政局" },
      isActive: true,
      abilities: { update: true },
    });
    const again = await admin.post(`/api/admin/places/${placeId}/windows`, {
      number: "9",
      name: "另一个",
      kind: "general",
    });
    expect(again.json()).toMatchObject({ status: 409, code: "WINDOW_NUMBER_TAKEN" });

    const changed = await admin.patch(`/api/admin/places/${placeId}/windows/${window.id}`, {
      isActive: false,
      openingHours: null,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().windows.find((w: { id: string }) => w.id === window.id)).toMatchObject({
      isActive: false,
      openingHours: null,
    });
    const audit = await auditRows(t, "window.updated", window.id);
    expect(audit).toHaveLength(1);
    expect(Object.keys((audit[0]?.details as { changes: object } | undefined)?.changes ?? {}).sort()).toEqual(
      ["isActive", "openingHours"],
    );
    const elsewhere = await placeIdOf("广益街道便民服务中心");
    expect(
      (await admin.patch(`/api/admin/places/${elsewhere}/windows/${window.id}`, { name: "x" })).statusCode,
    ).toBe(404);
  });

  it("keeps an administrator scoped to 梁溪区 away from 江阴市 places: they look missing", async () => {
    const list = (await liangxiAdmin.get("/api/admin/places?pageSize=200")).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p: PlaceSummary) => p.region.code.startsWith("320213"))).toBe(true);
    expect(list.total).toBe(list.items.length);
    const jiangyin = await placeIdOf("江阴市政务服务中心");
    expect((await liangxiAdmin.get(`/api/admin/places/${jiangyin}`)).json()).toMatchObject({
      status: 404,
      code: "PLACE_NOT_FOUND",
    });
    expect((await liangxiAdmin.patch(`/api/admin/places/${jiangyin}`, { phone: "0510-1" })).statusCode).toBe(
      404,
    );
    expect(
      (
        await liangxiAdmin.post(`/api/admin/places/${jiangyin}/windows`, {
          number: "9",
          name: "x",
          kind: "general",
        })
      ).statusCode,
    ).toBe(404);
    const moved = await liangxiAdmin.post("/api/admin/places", {
      regionCode: "320281107000",
      name: "华士镇第二便民服务中心",
      address: "x",
      openingHours: officeHours,
    });
    expect(moved.json()).toMatchObject({ status: 403 });

    const own = await placeIdOf("梁溪区政务服务中心");
    const renamed = await liangxiAdmin.patch(`/api/admin/places/${own}`, { phone: "0510-82700001" });
    expect(renamed.json()).toMatchObject({ phone: "0510-82700001" });
    expect(await auditRows(t, "place.updated", own)).toHaveLength(1);
    const moveOut = await liangxiAdmin.patch(`/api/admin/places/${own}`, { regionCode: "320281" });
    expect(moveOut.json()).toMatchObject({ status: 403 });
  });

  it("lets staff read place options but not manage places", async () => {
    const options = await clerk.get("/api/admin/place-options");
    expect(options.statusCode).toBe(200);
    expect(options.json().items.length).toBeGreaterThanOrEqual(13);
    expect((await clerk.get("/api/admin/places")).statusCode).toBe(403);
    expect((await t.app.inject("/api/admin/places")).statusCode).toBe(401);
  });
});
