import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";

describe("GET /api/identifiers/validate", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  const check = async (type: string, value: string) =>
    (await t.app.inject({ url: "/api/identifiers/validate", query: { type, value } })).json();

  it.each([
    ["citizen-id", "110105198001010016", { valid: true }],
    ["citizen-id", "11010519491231002X", { valid: true }],
    ["citizen-id", "110105198001010015", { valid: false, reason: "checksum" }],
    ["citizen-id", "44030519990229003", { valid: false, reason: "format" }],
    ["citizen-id", "440305199902290037", { valid: false, reason: "birthdate" }],
    ["citizen-id", "000105198001010010", { valid: false, reason: "region" }],
    ["credit-code", "91350100M000100Y43", { valid: true }],
    ["credit-code", "91350100M000100Y44", { valid: false, reason: "checksum" }],
    ["credit-code", "1231000042O0000064", { valid: false, reason: "charset" }],
    ["credit-code", "93510107MA6000008", { valid: false, reason: "length" }],
  ])("%s %s", async (type, value, expected) => {
    expect(await check(type, value)).toEqual(expected);
  });

  it("refuses an unknown type or a missing value with a 400 problem", async () => {
    const queries: Record<string, string>[] = [{ type: "passport", value: "x" }, { type: "citizen-id" }, {}];
    for (const query of queries) {
      const res = await t.app.inject({ url: "/api/identifiers/validate", query });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED", title: "请求参数不正确" });
    }
  });
});
