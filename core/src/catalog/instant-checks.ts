import { ruleField } from "./instant-rules.ts";
import type { Draft } from "./item-checks.ts";
import type { ItemContent } from "./item-content.ts";

/** The field ids of the item's application form (申请表). */
export function formFieldIds(content: ItemContent): Set<string> {
  return new Set(content.form.sections.flatMap((section) => section.fields.map((field) => field.id)));
}

/** The form's field labels by id, so rule descriptions read as the applicant saw the form. */
export function formFieldLabels(content: ItemContent): Record<string, string> {
  return Object.fromEntries(
    content.form.sections.flatMap((section) => section.fields.map((field) => [field.id, field.label])),
  );
}

/**
 * 秒批 as configured: the tag and the rules go together, every rule reads a field the form has, and an
 * item that charges a fee never completes instantly (the fee must be paid first).
 */
export function checkInstant(content: ItemContent): Draft[] {
  const drafts: Draft[] = [];
  const tagged = content.tags.includes("instant");
  const rules = content.instantRules;
  if (tagged && rules.length === 0) {
    drafts.push({
      rule: "instant-rules",
      field: "instantRules",
      message: "标为「秒批」的事项未设秒批规则，不会自动办结",
    });
  }
  if (!tagged && rules.length > 0) {
    drafts.push({
      rule: "instant-rules",
      field: "tags",
      message: "设有秒批规则但未标「秒批」，规则不会生效",
    });
  }
  if (tagged && content.fees.some((fee) => fee.amountFen > 0)) {
    drafts.push({ rule: "instant-rules", field: "fees", message: "收费事项须先缴费，不会秒批办结" });
  }
  const fields = formFieldIds(content);
  rules.forEach((rule, index) => {
    const field = ruleField(rule);
    if (field !== null && !fields.has(field)) {
      drafts.push({
        rule: "instant-rules",
        field: `instantRules[${index}]`,
        message: `秒批规则引用了申请表中没有的字段「${field}」`,
      });
    }
  });
  return drafts;
}
