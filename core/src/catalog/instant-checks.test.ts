import { describe, expect, it } from "vitest";
import { checkInstant, formFieldIds, formFieldLabels } from "./instant-checks.ts";
import { fixtureItem } from "./item.fixture.ts";
import type { ItemContent } from "./item-content.ts";

const rule = { kind: "field-at-most", field: "monthlyRent", value: 3000 } as const;
// Reads no field, so the default form (when the content has one) cannot add findings.
const age = { kind: "age-at-least", years: 18 } as const;
const withForm = (content: ItemContent, ids: string[]) =>
  ({
    ...content,
    form: {
      sections: [{ id: "main", title: "申请信息", fields: ids.map((id) => ({ id, label: `标签${id}` })) }],
    },
  }) as ItemContent;
const messages = (content: ItemContent) => checkInstant(content).map((d) => [d.field, d.message]);

describe("checkInstant (秒批 configuration)", () => {
  it("is silent for an item without the tag or rules", () => {
    expect(checkInstant(fixtureItem())).toEqual([]);
  });

  it("warns about the tag without rules and rules without the tag", () => {
    expect(messages(fixtureItem({ tags: ["instant"] }))).toEqual([
      ["instantRules", "标为「秒批」的事项未设秒批规则，不会自动办结"],
    ]);
    expect(messages(fixtureItem({ instantRules: [age] }))).toEqual([
      ["tags", "设有秒批规则但未标「秒批」，规则不会生效"],
    ]);
  });

  it("warns that a fee-charging item never completes instantly", () => {
    const content = fixtureItem({
      tags: ["instant"],
      instantRules: [age],
      fees: [{ name: "工本费", amountFen: 1000 }],
    });
    expect(messages(content)).toEqual([["fees", "收费事项须先缴费，不会秒批办结"]]);
    expect(checkInstant({ ...content, fees: [{ name: "免费", amountFen: 0, basis: null }] })).toEqual([]);
  });

  it("names rules that read a field the form does not have", () => {
    const content = fixtureItem({
      tags: ["instant"],
      instantRules: [age, rule],
    });
    expect(messages(withForm(content, ["contactName", "contactPhone"]))).toEqual([
      ["instantRules[1]", "秒批规则引用了申请表中没有的字段「monthlyRent」"],
    ]);
    expect(checkInstant(withForm(content, ["contactName", "monthlyRent"]))).toEqual([]);
  });

  it("reads the form's field ids and labels", () => {
    const content = withForm(fixtureItem(), ["contactName", "monthlyRent"]);
    expect([...formFieldIds(content)]).toEqual(["contactName", "monthlyRent"]);
    expect(formFieldLabels(content)).toEqual({
      contactName: "标签contactName",
      monthlyRent: "标签monthlyRent",
    });
  });
});
