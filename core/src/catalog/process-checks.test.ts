import { describe, expect, it } from "vitest";
import { pledgeText } from "../cases/pledge.ts";
import { type CheckContext, checkItem } from "./consistency.ts";
import { fixtureCreditCode, fixtureDepartmentId, fixtureItem } from "./item.fixture.ts";
import type { ItemContentInput } from "./item-content.ts";
import { approvalSteps } from "./process-checks.ts";

const context: CheckContext = {
  profile: "national",
  departments: new Map([[fixtureDepartmentId, { creditCode: fixtureCreditCode, regionCode: "320200" }]]),
};

const findingsOf = (overrides: Partial<ItemContentInput>) =>
  checkItem(fixtureItem({ windowIds: [], ...overrides }), context).filter(
    (f) => f.rule === "process-steps" || f.rule === "pledge",
  );

const steps = (...names: string[]) => names.map((name) => ({ name }));
const basedOn = (name: string, legalBasis: string) => ({ name, legalBasis });

describe("process steps (000 article 14)", () => {
  it("leaves out the applicant's 申请 and the result's 送达 when counting", () => {
    const content = fixtureItem({ process: steps("申请", "受理", "审查", "决定", "送达") });
    expect(approvalSteps(content).map((s) => s.name)).toEqual(["受理", "审查", "决定"]);
    expect(findingsOf({ process: steps("申请", "受理", "审查", "决定", "送达") })).toEqual([]);
    expect(findingsOf({ process: steps("受理", "办结") })).toEqual([]);
  });

  it("warns, naming the steps, when more than three approval steps cite no law", () => {
    const found = findingsOf({ process: steps("申请", "受理", "初审", "复审", "决定", "送达") });
    expect(found).toEqual([
      expect.objectContaining({ rule: "process-steps", severity: "warning", field: "process" }),
    ]);
    expect(found[0]?.message).toContain("4个环节（受理、初审、复审、决定）");
    expect(found[0]?.message).toContain("「受理」「初审」「复审」「决定」未写明法律依据");
  });

  it("accepts a legally required extra step (公示, 听证, 现场勘查) that cites its law", () => {
    const process = [
      ...steps("申请", "受理", "审查"),
      basedOn("现场勘查", "《公共场所卫生管理条例实施细则》第二十四条"),
      basedOn("公示", "《中华人民共和国行政许可法》第四十六条"),
      ...steps("决定", "送达"),
    ];
    expect(findingsOf({ process })).toEqual([]);
    // A blank basis is no basis.
    const blank = [...steps("受理", "审查"), basedOn("现场勘查", "  "), ...steps("决定")];
    expect(findingsOf({ process: blank }).map((f) => f.rule)).toEqual(["process-steps"]);
  });
});

describe("告知承诺 materials", () => {
  const pledgeable = (id: string, name: string) => ({
    id,
    name,
    forms: ["copy" as const],
    required: true,
    pledgeable: true,
  });
  const base = fixtureItem().materials;

  it("warns when an item tagged 告知承诺 lists no proof a commitment may replace", () => {
    const found = findingsOf({ tags: ["nearby", "pledge"] });
    expect(found).toEqual([
      expect.objectContaining({ rule: "pledge", severity: "warning", field: "materials" }),
    ]);
    expect(found[0]?.message).toContain("可告知承诺");
    expect(findingsOf({ tags: ["pledge"], materials: [...base, pledgeable("health", "健康证明")] })).toEqual(
      [],
    );
  });

  it("warns for each pledgeable proof of an item without the tag", () => {
    const found = findingsOf({ materials: [...base, pledgeable("health", "健康证明")] });
    expect(found).toEqual([
      expect.objectContaining({ rule: "pledge", field: "materials[health].pledgeable" }),
    ]);
    expect(found[0]?.message).toContain("「健康证明」");
  });

  it("defaults to not pledgeable, so existing items stay as they were", () => {
    expect(fixtureItem().materials.every((m) => m.pledgeable === false)).toBe(true);
    expect(fixtureItem().process.every((s) => s.legalBasis === null)).toBe(true);
  });

  it("renders a commitment naming the material and the consequences of a false one", () => {
    const text = pledgeText({
      applicantName: "无锡市梁溪区某某酒店",
      itemName: "公共场所卫生许可",
      materialName: "卫生检测报告",
    });
    expect(text).toContain("「公共场所卫生许可」");
    expect(text).toContain("「卫生检测报告」");
    expect(text).toContain("依法撤销");
    expect(text).toContain("信用记录");
  });
});
