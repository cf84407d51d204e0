import type { Messages } from "./zh-CN.ts";

/** English messages of fees, the `payments` section of en-US.ts. */
export const paymentsEnUS: Messages["payments"] = {
  panel: {
    title: "Fees",
    intro:
      "This service charges a fee. A payment order is issued once approved; the case completes after payment.",
    pendingIntro: "Please pay the fees below; the case can then be completed.",
    number: "Payment order no.",
    status: "Payment status",
    createdAt: "Issued",
    line: "Fee",
    amount: "Amount",
    total: "Total",
    pay: "Pay now",
    noOrder: "No payment order has been issued yet.",
  },
  status: { pending: "Unpaid", paid: "Paid", cancelled: "Cancelled" },
  receipt: {
    title: "Electronic receipt",
    number: "Receipt no.",
    orderNumber: "Payment order no.",
    caseNumber: "Case number",
    item: "Service",
    payer: "Payer",
    payee: "Payee",
    creditCode: "Unified social credit code",
    lines: "Fees",
    amount: "Amount",
    paidAt: "Paid at",
    transaction: "Transaction no.",
  },
  demo: {
    title: "Checkout (demo)",
    notice:
      "This is the demo payment provider: no money is taken. On confirming, the platform books the payment from the provider's signed notification.",
    order: "Payment order no.",
    item: "Service",
    caseNumber: "Case number",
    payee: "Payee",
    amount: "Amount to pay",
    pay: "Confirm payment (demo)",
    back: "Back to the case",
    paid: "Payment received",
    notPending: "This payment order is already paid or cancelled.",
  },
  decide: {
    fees: "Fees that apply",
    help: "This service has several fee rates: pick those that apply when approving; each is charged at the catalog's amount.",
  },
};
