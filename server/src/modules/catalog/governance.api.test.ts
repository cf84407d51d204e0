import { addDays, type ItemContent } from "@tongban/core";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobRunner } from "../../platform/jobs/runner.ts";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { addStaff } from "../organisations/fixtures.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import {
  approveThrough,
  type CatalogClient,
  catalogClient,
  enrolDemoAuthenticator,
  seededItem,
} from "./fixtures.ts";
import { publishChangeJob } from "./governance/publish-job.ts";

const changes = "/api/admin/catalog/changes";

describe.each(databaseKinds)("governed catalog changes on %s", (kind) => {
  let t: TestApp;
  let editor: CatalogClient;
  let legal: CatalogClient;
  let steward: CatalogClient;
  let outsider: CatalogClient;
  let clerk: CatalogClient;
  const today = todayInShanghai();
  beforeAll(async () => {
    t = await createTestApp(kind);
    await addStaff(t, {
      username: "jy-editor",
      roles: ["catalog-editor", "data-steward"],
      regionCode: "320281",
    });
    await addStaff(t, {
      username: "both",
      roles: ["catalog-editor", "legality-reviewer"],
      regionCode: "320200",
    });
    await enrolDemoAuthenticator(t, "steward");
    editor = await catalogClient(t, "editor");
    legal = await catalogClient(t, "legal");
    steward = await catalogClient(t, "steward");
    outsider = await catalogClient(t, "jy-editor");
    clerk = await catalogClient(t, "clerk");
  });
  afterAll(() => t.close());

  it("drafts, reviews twice and publishes version 2; version 1 stays in history; the diff shows the change", async () => {
    const { id } = await seededItem(t, "sfz-shouci-shenling");
    const view = (await editor.get(`/api/admin/catalog/items/${id}`)).json();
    expect(view.abilities).toEqual({ change: true, cancel: true });
    const before: ItemContent = view.item.content;
    const after = { ...before, promisedLimit: { days: 10, unit: "workday", text: null } };

    const draft = await editor.post(changes, {
      kind: "change",
      itemId: id,
      content: after,
      effectiveFrom: today,
      reason: "压缩承诺时限",
      lawChangedOn: "2026-09-30",
    });
    expect(draft.statusCode).toBe(201);
    const change = draft.json();
    expect(change).toMatchObject({
      kind: "change",
      status: "draft",
      baseVersion: 1,
      author: { name: "钱芳" },
    });
    expect(change.number).toMatch(/^BG\d{12}$/);
    // 000 article 3: 10 working days after the law changed, on the published holiday calendar (国庆 2026).
    const due = (await t.app.inject("/api/calendar/due?from=2026-09-30&days=10&unit=workday")).json();
    expect(change.filingDue).toBe(due.due);
    expect(change.filingDue > "2026-10-14").toBe(true);
    expect((await editor.get(`/api/admin/catalog/items/${id}`)).json().abilities.change).toBe(false);

    const edited = await editor.put(`${changes}/${change.id}`, {
      content: after,
      effectiveFrom: today,
      reason: "压缩承诺时限至10个工作日",
      lawChangedOn: "2026-09-30",
    });
    expect(edited.json()).toMatchObject({ reason: "压缩承诺时限至10个工作日", abilities: { edit: true } });
    expect(
      (await legal.post(`${changes}/${change.id}/review`, { decision: "approve" })).json(),
    ).toMatchObject({
      status: 409,
      code: "CATALOG_CHANGE_NOT_IN_REVIEW",
    });

    expect((await editor.post(`${changes}/${change.id}/submit`)).json().status).toBe("legality-review");
    const queue = (await legal.get(`${changes}?queue=legality`)).json();
    expect(queue.items.find((c: { id: string }) => c.id === change.id).abilities.review).toBe(true);
    expect((await steward.post(`${changes}/${change.id}/review`, { decision: "approve" })).statusCode).toBe(
      403,
    );
    expect(
      (await editor.put(`${changes}/${change.id}`, { effectiveFrom: today, reason: "x" })).json(),
    ).toMatchObject({ status: 409, code: "CATALOG_CHANGE_NOT_EDITABLE" });
    expect((await legal.post(`${changes}/${change.id}/review`, { decision: "approve" })).json().status).toBe(
      "consistency-review",
    );
    const detail = (await steward.get(`${changes}/${change.id}`)).json();
    expect(detail.base.version).toBe(1);
    expect(detail.changes.map((c: { path: string }) => c.path).join()).toContain("promisedLimit");
    expect(detail.abilities.review).toBe(true);
    const published = (await steward.post(`${changes}/${change.id}/review`, { decision: "approve" })).json();
    expect(published).toMatchObject({ status: "published", publishedVersion: 2 });

    const live = (await t.app.inject(`/api/items/${id}`)).json();
    expect(live).toMatchObject({ version: 2, content: { promisedLimit: { days: 10 } } });
    const history = (await legal.get(`/api/admin/catalog/items/${id}`)).json();
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.versions[0]).toMatchObject({
      changeRequestId: change.id,
      publishedBy: { name: "冯婷" },
      approvals: [
        { stage: "legality", reviewer: { name: "吴静" } },
        { stage: "consistency", reviewer: { name: "冯婷" } },
      ],
    });
    const old = (await editor.get(`/api/admin/catalog/items/${id}/versions/1`)).json();
    expect(old.content.promisedLimit.days).toBe(15);
    const diff = (await editor.get(`/api/admin/catalog/items/${id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toContainEqual(expect.objectContaining({ field: "promisedLimit", kind: "changed" }));
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", change.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "catalog.change-opened",
      "catalog.change-updated",
      "catalog.change-submitted",
      "catalog.change-approved",
      "catalog.change-approved",
      "catalog.change-published",
    ]);
  });

  it("returns a change with its reason, which the editor fixes and submits again", async () => {
    const { id, content } = await seededItem(t, "sfz-huanling");
    const created = (
      await editor.post(changes, {
        kind: "change",
        itemId: id,
        content,
        effectiveFrom: today,
        reason: "补充材料说明",
      })
    ).json();
    await editor.post(`${changes}/${created.id}/submit`);
    const noReason = await legal.post(`${changes}/${created.id}/review`, { decision: "return" });
    expect(noReason.json()).toMatchObject({ status: 400, code: "CATALOG_RETURN_REASON_REQUIRED" });
    const returned = await legal.post(`${changes}/${created.id}/review`, {
      decision: "return",
      reason: "设定依据需引用最新条款",
    });
    expect(returned.json()).toMatchObject({ status: "returned", abilities: { review: false } });
    expect((await editor.get(`${changes}/${created.id}`)).json().abilities).toMatchObject({
      edit: true,
      submit: true,
      withdraw: true,
    });
    const detail = (await editor.get(`${changes}/${created.id}`)).json();
    expect(detail.reviews).toEqual([
      expect.objectContaining({ stage: "legality", decision: "return", reason: "设定依据需引用最新条款" }),
    ]);
    expect((await editor.post(`${changes}/${created.id}/submit`)).json().status).toBe("legality-review");
    expect((await editor.post(`${changes}/${created.id}/withdraw`)).json().status).toBe("withdrawn");
  });

  it("refuses a reviewer their own change", async () => {
    const both = await catalogClient(t, "both");
    const { id, content } = await seededItem(t, "sfz-buling");
    const created = (
      await both.post(changes, {
        kind: "change",
        itemId: id,
        content,
        effectiveFrom: today,
        reason: "自审测试",
      })
    ).json();
    await both.post(`${changes}/${created.id}/submit`);
    expect((await both.get(`${changes}/${created.id}`)).json().abilities.review).toBe(false);
    const own = await both.post(`${changes}/${created.id}/review`, { decision: "approve" });
    expect(own.json()).toMatchObject({ status: 403, code: "CATALOG_SELF_REVIEW" });
    expect((await legal.post(`${changes}/${created.id}/review`, { decision: "approve" })).statusCode).toBe(
      200,
    );
  });

  it("blocks submission while the checks find errors, and says which", async () => {
    const { id, content } = await seededItem(t, "sfz-linshi");
    const broken = { ...content, onlineDepth: 4, maxVisits: 1 };
    const created = (
      await editor.post(changes, {
        kind: "change",
        itemId: id,
        content: broken,
        effectiveFrom: today,
        reason: "测试",
      })
    ).json();
    const refused = (await editor.post(`${changes}/${created.id}/submit`)).json();
    expect(refused).toMatchObject({ code: "CATALOG_FINDINGS_BLOCK" });
    expect(refused.details.findings).toContainEqual(
      expect.objectContaining({ rule: "level-four-zero-visit" }),
    );
    const live = (await editor.post("/api/admin/catalog/validate", { content: broken })).json();
    expect(live).toMatchObject({ valid: false, completeness: { score: expect.any(Number) } });
    const shape = (await editor.post("/api/admin/catalog/validate", { content: { name: "" } })).json();
    expect(shape.valid).toBe(false);
    expect(shape.issues.length).toBeGreaterThan(0);
    await editor.post(`${changes}/${created.id}/withdraw`);
  });

  it("publishes a future change when its job runs at the effective date, once", async () => {
    const { id, content } = await seededItem(t, "huzhao-shenling");
    const effectiveFrom = addDays(today, 30);
    const scheduled = await approveThrough(
      { editor, legal, steward },
      {
        kind: "change",
        itemId: id,
        content: { ...content, appointment: true },
        effectiveFrom,
        reason: "开通预约",
      },
    );
    expect(scheduled).toMatchObject({ status: "scheduled", publishedVersion: null });
    expect((await t.app.inject(`/api/items/${id}`)).json().version).toBe(1);
    const job = await t.database.db
      .selectFrom("job")
      .selectAll()
      .where("dedupe_key", "=", `catalog.publish-change:${scheduled.id}`)
      .executeTakeFirstOrThrow();
    expect(new Date(job.run_at).toISOString()).toBe(
      new Date(`${effectiveFrom}T00:00:00+08:00`).toISOString(),
    );

    const runner = new JobRunner({
      db: t.database.db,
      log: pino({ level: "silent" }),
      definitions: [publishChangeJob],
    });
    expect(await runner.runOnce()).toBe(0);
    // The effective date arrives.
    await t.database.db
      .updateTable("job")
      .set({ run_at: new Date(Date.now() - 1000) })
      .where("id", "=", job.id)
      .execute();
    expect(await runner.runOnce()).toBe(1);
    const view = (await editor.get(`/api/admin/catalog/items/${id}`)).json();
    expect(view.item).toMatchObject({ version: 2, effectiveFrom, content: { appointment: true } });
    expect(view.versions[0]).toMatchObject({ version: 2, publishedBy: { name: "冯婷" } });
    expect((await editor.get(`${changes}/${scheduled.id}`)).json().change.status).toBe("published");
    // A second delivery changes nothing.
    await t.database.db
      .updateTable("job")
      .set({ status: "pending", run_at: new Date(Date.now() - 1000) })
      .where("id", "=", job.id)
      .execute();
    expect(await runner.runOnce()).toBe(1);
    const versions = await t.database.db
      .selectFrom("item_version")
      .select("version")
      .where("item_id", "=", id)
      .execute();
    expect(versions).toHaveLength(2);
  });

  it("creates a new item and cancels another through the same review", async () => {
    const { content } = await seededItem(t, "sfz-linshi");
    const implementationCode = `${content.implementationCode.slice(0, 28)}900`;
    const created = await approveThrough(
      { editor, legal, steward },
      {
        kind: "create",
        content: {
          ...content,
          name: "临时居民身份证申领（演示新增）",
          basicCode: `${content.basicCode.slice(0, 9)}900`,
          implementationCode,
        },
        effectiveFrom: today,
        reason: "新增事项",
      },
    );
    expect(created).toMatchObject({
      status: "published",
      publishedVersion: 1,
      item: { ref: implementationCode.toLowerCase() },
    });
    expect((await t.app.inject("/api/items?q=演示新增")).json().total).toBe(1);
    const basic = await t.database.db
      .selectFrom("basic_item")
      .selectAll()
      .where("basic_code", "=", `${content.basicCode.slice(0, 9)}900`)
      .executeTakeFirst();
    expect(basic?.name).toBe("临时居民身份证申领（演示新增）");

    const cancelled = await approveThrough(
      { editor, legal, steward },
      { kind: "cancel", itemId: created.item.id, effectiveFrom: today, reason: "演示取消" },
    );
    expect(cancelled.status).toBe("published");
    expect((await t.app.inject(`/api/items/${created.item.id}`)).statusCode).toBe(404);
    expect((await editor.get(`/api/admin/catalog/items/${created.item.id}`)).json().item.status).toBe(
      "cancelled",
    );
    const again = await editor.post(changes, {
      kind: "change",
      itemId: created.item.id,
      content,
      effectiveFrom: today,
      reason: "x",
    });
    expect(again.json()).toMatchObject({ status: 409, code: "CATALOG_ITEM_CANCELLED" });
  });

  it("makes records outside a reviewer's region look missing, and refuses staff without a catalog role", async () => {
    const { id, content } = await seededItem(t, "wufanzui-zhengming");
    const created = (
      await editor.post(changes, {
        kind: "change",
        itemId: id,
        content,
        effectiveFrom: today,
        reason: "范围测试",
      })
    ).json();
    for (const url of [`/api/admin/catalog/items/${id}`, `${changes}/${created.id}`]) {
      expect((await outsider.get(url)).json()).toMatchObject({ status: 404 });
    }
    expect((await outsider.post(`${changes}/${created.id}/withdraw`)).statusCode).toBe(404);
    const other = await outsider.post(changes, {
      kind: "change",
      itemId: id,
      content,
      effectiveFrom: today,
      reason: "x",
    });
    expect(other.json()).toMatchObject({ status: 404, code: "ITEM_NOT_FOUND" });
    expect((await outsider.get(changes)).json().total).toBe(0);
    expect((await outsider.get("/api/admin/catalog/items")).json().total).toBe(0);
    expect((await clerk.get("/api/admin/catalog/items")).statusCode).toBe(403);
    expect((await t.app.inject("/api/admin/catalog/items")).statusCode).toBe(401);
    const pending = await editor.post(changes, {
      kind: "cancel",
      itemId: id,
      effectiveFrom: today,
      reason: "重复",
    });
    expect(pending.json()).toMatchObject({ status: 409, code: "CATALOG_CHANGE_PENDING" });
    const page = (await editor.get("/api/admin/catalog/items?pageSize=100")).json();
    expect(page.total).toBeGreaterThanOrEqual(125);
    expect(page.items.find((i: { id: string }) => i.id === id).pendingChange).toMatchObject({
      id: created.id,
    });
  });
});
