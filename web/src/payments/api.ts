import { api } from "../api/client.ts";

/** One charged line of an order, at the catalog's amount (fen). */
export interface PaymentLine {
  name: string;
  amountFen: number;
}

/** A payment order (缴款单) as the applicant and staff in scope see it. */
export interface PaymentOrder {
  id: string;
  number: string;
  status: "pending" | "paid" | "cancelled";
  amountFen: number;
  lines: PaymentLine[];
  createdAt: string;
  paidAt: string | null;
  receiptNumber: string | null;
  /** True for the applicant while the order waits to be paid. */
  mayPay: boolean;
}

/** A case's charged fees (with their positions, for the decision) and its latest order. */
export interface CasePayment {
  fees: (PaymentLine & { index: number })[];
  order: PaymentOrder | null;
}

/** The electronic receipt (电子票据) of a paid order. */
export interface Receipt {
  receiptNumber: string;
  orderNumber: string;
  caseNumber: string | null;
  itemName: string;
  payer: { name: string };
  payee: { name: string; creditCode: string | null };
  lines: PaymentLine[];
  amountFen: number;
  paidAt: string;
  provider: string;
  transactionId: string;
}

/** What the demo provider's checkout page shows. */
export interface DemoCheckout {
  orderNumber: string;
  status: PaymentOrder["status"];
  amountFen: number;
  lines: PaymentLine[];
  payee: string;
  itemName: string;
  caseId: string;
  caseNumber: string | null;
}

const segment = encodeURIComponent;

/** A case's fees and its latest payment order. */
export function getCasePayment(caseId: string, signal?: AbortSignal): Promise<CasePayment> {
  return api(`/api/cases/${segment(caseId)}/payment`, { signal });
}

/** Starts paying: the provider's checkout address. */
export function startCheckout(orderId: string): Promise<{ checkoutUrl: string }> {
  return api(`/api/payments/${segment(orderId)}/checkout`, { method: "POST", body: {} });
}

/** The electronic receipt of a paid order. */
export function getReceipt(orderId: string, signal?: AbortSignal): Promise<Receipt> {
  return api(`/api/payments/${segment(orderId)}/receipt`, { signal });
}

/** The demo checkout page's order. */
export function getDemoCheckout(ref: string, signal?: AbortSignal): Promise<DemoCheckout> {
  return api(`/api/payments/demo/${segment(ref)}`, { signal });
}

/** Pays on the demo checkout page; the platform signs and handles the notification as a provider's. */
export function payDemo(ref: string): Promise<{ caseId: string; orderId: string }> {
  return api(`/api/payments/demo/${segment(ref)}/pay`, { method: "POST", body: {} });
}

/** An amount in fen as 元 with two decimals: 12000 → "¥120.00". */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
