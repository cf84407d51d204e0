import type { TFunction } from "i18next";
import type { TimeLimit } from "./api.ts";

/** Says a catalog time limit in the UI language; the server states units as the legal Chinese words. */
export function formatLimit(limit: TimeLimit | null, t: TFunction): string {
  if (!limit) return t("common.none");
  // 即办件: zero days means the result is given at the window, which "0 working days" would obscure.
  if (limit.days === 0) return t("units.immediate");
  if (limit.unit === "工作日") return t("units.workday", { days: limit.days });
  if (limit.unit === "自然日") return t("units.natural", { days: limit.days });
  return `${limit.days} ${limit.unit}`;
}
