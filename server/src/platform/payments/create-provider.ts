import type { Config } from "../../config.ts";
import type { Vault } from "../vault.ts";
import { demoPaymentProvider } from "./demo-provider.ts";
import type { PaymentProvider } from "./provider.ts";

/**
 * The provider PAYMENT_PROVIDER names. The demo provider's signing key is derived from the blind-index
 * key (a keyed HMAC of a fixed label), so it is secret, stable across restarts and shared by instances.
 */
export function createPaymentProvider(
  config: Pick<Config, "PAYMENT_PROVIDER">,
  vault: Vault,
): PaymentProvider {
  switch (config.PAYMENT_PROVIDER) {
    case "demo":
      return demoPaymentProvider(Buffer.from(vault.index("payment-provider:demo:signing-key"), "hex"));
  }
}

/** True for the demo provider, whose checkout page can sign a payment itself. */
export function isDemoProvider(
  provider: PaymentProvider,
): provider is ReturnType<typeof demoPaymentProvider> {
  return provider.name === "demo" && "sign" in provider;
}
