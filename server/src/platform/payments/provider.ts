/**
 * The payment-provider interface: the platform asks a provider for a checkout page for an order, and
 * the provider later tells the platform, in a signed notification, that money was received. Real
 * deployments add their provider (a bank's or the 非税收入 payment platform's) behind this interface.
 */

/** What a provider is told about an order when the applicant starts paying. */
export interface CheckoutOrder {
  /** 缴款单号. */
  number: string;
  amountFen: number;
  /** Shown on the provider's page. */
  description: string;
  /** The reference of an earlier checkout for the same order, to be reused rather than doubled. */
  providerRef: string | null;
}

/** Where the applicant pays, and how the provider will name this payment in its notification. */
export interface Checkout {
  providerRef: string;
  checkoutUrl: string;
}

/** A verified notification: the provider says this much was paid for this reference at this time. */
export interface PaymentNotification {
  providerRef: string;
  amountFen: number;
  paidAt: Date;
  transactionId: string;
}

/** A payment provider; `parseNotification` throws when the signature does not verify. */
export interface PaymentProvider {
  /** The name in PAYMENT_PROVIDER and in the notification address /api/payments/notify/{name}. */
  readonly name: string;
  createCheckout(order: CheckoutOrder): Promise<Checkout>;
  parseNotification(
    headers: Record<string, string | string[] | undefined>,
    rawBody: Buffer,
  ): PaymentNotification;
}

/** Thrown by a provider when a notification's signature or content cannot be trusted. */
export class PaymentSignatureError extends Error {
  override name = "PaymentSignatureError";
}
