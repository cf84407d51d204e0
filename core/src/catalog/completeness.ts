import type { ItemContent } from "./item-content.ts";

type Element = { label: string; weight: number; present: (content: ItemContent) => boolean };

/**
 * The elements the 办事指南 standards ask every item to state, with weights for how much an applicant
 * loses when one is missing. The mandatory identity fields (name, codes, type, level, body) are enforced
 * by the schema and so are not scored.
 */
export const completenessElements: readonly Element[] = [
  { label: "设定依据", weight: 12, present: (content) => content.legalBasis.length > 0 },
  { label: "受理条件", weight: 10, present: (content) => content.conditions.length > 0 },
  { label: "申请材料", weight: 12, present: (content) => content.materials.length > 0 },
  { label: "法定办结时限", weight: 6, present: (content) => content.statutoryLimit !== null },
  {
    label: "承诺办结时限",
    weight: 8,
    // An immediate item (即办) is done on the spot: that is its promise.
    present: (content) => content.processing === "immediate" || content.promisedLimit !== null,
  },
  // A free item states it with a fee line of 0 fen (不收费), so silence is never read as "free".
  { label: "收费标准（或不收费说明）", weight: 8, present: (content) => content.fees.length > 0 },
  { label: "办理流程", weight: 8, present: (content) => content.process.length > 0 },
  { label: "办理结果", weight: 6, present: (content) => content.result !== null },
  { label: "咨询电话", weight: 5, present: (content) => Boolean(content.consultationPhone) },
  { label: "监督投诉电话", weight: 5, present: (content) => Boolean(content.complaintPhone) },
  { label: "办理窗口", weight: 6, present: (content) => content.windowIds.length > 0 },
  { label: "常见问题", weight: 4, present: (content) => content.faq.length > 0 },
  {
    label: "申请人权利和义务",
    weight: 4,
    present: (content) => content.rights.length > 0 && content.obligations.length > 0,
  },
  {
    label: "救济途径",
    weight: 6,
    present: (content) => Boolean(content.remedies.reconsideration || content.remedies.litigation),
  },
];

const totalWeight = completenessElements.reduce((sum, element) => sum + element.weight, 0);

/** Scores how completely an item states the elements the standards name (0–100) and lists what is missing. */
export function completeness(content: ItemContent): { score: number; missing: string[] } {
  let earned = 0;
  const missing: string[] = [];
  for (const element of completenessElements) {
    if (element.present(content)) earned += element.weight;
    else missing.push(element.label);
  }
  return { score: Math.round((earned * 100) / totalWeight), missing };
}
