import type { Draft } from "./item-checks.ts";
import type { ItemContent } from "./item-content.ts";

// The process and 告知承诺 checks behind `checkItem` (consistency.ts): warnings for the office to follow up.

/** Step names that are the applicant's own act (申请), not an approval step. */
export const applicantStepNames: readonly string[] = [
  "申请",
  "提交申请",
  "网上申请",
  "在线申请",
  "申请人申请",
];
/** Step names that hand over the result: part of 办结, not a step of its own. */
export const deliveryStepNames: readonly string[] = ["送达", "结果送达", "送达结果", "领取结果"];

/** The most approval steps an item may have without a legal basis: 受理, 审核（审查）, 办结. */
export const MAX_APPROVAL_STEPS = 3;

/** The approval steps of a process: every step except the applicant's 申请 and the result's 送达. */
export function approvalSteps(content: Pick<ItemContent, "process">): ItemContent["process"] {
  return content.process.filter(
    (step) => !applicantStepNames.includes(step.name) && !deliveryStepNames.includes(step.name),
  );
}

/**
 * 000 article 14: apart from procedures the law names (公示, 听证, 现场勘查, 核实…), an item's process
 * stays within 受理, 审核 and 办结. Steps citing their law do not count; more than three others is a warning.
 */
export function checkProcessSteps(content: ItemContent): Draft[] {
  const steps = approvalSteps(content);
  const unexplained = steps.filter((step) => !step.legalBasis?.trim());
  if (unexplained.length <= MAX_APPROVAL_STEPS) return [];
  const names = steps.map((step) => step.name).join("、");
  const without = unexplained.map((step) => `「${step.name}」`).join("");
  return [
    {
      rule: "process-steps",
      field: "process",
      message: `办理流程除申请、送达外有${steps.length}个环节（${names}），超过受理、审核、办结3个环节；${without}未写明法律依据。法定的公示、听证、现场勘查等环节请填写法律依据，其余环节请合并`,
    },
  ];
}

/** 告知承诺: a tagged item names the proofs a commitment replaces, and only a tagged item names any. */
export function checkPledges(content: ItemContent): Draft[] {
  const tagged = content.tags.includes("pledge");
  const pledgeable = content.materials.filter((material) => material.pledgeable);
  if (tagged && pledgeable.length === 0) {
    return [
      {
        rule: "pledge",
        field: "materials",
        message: "标为「告知承诺」的事项没有可由承诺替代的证明材料，请在申请材料中勾选「可告知承诺」",
      },
    ];
  }
  if (tagged) return [];
  return pledgeable.map((material) => ({
    rule: "pledge",
    field: `materials[${material.id}].pledgeable`,
    message: `材料「${material.name}」标为可告知承诺，但事项没有「告知承诺」特色标签，申请人无法选择承诺`,
  }));
}
