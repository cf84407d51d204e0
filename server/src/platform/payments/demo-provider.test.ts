import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_SIGNATURE_HEADER, demoPaymentProvider } from "./demo-provider.ts";
import { PaymentSignatureError } from "./provider.ts";

const key = Buffer.alloc(32, 3);
const note = {
  providerRef: "demo-abc",
  amountFen: 12000,
  paidAt: new Date("2026-03-02T03:04:05Z"),
  transactionId: "tx-1",
};

describe("demo payment provider", () => {
  it("verifies its own signed notifications", () => {
    const demo = demoPaymentProvider(key);
    const signed = demo.sign(note);
    expect(demo.parseNotification(signed.headers, signed.body)).toEqual(note);
  });

  it("refuses another key's signature, an altered body, a missing signature and an unsigned shape", () => {
    const demo = demoPaymentProvider(key);
    const other = demoPaymentProvider(Buffer.alloc(32, 4)).sign(note);
    expect(() => demo.parseNotification(other.headers, other.body)).toThrow(PaymentSignatureError);
    const signed = demo.sign(note);
    const altered = Buffer.from(signed.body.toString().replace("12000", "12"));
    expect(() => demo.parseNotification(signed.headers, altered)).toThrow(PaymentSignatureError);
    expect(() => demo.parseNotification({}, signed.body)).toThrow(PaymentSignatureError);
    // Correctly signed, but not a notification.
    const junk = Buffer.from('{"providerRef":"demo-abc"}');
    const junkSigned = { [DEMO_SIGNATURE_HEADER]: createHmac("sha256", key).update(junk).digest("hex") };
    expect(() => demo.parseNotification(junkSigned, junk)).toThrow("signed body is not a notification");
  });

  it("reuses a checkout reference it is given, and makes a new one otherwise", async () => {
    const demo = demoPaymentProvider(key);
    const order = { number: "JK20260302000001", amountFen: 12000, description: "x" };
    const fresh = await demo.createCheckout({ ...order, providerRef: null });
    expect(fresh.checkoutUrl).toBe(`/pay/demo/${fresh.providerRef}`);
    expect((await demo.createCheckout({ ...order, providerRef: fresh.providerRef })).providerRef).toBe(
      fresh.providerRef,
    );
  });
});
