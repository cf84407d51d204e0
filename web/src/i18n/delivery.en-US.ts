import type { Messages } from "./zh-CN.ts";

/** English messages of result delivery details, the `delivery` section of en-US.ts. */
export const deliveryEnUS: Messages["delivery"] = {
  window: "Pickup window",
  windowPlaceholder: "e.g. Window 3",
  recipient: "Recipient",
  phone: "Recipient's phone",
  address: "Postal address",
  carrier: "Carrier",
  trackingNumber: "Tracking number",
  tracking: "Parcel",
  trackingText: "{{carrier}}, tracking number {{number}}",
  pickupAt: "Pick up at: {{window}}",
};
