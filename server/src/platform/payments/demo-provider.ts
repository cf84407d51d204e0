import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  type Checkout,
  type CheckoutOrder,
  type PaymentNotification,
  type PaymentProvider,
  PaymentSignatureError,
} from "./provider.ts";

/** The header carrying the demo provider's HMAC-SHA256 of the raw notification body (hex). */
export const DEMO_SIGNATURE_HEADER = "x-demo-signature";

const NotificationBody = z.object({
  providerRef: z.string().min(1).max(80),
  amountFen: z.number().int().min(0),
  paidAt: z.iso.datetime(),
  transactionId: z.string().min(1).max(80),
});

/** A signed notification as the demo provider would send it over HTTP. */
export interface SignedNotification {
  headers: Record<string, string>;
  body: Buffer;
}

/** The demo provider: it can also sign a notification, which is how its checkout page "pays". */
export interface DemoPaymentProvider extends PaymentProvider {
  readonly name: "demo";
  sign(notification: PaymentNotification): SignedNotification;
}

/**
 * The embedded mode's provider: checkout is the platform's own page /pay/demo/{ref}, and notifications
 * are signed with HMAC-SHA256 under a key derived from the server's secrets, so only the platform can
 * produce one and a forged or altered notification is refused exactly as a real provider's would be.
 */
export function demoPaymentProvider(key: Buffer): DemoPaymentProvider {
  const signatureOf = (body: Buffer) => createHmac("sha256", key).update(body).digest("hex");
  return {
    name: "demo",
    async createCheckout(order: CheckoutOrder): Promise<Checkout> {
      const providerRef = order.providerRef ?? `demo-${randomBytes(12).toString("base64url")}`;
      return { providerRef, checkoutUrl: `/pay/demo/${encodeURIComponent(providerRef)}` };
    },
    parseNotification(headers, rawBody) {
      const given = headers[DEMO_SIGNATURE_HEADER];
      const expected = Buffer.from(signatureOf(rawBody));
      const actual = Buffer.from(typeof given === "string" ? given : "");
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
        throw new PaymentSignatureError("signature does not verify");
      let parsed: z.infer<typeof NotificationBody>;
      try {
        parsed = NotificationBody.parse(JSON.parse(rawBody.toString("utf8")));
      } catch {
        throw new PaymentSignatureError("signed body is not a notification");
      }
      return { ...parsed, paidAt: new Date(parsed.paidAt) };
    },
    sign(notification) {
      const body = Buffer.from(
        JSON.stringify({ ...notification, paidAt: notification.paidAt.toISOString() }),
        "utf8",
      );
      return {
        headers: { "content-type": "application/json", [DEMO_SIGNATURE_HEADER]: signatureOf(body) },
        body,
      };
    },
  };
}
