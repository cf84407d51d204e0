import type { TimeLimit } from "@tongban/core";
import type { TFunction } from "i18next";

/** Writes an amount in fen as yuan with two decimals and grouped thousands: 123456 → "1,234.56". */
export function formatYuan(amountFen: number): string {
  // Integer arithmetic throughout: money travels as fen so that no float ever rounds a fee.
  const sign = amountFen < 0 ? "-" : "";
  const fen = Math.abs(Math.trunc(amountFen));
  const yuan = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${yuan}.${String(fen % 100).padStart(2, "0")}`;
}

const romanDepths = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"] as const;

/** 网上办理深度 as the Roman numeral the standards use (1 → Ⅰ); out-of-range depths keep their digits. */
export function romanDepth(depth: number): string {
  return romanDepths[depth - 1] ?? String(depth);
}

/** The i18n key of a depth's description, or undefined when the depth is not one of I–IV. */
export function depthKey(depth: number): "1" | "2" | "3" | "4" | undefined {
  return depth === 1 || depth === 2 || depth === 3 || depth === 4
    ? (String(depth) as "1" | "2" | "3" | "4")
    : undefined;
}

/** Says a time limit in the UI language, or "not stated" when the guide gives none. */
export function formatLimit(limit: TimeLimit | null, t: TFunction): string {
  if (!limit) return t("portal.guide.notStated");
  // 即办: zero days means the result is given at the window, which "0 working days" would obscure.
  if (limit.days === 0) return t("portal.units.immediate");
  return limit.unit === "workday"
    ? t("portal.units.workday", { days: limit.days })
    : t("portal.units.natural", { days: limit.days });
}
