/** Staff roles; applicants (citizens and companies) hold none. */
export const staffRoles = [
  "window-clerk",
  "reviewer",
  "decision-maker",
  "catalog-editor",
  "legality-reviewer",
  "supervisor",
  "data-steward",
  "system-admin",
] as const;
export type StaffRole = (typeof staffRoles)[number];
