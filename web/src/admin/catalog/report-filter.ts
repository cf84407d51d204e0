import type { Finding } from "@tongban/core";
import type { CatalogReport } from "./api.ts";

/** The report's findings of one rule and/or one implementing department (via the finding's item). */
export function filterFindings(
  report: Pick<CatalogReport, "findings" | "items">,
  filter: { rule?: string | undefined; departmentId?: string | undefined },
): Finding[] {
  const departmentOf = new Map(report.items.map((item) => [item.id, item.department.id]));
  return report.findings.filter((finding) => {
    if (filter.rule && finding.rule !== filter.rule) return false;
    if (!filter.departmentId) return true;
    return finding.itemId !== null && departmentOf.get(finding.itemId) === filter.departmentId;
  });
}
