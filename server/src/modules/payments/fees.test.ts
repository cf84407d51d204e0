import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors.ts";
import { chargedFees, orderLines, paymentNumber, totalFen } from "./fees.ts";

const fee = (name: string, amountFen: number) => ({ name, amountFen, basis: null });
const free = { fees: [fee("不收费", 0)] };
const single = { fees: [fee("不收费（首次）", 0), fee("工本费", 12000)] };
const alternatives = { fees: [fee("工本费（期满换领）", 2000), fee("工本费（损坏换领）", 4000)] };

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return null;
};

describe("payment order lines", () => {
  it("charges nothing for a free item, and refuses a fee picked on one", () => {
    expect(chargedFees(free)).toEqual([]);
    expect(orderLines(free, undefined)).toBeNull();
    expect(codeOf(() => orderLines(free, [0]))).toBe("PAYMENT_FEE_UNKNOWN");
  });

  it("applies a single charged fee by itself, keeping its position in the catalog", () => {
    expect(chargedFees(single)).toEqual([{ index: 1, name: "工本费", amountFen: 12000 }]);
    expect(orderLines(single, undefined)).toEqual([{ name: "工本费", amountFen: 12000 }]);
    expect(orderLines(single, [])).toEqual([{ name: "工本费", amountFen: 12000 }]);
    // The free line cannot be picked as a charge.
    expect(codeOf(() => orderLines(single, [0]))).toBe("PAYMENT_FEE_UNKNOWN");
  });

  it("needs a pick among alternatives and charges exactly the catalog's amounts", () => {
    expect(codeOf(() => orderLines(alternatives, undefined))).toBe("PAYMENT_FEES_REQUIRED");
    expect(orderLines(alternatives, [1])).toEqual([{ name: "工本费（损坏换领）", amountFen: 4000 }]);
    const both = orderLines(alternatives, [0, 1, 1]) ?? [];
    expect(both).toHaveLength(2);
    expect(totalFen(both)).toBe(6000);
    expect(codeOf(() => orderLines(alternatives, [2]))).toBe("PAYMENT_FEE_UNKNOWN");
  });

  it("numbers orders and receipts by day with a 6-digit sequence", () => {
    expect(paymentNumber("order", "2026-03-02", 7)).toBe("JK20260302000007");
    expect(paymentNumber("receipt", "2026-12-31", 999_999)).toBe("PJ20261231999999");
    expect(() => paymentNumber("order", "2026-03-02", 0)).toThrow(RangeError);
  });
});
