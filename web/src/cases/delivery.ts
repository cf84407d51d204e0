import type { DeliveryMethod } from "@tongban/core";
import type { TFunction } from "i18next";

/** How a case's result is delivered (送达), as the completion recorded it. */
export interface CaseDelivery {
  method: DeliveryMethod;
  /** Pickup: the window. */
  window?: string | null;
  /** Mail: recipient, phone, address, carrier and tracking number (运单号). */
  recipient?: string | null;
  phone?: string | null;
  address?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
}

/** One line for the delivery: the method, and where to pick up or how to follow the parcel. */
export function deliveryText(delivery: CaseDelivery, t: TFunction): string {
  const method = t(`cases.delivery.${delivery.method}`);
  if (delivery.method === "pickup" && delivery.window)
    return `${method} · ${t("delivery.pickupAt", { window: delivery.window })}`;
  if (delivery.method === "mail" && delivery.carrier && delivery.trackingNumber)
    return `${method} · ${t("delivery.trackingText", { carrier: delivery.carrier, number: delivery.trackingNumber })}`;
  return method;
}
