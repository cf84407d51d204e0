import type { Messages } from "./zh-CN.ts";

type Section = Messages["pledges"];

/** English messages of pledges (告知承诺) and pledge checks, the `pledges` section of en-US.ts. */
export const pledgesEnUS: Section = {
  nav: "Pledge checks",
  status: { open: "To check", verified: "Verified", failed: "Untrue" },
  choice: {
    pledge: "Pledge instead of “{{name}}”",
    pledged: "Pledged",
    pledgedHint: "A written commitment replaces this material; no upload needed.",
    withdraw: "Withdraw the pledge for “{{name}}”",
    title: "Commitment: {{name}}",
    intro:
      "Read the commitment below. By choosing “I commit” you make it; after acceptance the department checks what you committed to.",
    sign: "I commit",
    cancel: "Cancel",
    notOffered: "“{{name}}” cannot be replaced by a commitment; please upload it",
  },
  case: {
    title: "Pledges",
    material: "Material replaced",
    pledgedBy: "Pledged by",
    pledgedAt: "Pledged at",
    text: "Commitment",
    showText: "Show the commitment",
    check: "Post-verification",
    checkStatus: "Check status",
    openedOn: "Opened on",
    dueOn: "Check due",
    note: "Finding",
    resolvedBy: "Checked by",
    noCheck: "A pledge check is opened when the case is accepted.",
  },
  checks: {
    title: "Pledge checks",
    intro:
      "Cases accepted on commitments instead of proofs are checked by the due date. An untrue commitment is told to the applicant and the decision is revoked according to law.",
    filters: "Filter pledge checks",
    filter: { open: "To check", overdue: "Overdue", all: "All" },
    column: {
      number: "Case number",
      item: "Item",
      applicant: "Applicant",
      materials: "Materials pledged",
      openedOn: "Accepted on",
      dueOn: "Check due",
      status: "Status",
      actions: "Actions",
    },
    overdue: "Overdue",
    verify: "Verified",
    fail: "Untrue",
    resolveTitle: { verified: "Verified: {{number}}", failed: "Untrue: {{number}}" },
    note: "Finding",
    noteRequired: "Describe what was checked",
    failedWarning:
      "Once found untrue, the applicant is told that the decision will be revoked according to law.",
    confirm: "OK",
    cancel: "Cancel",
    resolved: "The result is recorded",
    empty: "No pledge checks",
  },
};
