import { describe, expect, it } from "vitest";
import type { Region } from "./api.ts";
import { buildRegionTree, filterRegions, regionPickerData } from "./region-tree.ts";

const region = (code: string, name: string, parentCode: string | null, update = true): Region => ({
  code,
  name,
  level: "county",
  parentCode,
  validFrom: null,
  validTo: null,
  isAbolished: false,
  placeKind: "service-centre",
  placeNameSuffix: "政务服务中心",
  abilities: { update, createChild: update, delete: update, createInside: update },
});

const regions = [
  region("320200", "无锡市", null, false),
  region("320213", "梁溪区", "320200"),
  region("320213021000", "崇安寺街道", "320213"),
  region("320281", "江阴市", "320200", false),
];

describe("buildRegionTree", () => {
  it("nests children under their parents, in the server's order", () => {
    const tree = buildRegionTree(regions);
    expect(tree.map((n) => n.code)).toEqual(["320200"]);
    expect(tree[0]?.children?.map((n) => n.code)).toEqual(["320213", "320281"]);
    expect(tree[0]?.children?.[0]?.children?.map((n) => n.name)).toEqual(["崇安寺街道"]);
    expect(tree[0]?.children?.[1]?.children).toBeUndefined();
  });

  it("makes picker data where only allowed regions can be chosen", () => {
    const data = regionPickerData(buildRegionTree(regions), (r) => r.abilities.createInside);
    expect(data[0]).toMatchObject({ value: "320200", title: "无锡市（320200）", disabled: true });
    expect(data[0]?.children?.[0]).toMatchObject({ value: "320213", disabled: false });
  });

  it("filters by name or code prefix", () => {
    expect(filterRegions(regions, "梁溪").map((r) => r.code)).toEqual(["320213"]);
    expect(filterRegions(regions, "320213").map((r) => r.code)).toEqual(["320213", "320213021000"]);
    expect(filterRegions(regions, " ")).toHaveLength(4);
  });
});
