import type { ItemContent, LocalDate } from "@tongban/core";
import type { PaymentLine } from "../../platform/db/tables-payments.ts";
import { invalid } from "../../platform/errors.ts";

/** A fee of the catalog that charges, with its position in the pinned content's fee list. */
export interface ChargedFee extends PaymentLine {
  index: number;
}

/** The fees of an item version that charge money (a 0-fen line states that something is free). */
export function chargedFees(content: Pick<ItemContent, "fees">): ChargedFee[] {
  return content.fees
    .map((fee, index) => ({ index, name: fee.name, amountFen: fee.amountFen }))
    .filter((fee) => fee.amountFen > 0);
}

/**
 * The lines of the payment order an approval opens, each at exactly the catalog's amount; null when
 * the item charges nothing. A guide's fee list often names alternatives (换领 20 元 or, when damaged,
 * 40 元; 住宅 80 元 or 非住宅 550 元), so with several charged fees the decision maker picks the ones
 * that apply by their position; with one, it applies by itself. Nothing outside the catalog can be charged.
 */
export function orderLines(
  content: Pick<ItemContent, "fees">,
  picked: readonly number[] | undefined,
): PaymentLine[] | null {
  const charged = chargedFees(content);
  if (charged.length === 0) {
    if (picked && picked.length > 0) throw invalid("PAYMENT_FEE_UNKNOWN", "该事项不收费，不能选择收费项目");
    return null;
  }
  const chosen =
    picked && picked.length > 0 ? [...new Set(picked)] : charged.length === 1 ? [charged[0]?.index ?? 0] : [];
  if (chosen.length === 0)
    throw invalid("PAYMENT_FEES_REQUIRED", "该事项有多项收费标准，请选择适用的收费项目", {
      fees: charged.map(({ index, name, amountFen }) => ({ index, name, amountFen })),
    });
  return chosen.map((index) => {
    const fee = charged.find((c) => c.index === index);
    if (!fee) throw invalid("PAYMENT_FEE_UNKNOWN", "所选收费项目不在该事项的收费标准中", { index });
    return { name: fee.name, amountFen: fee.amountFen };
  });
}

/** The total of an order's lines, in fen. */
export function totalFen(lines: readonly PaymentLine[]): number {
  return lines.reduce((sum, line) => sum + line.amountFen, 0);
}

/** 缴款单号 (JK…) or 电子票据号 (PJ…): prefix, the local date without dashes, a 6-digit daily sequence. */
export function paymentNumber(kind: "order" | "receipt", day: LocalDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999)
    throw new RangeError(`sequence out of range: ${sequence}`);
  return `${kind === "order" ? "JK" : "PJ"}${day.replaceAll("-", "")}${String(sequence).padStart(6, "0")}`;
}
