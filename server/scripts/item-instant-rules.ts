import type { InstantRule } from "../../core/src/index.ts";

/**
 * 秒批 rules of the demo items, by ref: the converter writes them into the seed, and removes the 秒批 tag
 * from items without rules (a 秒批 tag that no rule backs would promise what the platform cannot do).
 */
export const itemInstantRules: Record<string, InstantRule[]> = {
  // 租赁住房提取住房公积金: an adult 无锡 depositor, the form's name and number their own, rent within the cap.
  "gjj-zufang-tiqu": [
    { kind: "age-at-least", years: 18 },
    { kind: "resident-of", regionCodes: ["3202"] },
    { kind: "field-matches-verified", field: "applicantName", verified: "name" },
    { kind: "field-matches-verified", field: "idNumber", verified: "idNumber" },
    { kind: "field-at-most", field: "monthlyRent", value: 3000 },
  ],
  // 跨省异地就医直接结算备案: a 无锡 insured person filing for themself; 转诊 needs a referral people check.
  "yidi-jiuyi-beian": [
    { kind: "field-matches-verified", field: "applicantName", verified: "name" },
    { kind: "field-matches-verified", field: "idNumber", verified: "idNumber" },
    { kind: "resident-of", regionCodes: ["3202"] },
    { kind: "field-in", field: "reason", values: ["异地长期居住", "常驻异地工作", "临时外出就医"] },
  ],
};
