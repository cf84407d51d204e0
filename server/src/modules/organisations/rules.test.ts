import { describe, expect, it } from "vitest";
import {
  delegationViolations,
  departmentViolations,
  placeKindFor,
  placeViolations,
  regionLevelOf,
  regionViolations,
  windowViolations,
} from "./rules.ts";

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);
const region = (code: string, name: string, valid_to: string | null = null) => {
  const level = regionLevelOf(code);
  if (!level) throw new Error(code);
  return { code, name, level, valid_to };
};

describe("regionLevelOf", () => {
  it.each([
    ["320000", "province"],
    ["320200", "city"],
    ["320213", "county"],
    ["320213021000", "township"],
    ["320213021001", "village"],
    ["441900003000", "township"], // 东莞: townships directly under the city
  ])("%s is a %s", (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it.each(["000000", "32021", "320213000000", "320000021000", "32021302100a"])("%s is malformed", (code) => {
    expect(regionLevelOf(code)).toBeUndefined();
  });
});

describe("regionViolations", () => {
  const base = { validFrom: null, validTo: null, today: "2026-01-01" };
  it("accepts a child that extends its parent's prefix", () => {
    const parent = region("320213", "梁溪区");
    expect(regionViolations({ ...base, code: "320213099000", parent, parentCode: "320213" })).toEqual([]);
    expect(
      regionViolations({
        ...base,
        code: "320213099001",
        parent: region("320213099000", "x"),
        parentCode: "320213099000",
      }),
    ).toEqual([]);
  });

  it("refuses a code outside its parent, a parent below the child, a missing or abolished parent", () => {
    const liangxi = region("320213", "梁溪区");
    expect(
      codes(regionViolations({ ...base, code: "320214099000", parent: liangxi, parentCode: "320213" })),
    ).toEqual(["REGION_CODE_OUTSIDE_PARENT"]);
    expect(
      codes(
        regionViolations({
          ...base,
          code: "320213",
          parent: region("320213021000", "街道"),
          parentCode: "320213021000",
        }),
      ),
    ).toEqual(["REGION_PARENT_LEVEL"]);
    expect(
      codes(regionViolations({ ...base, code: "320213099000", parent: undefined, parentCode: "320299" })),
    ).toEqual(["REGION_PARENT_NOT_FOUND"]);
    expect(
      codes(
        regionViolations({
          ...base,
          code: "320213099000",
          parent: region("320213", "梁溪区", "2020-12-31"),
          parentCode: "320213",
        }),
      ),
    ).toEqual(["REGION_PARENT_ABOLISHED"]);
    expect(codes(regionViolations({ ...base, code: "320299", parent: null, parentCode: null }))).toEqual([
      "REGION_PARENT_REQUIRED",
    ]);
    expect(codes(regionViolations({ ...base, code: "3202", parent: null, parentCode: null }))).toEqual([
      "REGION_CODE_MALFORMED",
    ]);
  });

  it("refuses a validity that ends before it starts", () => {
    const parent = region("320213", "梁溪区");
    expect(
      codes(
        regionViolations({
          ...base,
          code: "320213099000",
          parent,
          parentCode: "320213",
          validFrom: "2026-01-01",
          validTo: "2025-01-01",
        }),
      ),
    ).toEqual(["REGION_PERIOD_INVALID"]);
  });
});

describe("placeViolations: the standard names (000 article 24)", () => {
  const today = "2026-01-01";
  it.each([
    ["320200", "无锡市", "无锡市政务服务中心", "service-centre"],
    ["320213", "梁溪区", "梁溪区政务服务中心", "service-centre"],
    ["320213021000", "崇安寺街道", "崇安寺街道便民服务中心", "convenience-centre"],
    ["320213021001", "中山路社区", "中山路社区便民服务站", "convenience-station"],
  ])("accepts %s %s → %s", (code, regionName, name, kind) => {
    const r = region(code, regionName);
    expect(placeKindFor(r.level)).toBe(kind);
    expect(placeViolations({ name, kind: undefined, region: r, regionCode: code, today })).toEqual([]);
  });

  it.each([
    ["320213", "梁溪区便民服务中心"],
    ["320213021000", "崇安寺街道政务服务中心"],
    ["320213021001", "中山路社区便民服务中心"],
    ["320213021000", "便民服务中心"],
    ["320213", "梁溪区行政审批局"],
  ])("refuses %s %s", (code, name) => {
    const violations = placeViolations({
      name,
      kind: undefined,
      region: region(code, "某地"),
      regionCode: code,
      today,
    });
    expect(codes(violations)).toEqual(["PLACE_NAME_NOT_STANDARD"]);
    expect(violations[0]?.message).toMatch(/应统一命名为“名称\+/);
  });

  it("refuses a kind that does not follow the level, a missing and an abolished region", () => {
    const town = region("320213021000", "崇安寺街道");
    expect(
      codes(
        placeViolations({
          name: "崇安寺街道便民服务中心",
          kind: "service-centre",
          region: town,
          regionCode: town.code,
          today,
        }),
      ),
    ).toEqual(["PLACE_KIND_MISMATCH"]);
    expect(
      codes(
        placeViolations({
          name: "x便民服务站",
          kind: undefined,
          region: undefined,
          regionCode: "320213021099",
          today,
        }),
      ),
    ).toEqual(["REGION_NOT_FOUND"]);
    const gone = region("320213021000", "崇安寺街道", "2025-06-30");
    expect(
      codes(
        placeViolations({
          name: "崇安寺街道便民服务中心",
          kind: undefined,
          region: gone,
          regionCode: gone.code,
          today,
        }),
      ),
    ).toEqual(["REGION_ABOLISHED"]);
  });
});

describe("windowViolations and departmentViolations", () => {
  it("asks a specialised window for its department", () => {
    expect(codes(windowViolations({ kind: "specialised", departmentId: null }))).toEqual([
      "WINDOW_DEPARTMENT_REQUIRED",
    ]);
    expect(windowViolations({ kind: "general", departmentId: null })).toEqual([]);
  });

  it("validates the 统一社会信用代码 with the core's GB 32100 check", () => {
    expect(departmentViolations({ creditCode: "11320200MB3200032Q" })).toEqual([]);
    expect(departmentViolations({ creditCode: null })).toEqual([]);
    const bad = departmentViolations({ creditCode: "11320200MB3200032A" });
    expect(codes(bad)).toEqual(["DEPARTMENT_CREDIT_CODE_INVALID"]);
    expect(bad[0]?.message).toContain("校验码");
  });
});

describe("delegationViolations (委托受理, 000 article 44)", () => {
  const department = { id: "d1", name: "无锡市民政局", region_code: "320200", level: "city" as const };
  const town = {
    name: "崇安寺街道便民服务中心",
    kind: "convenience-centre" as const,
    region_code: "320213021000",
  };
  const ok = {
    item: { department_id: "d1" },
    department,
    place: town,
    validFrom: "2026-01-01",
    validTo: null,
  };

  it("accepts the item's own county-or-above department delegating to a township place inside its region", () => {
    expect(delegationViolations(ok)).toEqual([]);
  });

  it("refuses another department, a service centre, a place outside the region and a reversed period", () => {
    expect(codes(delegationViolations({ ...ok, item: { department_id: "d2" } }))).toEqual([
      "DELEGATION_NOT_ITEM_DEPARTMENT",
    ]);
    expect(
      codes(
        delegationViolations({
          ...ok,
          place: { name: "梁溪区政务服务中心", kind: "service-centre", region_code: "320213" },
        }),
      ),
    ).toEqual(["DELEGATION_PLACE_LEVEL"]);
    expect(
      codes(
        delegationViolations({
          ...ok,
          department: { ...department, region_code: "320214", level: "county" },
        }),
      ),
    ).toEqual(["DELEGATION_OUTSIDE_REGION"]);
    expect(
      codes(
        delegationViolations({
          ...ok,
          department: { ...department, region_code: "320213021000", level: "township" },
        }),
      ),
    ).toEqual(["DELEGATION_DEPARTMENT_LEVEL"]);
    expect(codes(delegationViolations({ ...ok, validTo: "2025-12-31" }))).toEqual([
      "DELEGATION_PERIOD_INVALID",
    ]);
  });
});
