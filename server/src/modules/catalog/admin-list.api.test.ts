import { completeness } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import { backfillCompleteness } from "./backfill-completeness.ts";
import {
  approveThrough,
  type CatalogClient,
  catalogClient,
  enrolDemoAuthenticator,
  seededItem,
} from "./fixtures.ts";
import { parseContent } from "./item-row.ts";

const items = "/api/admin/catalog/items";
type Row = { id: string; ref: string; completeness: number; pendingChange: { id: string } | null };
type Page = { total: number; page: number; pageSize: number; items: Row[] };

describe.each(databaseKinds)("the staff catalog list's filters on %s", (kind) => {
  let t: TestApp;
  let editor: CatalogClient;
  let legal: CatalogClient;
  let steward: CatalogClient;
  const today = todayInShanghai();

  /** Every row of a filtered list, page by page, with the totals each page reported. */
  const everyRow = async (filter: string) => {
    const rows: Row[] = [];
    const totals = new Set<number>();
    for (let page = 1; ; page++) {
      const body: Page = (await editor.get(`${items}?pageSize=40&page=${page}${filter}`)).json();
      totals.add(body.total);
      rows.push(...body.items);
      if (body.items.length < 40) return { rows, totals: [...totals] };
    }
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await enrolDemoAuthenticator(t, "steward");
    editor = await catalogClient(t, "editor");
    legal = await catalogClient(t, "legal");
    steward = await catalogClient(t, "steward");
  });
  afterAll(() => t.close());

  it("stores each item's completeness as core scores its content", async () => {
    const rows = await t.database.db.selectFrom("item").select(["completeness", "content"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.completeness).toBe(completeness(parseContent(row.content)).score);
  });

  it("filters by completeness band in SQL, so total and every page count the filtered catalog", async () => {
    const all = await everyRow("");
    const bands = {
      "below-60": (score: number) => score < 60,
      "below-80": (score: number) => score < 80,
      complete: (score: number) => score === 100,
    };
    for (const [band, inBand] of Object.entries(bands)) {
      const expected = all.rows.filter((row) => inBand(row.completeness)).map((row) => row.id);
      const filtered = await everyRow(`&completeness=${band}`);
      expect(filtered.totals).toEqual([expected.length]);
      expect(filtered.rows.map((row) => row.id).sort()).toEqual(expected.sort());
    }
    // The demo catalog is not uniformly complete, so at least one band actually narrows it.
    const narrowed = all.rows.filter((row) => row.completeness < 80).length;
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all.rows.length);
    expect((await editor.get(`${items}?completeness=half`)).statusCode).toBe(400);
  });

  it("filters by whether a change is pending", async () => {
    const { id, content } = await seededItem(t, "sfz-shouci-shenling");
    const all: Page = (await editor.get(`${items}?pageSize=1`)).json();
    expect((await editor.get(`${items}?pending=true`)).json().total).toBe(0);
    const draft = await editor.post("/api/admin/catalog/changes", {
      kind: "change",
      itemId: id,
      content: { ...content, faq: [] },
      effectiveFrom: today,
      reason: "删除过时的常见问题",
    });
    expect(draft.statusCode).toBe(201);

    const pending: Page = (await editor.get(`${items}?pending=true`)).json();
    expect(pending.total).toBe(1);
    expect(pending.items.map((row) => [row.id, row.pendingChange?.id])).toEqual([[id, draft.json().id]]);
    const settled = await everyRow("&pending=false");
    expect(settled.totals).toEqual([all.total - 1]);
    expect(settled.rows.some((row) => row.id === id)).toBe(false);
    expect((await editor.get(`${items}?pending=yes`)).statusCode).toBe(400);
    await editor.post(`/api/admin/catalog/changes/${draft.json().id}/withdraw`);
    expect((await editor.get(`${items}?pending=true`)).json().total).toBe(0);
  });

  it("rescores an item when a change is published", async () => {
    const { id, content } = await seededItem(t, "sfz-shouci-shenling");
    const thinner = { ...content, faq: [], remedies: { reconsideration: null, litigation: null } };
    await approveThrough(
      { editor, legal, steward },
      { kind: "change", itemId: id, content: thinner, effectiveFrom: today, reason: "精简办事指南" },
    );
    const score = completeness(thinner).score;
    expect(score).toBeLessThan(completeness(content).score);
    const row = await t.database.db
      .selectFrom("item")
      .select("completeness")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.completeness).toBe(score);
    const band = score < 60 ? "below-60" : score < 80 ? "below-80" : null;
    if (band) {
      const { rows } = await everyRow(`&completeness=${band}`);
      expect(rows.some((r) => r.id === id)).toBe(true);
    }
  });

  it("backfills rows without a stored score, and lists them scored meanwhile", async () => {
    const { id, content } = await seededItem(t, "sfz-shouci-shenling");
    const expected = completeness(content).score;
    await t.database.db.updateTable("item").set({ completeness: null }).execute();
    const { rows } = await everyRow("");
    expect(rows.find((row) => row.id === id)?.completeness).toBe(expected);

    const total = (await t.database.db.selectFrom("item").select("id").execute()).length;
    expect(await backfillCompleteness(t.database.db)).toBe(total);
    expect(await backfillCompleteness(t.database.db)).toBe(0);
    const stored = await t.database.db.selectFrom("item").select(["completeness", "content"]).execute();
    for (const row of stored) expect(row.completeness).toBe(completeness(parseContent(row.content)).score);
  });

  it("documents the filters in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json() as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(doc.paths[items]?.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["completeness", "pending"]),
    );
  });
});
