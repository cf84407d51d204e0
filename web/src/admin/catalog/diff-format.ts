import { partLabel } from "@tongban/core";
import type { TFunction } from "i18next";

/**
 * Renders one before/after value of a diff for people: texts as they are, lists joined, and objects (a
 * fee, a material) one part per line under the parts' Chinese labels.
 */
export function formatValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? t("catalogAdmin.yes") : t("catalogAdmin.no");
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const parts = value.map((entry) => formatValue(entry, t));
    return value.every((entry) => typeof entry !== "object" || entry === null)
      ? parts.join("、")
      : parts.join("\n\n");
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, part]) => part !== null && part !== undefined)
      .map(([key, part]) => `${partLabel(key)}：${formatValue(part, t)}`)
      .join("\n");
  }
  return String(value);
}
