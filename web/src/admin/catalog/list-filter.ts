import type { CatalogRow } from "./api.ts";

/** Filters the list applies to the rows of a page: completeness bands and whether a change is pending. */
export interface RowFilter {
  completeness?: "below-60" | "below-80" | "complete" | undefined;
  pending?: "yes" | "no" | undefined;
}

/** Whether a catalog row passes the completeness and pending-change filters. */
export function matchesRowFilter(
  row: Pick<CatalogRow, "completeness" | "pendingChange">,
  filter: RowFilter,
): boolean {
  if (filter.completeness === "below-60" && row.completeness >= 60) return false;
  if (filter.completeness === "below-80" && row.completeness >= 80) return false;
  if (filter.completeness === "complete" && row.completeness < 100) return false;
  if (filter.pending === "yes" && !row.pendingChange) return false;
  if (filter.pending === "no" && row.pendingChange) return false;
  return true;
}
