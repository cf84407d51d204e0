import type { CheckContext, ConsistencyRule, Finding } from "./consistency.ts";
import { contentLabels } from "./element-labels.ts";
import { exerciseLevels, validateBasicCode, validateImplementationCode } from "./item-codes.ts";
import type { ItemContent, TimeLimit } from "./item-content.ts";

// The single-item consistency checks behind `checkItem` (consistency.ts), one function per group of rules.

/** A finding before it is tied to an item; severity defaults to the rule's. */
export type Draft = { rule: ConsistencyRule; field: string; message: string; severity?: Finding["severity"] };

// Item types that are 依申请 (the applicant hands in materials); penalties, inspections and the like are not.
const onApplication = new Set<string>([
  "licensing",
  "payment",
  "confirmation",
  "reward",
  "adjudication",
  "filing",
  "other-power",
  "public-service",
]);

const codeReasons: Record<string, string> = {
  length: "长度不符",
  charset: "含有不允许的字符",
  "subject-code": "实施主体代码（统一社会信用代码）无效",
  level: "行使层级代码无效",
};

function describeLimit(limit: TimeLimit): string {
  return `${limit.days}个${limit.unit === "workday" ? "工作日" : "自然日"}`;
}

/** Codes valid for the profile, the body known, and (national) the 实施编码 composed of its parts. */
export function checkCodes(content: ItemContent, context: CheckContext): Draft[] {
  const drafts: Draft[] = [];
  const basic = validateBasicCode(content.basicCode, context.profile);
  if (!basic.valid) {
    drafts.push({
      rule: "code-format",
      field: "basicCode",
      message: `基本编码${codeReasons[basic.reason]}：${content.basicCode}`,
    });
  }
  const implementation = validateImplementationCode(content.implementationCode, context.profile);
  if (!implementation.valid) {
    drafts.push({
      rule: "code-format",
      field: "implementationCode",
      message: `实施编码${codeReasons[implementation.reason]}：${content.implementationCode}`,
    });
  }
  const department = context.departments.get(content.departmentId);
  if (!department) {
    drafts.push({ rule: "department", field: "departmentId", message: "实施主体不是已登记的部门" });
  }
  if (context.profile !== "national" || !implementation.valid || !implementation.parts) return drafts;
  // National practice: 实施编码 = 实施主体 USCC (18) + 行使层级 (1) + 基本编码 (12).
  const { subjectCode, levelCode, basicCode } = implementation.parts;
  if (basicCode !== content.basicCode) {
    drafts.push({
      rule: "code-composition",
      field: "implementationCode",
      message: `实施编码的后12位（${basicCode}）与基本编码（${content.basicCode}）不一致`,
    });
  }
  if (levelCode !== exerciseLevels[content.level].code) {
    drafts.push({
      rule: "code-composition",
      field: "implementationCode",
      message: `实施编码第19位（${levelCode}）与行使层级「${exerciseLevels[content.level].name}」的代码（${exerciseLevels[content.level].code}）不一致`,
    });
  }
  if (department && department.creditCode === null) {
    drafts.push({
      rule: "code-composition",
      severity: "warning",
      field: "implementationCode",
      message: "实施主体没有统一社会信用代码，无法核对实施编码的前18位",
    });
  } else if (department && department.creditCode !== subjectCode) {
    drafts.push({
      rule: "code-composition",
      field: "implementationCode",
      message: `实施编码的前18位（${subjectCode}）与实施主体的统一社会信用代码（${department.creditCode}）不一致`,
    });
  }
  return drafts;
}

