import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

describe("serving the web bundle", () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), "tongban-dist-"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(path.join(dist, "index.html"), "<!doctype html><title>通办</title>");
    await writeFile(path.join(dist, "assets", "app-1.js"), "console.log(1)");
    t = await createTestApp("pglite", { WEB_DIST: dist });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("serves the app for the three areas and their client-side routes", async () => {
    for (const url of ["/", "/workbench", "/admin", "/items/abc"]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain("<title>通办</title>");
    }
  });

  it("serves assets, including ones built after the server started", async () => {
    expect((await t.app.inject("/assets/app-1.js")).body).toBe("console.log(1)");
    await writeFile(path.join(dist, "assets", "app-2.js"), "console.log(2)");
    const fresh = await t.app.inject("/assets/app-2.js");
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers["cache-control"]).toContain("immutable");
  });

  it("answers a missing asset or API path with 404, never with the app's HTML", async () => {
    const asset = await t.app.inject("/assets/gone.js");
    expect(asset.statusCode).toBe(404);
    const api = await t.app.inject("/api/nothing-here");
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: "ROUTE_NOT_FOUND" });
  });
});
