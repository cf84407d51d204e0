import type { Messages } from "./zh-CN.ts";

type Section = Messages["instant"];

/** English messages of 秒批 (instant approval), the `instant` section of en-US.ts. */
export const instantEnUS: Section = {
  title: "Instant approval",
  passed: "Instantly approved and completed",
  passedIntro:
    "At {{time}} the platform checked every rule below, and accepted, approved and completed the application; the result is delivered electronically.",
  failed: "Not instantly approved; passed to staff",
  submittedBody:
    "Your application met every instant approval rule and was approved and completed at once; the result is delivered electronically. Please note the case number and query code.",
  failedIntroApplicant:
    "These conditions could not be confirmed automatically; staff will handle your application as usual:",
  failedIntroStaff:
    "At {{time}} the platform checked the instant approval rules; these failed, please pre-check as usual:",
  rulePassed: "passed",
  ruleFailed: "failed",
  editor: {
    title: "Instant approval rules",
    intro:
      "For an item tagged instant approval that charges no fee, the platform checks these rules against the form and the verified identity on submission and completes the case when all pass. Enter a JSON array.",
    label: "Instant approval rules (JSON)",
    invalidJson: "Not valid JSON: {{message}}",
    invalidRule: "Rule {{index}} is invalid: {{message}}",
    none: "No instant approval rules yet.",
    preview: "What the rules say",
  },
};
