import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

describe.each(databaseKinds)("operations endpoints on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it("answers liveness and readiness with the database kind", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: "ok",
      database: kind,
      checks: { database: true, migrations: true },
    });
  });

  it("carries a request id, keeping a sane one the caller sent", async () => {
    const res = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "caller-req-0001" } });
    expect(res.headers["x-request-id"]).toBe("caller-req-0001");
    const other = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "bad id with spaces" } });
    expect(other.headers["x-request-id"]).not.toBe("bad id with spaces");
  });

  it("exposes Prometheus metrics per route, for jobs and for the pool", async () => {
    await t.app.inject("/api/items");
    const body = (await t.app.inject("/metrics")).body;
    expect(body).toMatch(/tongban_http_requests_total\{method="GET",route="\/api\/items",status="200"\} \d+/);
    expect(body).toContain("tongban_http_request_duration_seconds_bucket");
    expect(body).toMatch(/tongban_jobs\{status="pending"\} \d+/);
    expect(body).toContain("tongban_jobs_lag_seconds");
    expect(body).toMatch(/tongban_db_pool_connections\{state="total"\} \d+/);
  });

  it("documents every API route in OpenAPI 3.1 with request and response schemas", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    for (const path of ["/api/items", "/api/items/{id}", "/api/calendar/due", "/api/identifiers/validate"]) {
      expect(doc.paths[path]).toBeDefined();
    }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ok = Object.keys(op.responses ?? {}).some((s) => s.startsWith("2"));
        expect(ok, `${method.toUpperCase()} ${path} has a success response schema`).toBe(true);
      }
    }
    expect((await t.app.inject("/api/docs")).statusCode).toBeLessThan(400);
  });

  it("answers unknown API paths with problem+json, and sets security headers", async () => {
    const res = await t.app.inject("/api/no-such-thing");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "ROUTE_NOT_FOUND", status: 404, title: "请求的资源不存在" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
  });
});