/** Promised ≤ statutory, immediate items promise nothing, promised items promise something. */
export function checkTimeLimits(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  const { promisedLimit: promised, statutoryLimit: statutory } = content;
  if (content.processing === "immediate" && promised && promised.days > 0) {
    drafts.push({
      rule: "immediate-processing",
      field: "promisedLimit",
      message: `即办件不应设承诺时限（现为${describeLimit(promised)}）`,
    });
  }
  if (content.processing === "promised" && !promised) {
    drafts.push({ rule: "required-elements", field: "promisedLimit", message: "承诺件须写明承诺办结时限" });
  }
  if (!promised || !statutory) return drafts;
  const over = `承诺时限（${describeLimit(promised)}）超过法定时限（${describeLimit(statutory)}）`;
  if (promised.unit === statutory.unit) {
    if (promised.days > statutory.days)
      drafts.push({ rule: "time-limit", field: "promisedLimit", message: over });
    return drafts;
  }
  // Units differ. N working days span at least N natural days and at most maxNaturalSpan(N), so a
  // comparison is certain outside that band (an error when certainly over) and a warning inside it,
  // where only the calendar of the actual dates could tell.
  const [shortest, longest] =
    promised.unit === "workday"
      ? [promised.days, maxNaturalSpan(promised.days)]
      : [statutory.days, maxNaturalSpan(statutory.days)];
  const promisedNatural = promised.unit === "natural-day";
  const certainlyOver = promisedNatural ? promised.days > longest : shortest > statutory.days;
  const certainlyWithin = promisedNatural ? promised.days <= shortest : longest <= statutory.days;
  if (certainlyOver) {
    drafts.push({ rule: "time-limit", field: "promisedLimit", message: over });
  } else if (!certainlyWithin) {
    drafts.push({
      rule: "time-limit",
      severity: "warning",
      field: "promisedLimit",
      message: `承诺时限（${describeLimit(promised)}）与法定时限（${describeLimit(statutory)}）计时单位不同，遇节假日可能超过法定时限，请统一单位`,
    });
  }
  return drafts;
}

/**
 * The most natural days N working days can span: the N working days plus up to 7 weekdays off for one
 * long holiday (春节 2026 takes 6 weekdays, 国庆 up to 6), laid out in weeks of five working days, plus a
 * weekend. Generous on purpose: past this bound the comparison is certain. (The earlier bound, weeks
 * plus the 9-day run, was exceeded by 49 working days from 2026-02-14: 81 days.)
 */
export function maxNaturalSpan(workdays: number): number {
  return Math.ceil((workdays + 7) / 5) * 7 + 2;
}

