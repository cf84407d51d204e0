import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { addStaff, auditRows, type Client, clientFor } from "./fixtures.ts";

interface Delegation {
  id: string;
  item: { ref: string };
  place: { name: string };
  status: string;
  abilities: { revoke: boolean };
}

describe.each(databaseKinds)("delegation (委托受理) API on %s", (kind) => {
  let t: TestApp;
  let admin: Client;
  let liangxiAdmin: Client;
  let minzhengEditor: Client;
  let clerk: Client;
  const ids = { item: new Map<string, string>(), place: new Map<string, string>() };
  const itemId = (ref: string) => ids.item.get(ref) ?? "";
  const placeId = (name: string) => ids.place.get(name) ?? "";
  beforeAll(async () => {
    t = await createTestApp(kind);
    await addStaff(t, { username: "lx-admin", roles: ["system-admin"], regionCode: "320213" });
    await addStaff(t, {
      username: "mz-editor",
      roles: ["catalog-editor"],
      regionCode: "320200",
      departmentRef: "dept-minzheng",
    });
    admin = await clientFor(t, "admin");
    liangxiAdmin = await clientFor(t, "lx-admin");
    minzhengEditor = await clientFor(t, "mz-editor");
    clerk = await clientFor(t, "clerk");
    for (const i of await t.database.db.selectFrom("item").select(["id", "ref"]).execute())
      ids.item.set(i.ref, i.id);
    for (const p of await t.database.db.selectFrom("service_place").select(["id", "name"]).execute())
      ids.place.set(p.name, p.id);
  });
  afterAll(() => t.close());

  it("shows the seeded delegations in the public item guide as places to apply nearby", async () => {
    const guide = (await t.app.inject(`/api/items/${itemId("gaoling-jintie")}`)).json();
    expect(guide.delegations.map((d: { place: { name: string } }) => d.place.name)).toEqual([
      "崇安寺街道便民服务中心",
      "清名桥街道便民服务中心",
      "广益街道便民服务中心",
    ]);
    expect(guide.delegations[0]).toEqual({
      place: { id: placeId("崇安寺街道便民服务中心"), name: "崇安寺街道便民服务中心" },
      validFrom: "2025-01-01",
      validTo: null,
    });
    expect((await t.app.inject(`/api/items/${itemId("youxian-gongsi-sheli")}`)).json().delegations).toEqual(
      [],
    );
  });

  it("lists delegations per item and per place, within the actor's scope", async () => {
    const perItem = (await admin.get(`/api/admin/delegations?itemId=${itemId("yibao-jumin-canbao")}`)).json();
    expect(perItem.items.map((d: Delegation) => d.place.name).sort()).toEqual(
      ["华西村便民服务站", "崇安寺街道便民服务中心"].sort(),
    );
    const perPlace = (
      await admin.get(`/api/admin/delegations?placeId=${placeId("崇安寺街道便民服务中心")}`)
    ).json();
    expect(perPlace.items.map((d: Delegation) => d.item.ref).sort()).toEqual(
      ["dibao-shenqing", "gaoling-jintie", "laonianren-youdaizheng", "yibao-jumin-canbao"].sort(),
    );
    const liangxi = (await liangxiAdmin.get("/api/admin/delegations")).json();
    expect(liangxi.items.some((d: Delegation) => d.place.name === "华西村便民服务站")).toBe(false);
    expect(liangxi.items.length).toBeGreaterThan(0);
    const editor = (await minzhengEditor.get("/api/admin/delegations")).json();
    expect(editor.items.length).toBeGreaterThan(0);
    expect(
      editor.items.every(
        (d: Delegation & { department: { name: string } }) => d.department.name === "无锡市民政局",
      ),
    ).toBe(true);
    expect((await clerk.get("/api/admin/delegations")).statusCode).toBe(403);
  });

  it("creates a delegation from the item's department to a township place, audited, shown in the guide", async () => {
    const res = await minzhengEditor.post("/api/admin/delegations", {
      itemId: itemId("linshi-jiuzhu"),
      placeId: placeId("清名桥街道便民服务中心"),
      validFrom: "2025-06-01",
      validTo: null,
      note: "临时救助街道受理",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: "active",
      department: { name: "无锡市民政局" },
      abilities: { revoke: true },
    });
    expect(await auditRows(t, "delegation.created", res.json().id)).toHaveLength(1);
    const guide = (await t.app.inject(`/api/items/${itemId("linshi-jiuzhu")}`)).json();
    expect(guide.delegations.map((d: { place: { name: string } }) => d.place.name)).toEqual([
      "清名桥街道便民服务中心",
    ]);

    const overlap = await admin.post("/api/admin/delegations", {
      itemId: itemId("linshi-jiuzhu"),
      placeId: placeId("清名桥街道便民服务中心"),
      validFrom: "2026-01-01",
      validTo: "2026-12-31",
    });
    expect(overlap.json()).toMatchObject({ status: 409, code: "DELEGATION_OVERLAPS" });
  });

  it.each([
    ["linshi-jiuzhu", "梁溪区政务服务中心", "DELEGATION_PLACE_LEVEL"],
    ["linshi-jiuzhu", "崇安寺街道便民服务中心", null],
  ])("checks the place level: %s → %s", async (ref, place, code) => {
    const res = await admin.post("/api/admin/delegations", {
      itemId: itemId(ref),
      placeId: placeId(place),
      validFrom: "2025-01-01",
    });
    if (code) expect(res.json()).toMatchObject({ status: 400, code });
    else expect(res.statusCode).toBe(201);
  });

  it("refuses another department's item to a catalog editor, and other departments as delegator", async () => {
    const foreign = await minzhengEditor.post("/api/admin/delegations", {
      itemId: itemId("shebaoka-shenling"),
      placeId: placeId("广益街道便民服务中心"),
      validFrom: "2025-01-01",
    });
    expect(foreign.json()).toMatchObject({ status: 403 });
    const minzheng = await t.database.db
      .selectFrom("department")
      .select("id")
      .where("ref", "=", "dept-minzheng")
      .executeTakeFirstOrThrow();
    const wrongDepartment = await admin.post("/api/admin/delegations", {
      itemId: itemId("shebaoka-shenling"),
      placeId: placeId("广益街道便民服务中心"),
      departmentId: minzheng.id,
      validFrom: "2025-01-01",
    });
    expect(wrongDepartment.json()).toMatchObject({ status: 400, code: "DELEGATION_NOT_ITEM_DEPARTMENT" });
    const reversed = await admin.post("/api/admin/delegations", {
      itemId: itemId("shebaoka-shenling"),
      placeId: placeId("广益街道便民服务中心"),
      validFrom: "2026-01-01",
      validTo: "2025-01-01",
    });
    expect(reversed.json()).toMatchObject({ status: 400, code: "DELEGATION_PERIOD_INVALID" });
    const outside = await liangxiAdmin.post("/api/admin/delegations", {
      itemId: itemId("shebaoka-shenling"),
      placeId: placeId("华西村便民服务站"),
      validFrom: "2025-01-01",
    });
    expect(outside.json()).toMatchObject({ status: 403 });
  });

  it("revokes a delegation: kept as revoked, gone from the guide, hidden from those outside its scope", async () => {
    const list = (await admin.get(`/api/admin/delegations?itemId=${itemId("dibao-shenqing")}`)).json();
    const huashi = list.items.find((d: Delegation) => d.place.name === "华士镇便民服务中心") as Delegation;
    expect(
      (await liangxiAdmin.post(`/api/admin/delegations/${huashi.id}/revoke`, { reason: "试图越权" }))
        .statusCode,
    ).toBe(404);
    expect((await liangxiAdmin.get(`/api/admin/delegations/${huashi.id}`)).statusCode).toBe(404);
    const noReason = await admin.post(`/api/admin/delegations/${huashi.id}/revoke`, { reason: " " });
    expect(noReason.statusCode).toBe(400);
    const revoked = await admin.post(`/api/admin/delegations/${huashi.id}/revoke`, {
      reason: "镇便民服务中心改造，暂停受理",
    });
    expect(revoked.json()).toMatchObject({
      status: "revoked",
      revokeReason: "镇便民服务中心改造，暂停受理",
      abilities: { revoke: false },
    });
    const again = await admin.post(`/api/admin/delegations/${huashi.id}/revoke`, { reason: "再次" });
    expect(again.json()).toMatchObject({ status: 409, code: "DELEGATION_ALREADY_REVOKED" });
    expect(await auditRows(t, "delegation.revoked", huashi.id)).toHaveLength(1);
    const guide = (await t.app.inject(`/api/items/${itemId("dibao-shenqing")}`)).json();
    expect(guide.delegations.map((d: { place: { name: string } }) => d.place.name)).toEqual([
      "崇安寺街道便民服务中心",
    ]);
    const revokedList = (await admin.get(`/api/admin/delegations?status=revoked`)).json();
    expect(revokedList.items.map((d: Delegation) => d.id)).toContain(huashi.id);
  });
});
