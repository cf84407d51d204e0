import { z } from "zod";

const PaymentLine = z.object({ name: z.string(), amountFen: z.number().int() });

export const OrderParams = z.object({ orderId: z.uuid() });
export const CaseParams = z.object({ id: z.uuid() });
export const ProviderParams = z.object({ provider: z.string().min(1).max(40) });
export const DemoRefParams = z.object({ ref: z.string().min(1).max(80) });

export const PaymentOrder = z.object({
  id: z.uuid(),
  number: z.string().describe("缴款单号"),
  status: z.enum(["pending", "paid", "cancelled"]),
  amountFen: z.number().int(),
  lines: z.array(PaymentLine),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  receiptNumber: z.string().nullable().describe("电子票据号, once paid"),
  mayPay: z.boolean().describe("True for the applicant while the order is pending"),
});
export type PaymentOrder = z.infer<typeof PaymentOrder>;

export const CasePayment = z.object({
  fees: z
    .array(PaymentLine.extend({ index: z.number().int() }))
    .describe("The pinned item version's charged fees; the decision picks by index when there are several"),
  order: PaymentOrder.nullable(),
});
export type CasePayment = z.infer<typeof CasePayment>;

export const CheckoutResponse = z.object({ checkoutUrl: z.string() });

export const Receipt = z.object({
  receiptNumber: z.string().describe("电子票据号"),
  orderNumber: z.string(),
  caseNumber: z.string().nullable(),
  itemName: z.string(),
  payer: z.object({ name: z.string() }),
  payee: z.object({ name: z.string(), creditCode: z.string().nullable() }),
  lines: z.array(PaymentLine),
  amountFen: z.number().int(),
  paidAt: z.string(),
  provider: z.string(),
  transactionId: z.string(),
});
export type Receipt = z.infer<typeof Receipt>;

export const DemoCheckout = z.object({
  orderNumber: z.string(),
  status: z.enum(["pending", "paid", "cancelled"]),
  amountFen: z.number().int(),
  lines: z.array(PaymentLine),
  payee: z.string(),
  itemName: z.string(),
  caseId: z.uuid(),
  caseNumber: z.string().nullable(),
});
export type DemoCheckout = z.infer<typeof DemoCheckout>;

export const NotifyResponse = z.object({ outcome: z.enum(["paid", "already-paid"]) });
export const DemoPayResponse = z.object({ caseId: z.uuid(), orderId: z.uuid() });
