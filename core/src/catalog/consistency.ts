import { contentLabels } from "./element-labels.ts";
import { checkInstant } from "./instant-checks.ts";
import {
  checkCodes,
  checkReferences,
  checkRequired,
  checkSituations,
  checkTags,
  checkTimeLimits,
  checkVisits,
  type Draft,
} from "./item-checks.ts";
import { type CodeProfile, exerciseLevels, itemTypes } from "./item-codes.ts";
import type { ItemContent } from "./item-content.ts";
import { checkPledges, checkProcessSteps } from "./process-checks.ts";

/**
 * The consistency rules (一致性校验规则) every change and the whole catalog are checked against.
 * Errors block publication; warnings are reported for the office to follow up.
 */
export const consistencyRules = {
  "code-format": { title: "编码符合编码规则", severity: "error" },
  "code-composition": { title: "实施编码由实施主体代码、行使层级和基本编码组成", severity: "error" },
  department: { title: "实施主体存在", severity: "error" },
  "time-limit": { title: "承诺时限不超过法定时限", severity: "error" },
  "immediate-processing": { title: "即办件不设承诺时限", severity: "error" },
  "level-four-zero-visit": { title: "网上办理深度四级的事项零跑动", severity: "error" },
  "zero-visit-channel": { title: "零跑动事项有网上或邮寄渠道", severity: "error" },
  "visit-reason": { title: "需到现场办理的说明理由", severity: "error" },
  "unique-ids": { title: "材料、情形和选项不重复", severity: "error" },
  "material-reference": { title: "情形引导引用的材料存在", severity: "error" },
  "conditional-material": { title: "情形材料由情形引导添加", severity: "warning" },
  "licence-type": { title: "可替代的电子证照类型存在", severity: "error" },
  window: { title: "办理窗口存在", severity: "error" },
  "required-elements": { title: "必备要素齐全", severity: "error" },
  "feature-tags": { title: "特色标签与办理方式相符", severity: "warning" },
  "instant-rules": { title: "秒批事项设有规则，规则引用申请表中的字段", severity: "warning" },
  "process-steps": {
    title: "办理流程控制在受理、审核、办结3个环节以内（法定程序除外）",
    severity: "warning",
  },
  pledge: { title: "告知承诺事项列明可由承诺替代的证明材料", severity: "warning" },
  "four-same": { title: "四级四同：同一基本编码的事项名称、类型、设定依据一致", severity: "error" },
  "implementation-code-unique": { title: "实施编码唯一", severity: "error" },
} as const satisfies Record<string, { title: string; severity: "error" | "warning" }>;

/** The key of a consistency rule. */
export type ConsistencyRule = keyof typeof consistencyRules;

/** One thing a consistency check found, with the element it is about and a Chinese message. */
export type Finding = {
  rule: ConsistencyRule;
  severity: "error" | "warning";
  itemId: string | null;
  ref: string | null;
  field: string;
  message: string;
};

/** What the checks need to know beyond the item: the code profile and the organisations it names. */
export type CheckContext = {
  profile: CodeProfile;
  departments: ReadonlyMap<string, { creditCode: string | null; regionCode: string }>;
  /** Known licence types (`licence_type.ref`); references are checked only when given. */
  licenceTypeRefs?: ReadonlySet<string>;
  /** Known service windows; references are checked only when given. */
  windowIds?: ReadonlySet<string>;
};

/** One published item as the cross-catalog checks see it. */
export type CatalogEntry = { itemId: string; ref: string; content: ItemContent };

function finding(draft: Draft): Finding {
  return { severity: consistencyRules[draft.rule].severity, itemId: null, ref: null, ...draft };
}

/** Checks one item on its own: codes, time limits, visits, situations, references and required elements. */
export function checkItem(content: ItemContent, context: CheckContext): Finding[] {
  return [
    ...checkCodes(content, context),
    ...checkTimeLimits(content),
    ...checkVisits(content),
    ...checkSituations(content),
    ...checkReferences(content, context),
    ...checkRequired(content),
    ...checkTags(content),
    ...checkInstant(content),
    ...checkProcessSteps(content),
    ...checkPledges(content),
  ].map(finding);
}

/** The laws an item rests on, as a set: articles may be cited differently per level, the laws may not. */
function lawSet(content: ItemContent): string {
  return JSON.stringify([...new Set(content.legalBasis.map((basis) => basis.law))].sort());
}

/**
 * The value most entries share. A tie goes to the value of the highest exercising level (the basic
 * catalog is set from the top down), then to the entry met first, so the result never depends on luck.
 */
function majority(entries: readonly CatalogEntry[], key: (content: ItemContent) => string): string {
  const tally = new Map<string, { count: number; level: number; first: number }>();
  entries.forEach((entry, index) => {
    const value = key(entry.content);
    const level = Number(exerciseLevels[entry.content.level].code);
    const seen = tally.get(value) ?? { count: 0, level, first: index };
    tally.set(value, { count: seen.count + 1, level: Math.min(seen.level, level), first: seen.first });
  });
  const ranked = [...tally].sort(
    ([, a], [, b]) => b.count - a.count || a.level - b.level || a.first - b.first,
  );
  return ranked[0]?.[0] ?? "";
}

const sameAcrossLevels: {
  field: keyof ItemContent;
  key: (content: ItemContent) => string;
  show: (content: ItemContent) => string;
}[] = [
  { field: "name", key: (content) => content.name, show: (content) => `「${content.name}」` },
  { field: "type", key: (content) => content.type, show: (content) => `「${itemTypes[content.type].name}」` },
  {
    field: "legalBasis",
    key: lawSet,
    show: (content) =>
      `「${[...new Set(content.legalBasis.map((basis) => basis.law))].sort().join("、") || "无"}」`,
  },
];

/**
 * Checks the catalog as a whole (the rules one item cannot see alone): 四级四同 — items sharing a
 * 基本编码 keep the same name, type and set of laws across levels and regions, measured against what most
 * of them say — and unique 实施编码. Per-item rules are `checkItem`'s; callers run both.
 */
export function checkCatalog(entries: readonly CatalogEntry[], _context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const byBasic = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const group = byBasic.get(entry.content.basicCode) ?? [];
    group.push(entry);
    byBasic.set(entry.content.basicCode, group);
  }
  for (const [basicCode, group] of byBasic) {
    if (group.length < 2) continue;
    for (const { field, key, show } of sameAcrossLevels) {
      const expected = majority(group, key);
      const reference = group.find((entry) => key(entry.content) === expected);
      if (!reference) continue;
      for (const entry of group) {
        if (key(entry.content) === expected) continue;
        findings.push({
          ...finding({
            rule: "four-same",
            field,
            message: `${contentLabels[field]}${show(entry.content)}与同一基本编码（${basicCode}）的其他事项（如 ${reference.ref}）${show(reference.content)}不一致`,
          }),
          itemId: entry.itemId,
          ref: entry.ref,
        });
      }
    }
  }
  const byCode = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const group = byCode.get(entry.content.implementationCode) ?? [];
    group.push(entry);
    byCode.set(entry.content.implementationCode, group);
  }
  for (const [code, group] of byCode) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group
        .filter((other) => other !== entry)
        .map((other) => other.ref)
        .join("、");
      findings.push({
        ...finding({
          rule: "implementation-code-unique",
          field: "implementationCode",
          message: `实施编码 ${code} 与事项 ${others} 重复`,
        }),
        itemId: entry.itemId,
        ref: entry.ref,
      });
    }
  }
  return findings;
}
