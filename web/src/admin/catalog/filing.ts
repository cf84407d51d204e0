import type { ChangeStatus } from "./api.ts";

/** Where a change stands against its filing deadline (10 working days after a law change, 000 article 3). */
export type FilingState = "none" | "pending" | "overdue" | "met";

// Once in review the change counts as filed: the deadline is the editor's, not the reviewers'.
const filed = new Set<ChangeStatus>(["legality-review", "consistency-review", "scheduled", "published"]);

/**
 * The filing state of a change on `today` (both local dates, YYYY-MM-DD, which compare as strings).
 * A withdrawn change no longer files anything, so it has no deadline.
 */
export function filingState(filingDue: string | null, status: ChangeStatus, today: string): FilingState {
  if (!filingDue || status === "withdrawn") return "none";
  if (filed.has(status)) return "met";
  return today > filingDue ? "overdue" : "pending";
}