/** Online depth IV ⇒ zero visits; zero visits ⇒ an online or postal channel; visits ⇒ a reason. */
export function checkVisits(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  if (content.onlineDepth === 4 && content.maxVisits > 0) {
    drafts.push({
      rule: "level-four-zero-visit",
      field: "maxVisits",
      message: `网上办理深度为四级（全程网办）的事项到现场次数应为0（现为${content.maxVisits}次）`,
    });
  }
  if (content.maxVisits === 0 && content.onlineDepth < 3 && !content.postal) {
    drafts.push({
      rule: "zero-visit-channel",
      field: "maxVisits",
      message: "零跑动事项须能网上办理（深度三级以上）或支持物流快递",
    });
  }
  if (content.maxVisits > 0 && !content.visitReason) {
    drafts.push({
      rule: "visit-reason",
      field: "visitReason",
      message: `到现场${content.maxVisits}次，须说明需到现场办理的理由`,
    });
  }
  return drafts;
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** Unique ids and labels; effects name existing materials; conditional materials are reachable. */
export function checkSituations(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  for (const id of duplicates(content.materials.map((material) => material.id))) {
    drafts.push({ rule: "unique-ids", field: `materials[${id}]`, message: `申请材料标识「${id}」重复` });
  }
  for (const id of duplicates(content.situations.map((situation) => situation.id))) {
    drafts.push({ rule: "unique-ids", field: `situations[${id}]`, message: `情形标识「${id}」重复` });
  }
  const materials = new Set(content.materials.map((material) => material.id));
  const added = new Set<string>();
  for (const situation of content.situations) {
    for (const label of duplicates(situation.options.map((option) => option.label))) {
      drafts.push({
        rule: "unique-ids",
        field: `situations[${situation.id}].options`,
        message: `情形「${situation.question}」的选项「${label}」重复`,
      });
    }
    situation.options.forEach((option, optionIndex) => {
      option.effects.forEach((effect, effectIndex) => {
        const field = `situations[${situation.id}].options[${optionIndex}].effects[${effectIndex}]`;
        const named =
          effect.kind === "add-condition"
            ? []
            : effect.kind === "replace-material"
              ? [effect.material, effect.by]
              : [effect.material];
        for (const id of named) {
          if (!materials.has(id)) {
            drafts.push({
              rule: "material-reference",
              field,
              message: `情形「${situation.question}」选项「${option.label}」引用了不存在的材料「${id}」`,
            });
          }
        }
        if (effect.kind === "add-material") added.add(effect.material);
        if (effect.kind === "replace-material") added.add(effect.by);
      });
    });
  }
  for (const material of content.materials) {
    if (material.conditional && !added.has(material.id)) {
      drafts.push({
        rule: "conditional-material",
        field: `materials[${material.id}]`,
        message: `情形材料「${material.name}」没有任何情形选项会添加它，申请人永远看不到`,
      });
    }
  }
  return drafts;
}

/** Licence types and windows the item names exist (when the context knows them). */
export function checkReferences(content: ItemContent, context: CheckContext): Draft[] {
  const drafts: Draft[] = [];
  const { licenceTypeRefs, windowIds } = context;
  if (licenceTypeRefs) {
    for (const material of content.materials) {
      if (material.licenceTypeRef && !licenceTypeRefs.has(material.licenceTypeRef)) {
        drafts.push({
          rule: "licence-type",
          field: `materials[${material.id}].licenceTypeRef`,
          message: `材料「${material.name}」引用的电子证照类型「${material.licenceTypeRef}」不存在`,
        });
      }
    }
    const ref = content.result?.licenceTypeRef;
    if (ref && !licenceTypeRefs.has(ref)) {
      drafts.push({
        rule: "licence-type",
        field: "result.licenceTypeRef",
        message: `办理结果引用的电子证照类型「${ref}」不存在`,
      });
    }
  }
  if (windowIds) {
    content.windowIds.forEach((id, index) => {
      if (!windowIds.has(id))
        drafts.push({ rule: "window", field: `windowIds[${index}]`, message: `办理窗口「${id}」不存在` });
    });
  }
  return drafts;
}

/** The elements an item cannot be published without, and those it should state. */
export function checkRequired(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  // Every power or service must name the law that sets it up (设定依据).
  if (content.legalBasis.length === 0) {
    drafts.push({ rule: "required-elements", field: "legalBasis", message: "须写明设定依据" });
  }
  if (onApplication.has(content.type) && content.materials.length === 0) {
    drafts.push({
      rule: "required-elements",
      severity: "warning",
      field: "materials",
      message: "依申请事项未列申请材料",
    });
  }
  const wanted: (keyof ItemContent)[] = ["consultationPhone", "complaintPhone"];
  for (const field of wanted) {
    if (!content[field])
      drafts.push({
        rule: "required-elements",
        severity: "warning",
        field,
        message: `未填写${contentLabels[field]}`,
      });
  }
  if (content.process.length === 0) {
    drafts.push({
      rule: "required-elements",
      severity: "warning",
      field: "process",
      message: "未写明办理流程",
    });
  }
  return drafts;
}

/** Feature tags that promise what the processing does not deliver. */
export function checkTags(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  const tags = new Set(content.tags);
  if (tags.has("immediate") && content.processing !== "immediate") {
    drafts.push({ rule: "feature-tags", field: "tags", message: "标为「即办件」的事项办件类型应为即办" });
  }
  if (tags.has("fully-online") && (content.onlineDepth < 4 || content.maxVisits > 0)) {
    drafts.push({
      rule: "feature-tags",
      field: "tags",
      message: "标为「全程网办」的事项应为网上办理深度四级且零跑动",
    });
  }
  return drafts;
}
