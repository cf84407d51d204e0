import type { DeliveryMethod } from "@tongban/core";
import type { CaseDelivery } from "../../cases/delivery.ts";

/** The delivery part of the completion form (办结 · 送达) as staff fill it in. */
export interface DeliveryValues {
  delivery?: DeliveryMethod;
  /** Pickup: the window. */
  window?: string;
  /** Mail: the parcel. */
  mail?: { recipient?: string; phone?: string; address?: string; carrier?: string; trackingNumber?: string };
}

const mailFields = ["recipient", "phone", "address", "carrier", "trackingNumber"] as const;

/** True when the chosen method has everything it needs: the window for pickup, the whole parcel for mail. */
export function deliveryComplete(values: DeliveryValues): boolean {
  if (values.delivery === "pickup") return Boolean(values.window?.trim());
  if (values.delivery === "mail") return mailFields.every((field) => values.mail?.[field]?.trim());
  return values.delivery === "electronic";
}

/** The request's delivery for the chosen method; undefined when none is chosen. */
export function deliveryBody(values: DeliveryValues): CaseDelivery | undefined {
  if (!values.delivery) return undefined;
  if (values.delivery === "pickup") return { method: "pickup", window: values.window?.trim() ?? "" };
  if (values.delivery === "mail") {
    const body: CaseDelivery = { method: "mail" };
    for (const field of mailFields) body[field] = values.mail?.[field]?.trim() ?? "";
    return body;
  }
  return { method: values.delivery };
}
