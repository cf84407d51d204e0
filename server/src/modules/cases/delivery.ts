import { deliveryMethods } from "@tongban/core";
import { z } from "zod";
import type { CaseDelivery } from "../../platform/db/tables-cases.ts";
import { invalid } from "../../platform/errors.ts";

/** How the result is delivered (送达), as the completing clerk states it and as the case shows it. */
export const Delivery = z.object({
  method: z.enum(deliveryMethods),
  window: z.string().max(50).nullish().describe("Pickup (窗口领取): the window the result is collected at"),
  recipient: z.string().max(50).nullish().describe("Mail (邮寄送达): the recipient's name"),
  phone: z.string().max(20).nullish().describe("Mail: the recipient's phone"),
  address: z.string().max(200).nullish().describe("Mail: the postal address"),
  carrier: z.string().max(20).nullish().describe("Mail: the carrier, e.g. EMS, 顺丰速运, 京东物流"),
  trackingNumber: z.string().max(40).nullish().describe("Mail: the carrier's tracking number (运单号)"),
});

const text = (value: string | null | undefined) => value?.trim() || null;
const PHONE = /^[0-9+\-() ]{5,20}$/;
const TRACKING = /^[A-Za-z0-9-]{6,40}$/;

/**
 * The delivery a completion records, with only its method's fields: nothing more for electronic
 * delivery, the window for pickup, and recipient, phone, address, carrier and tracking number for mail
 * (so the applicant and the public progress lookup can follow the parcel). Refuses what is missing.
 */
export function checkDelivery(delivery: CaseDelivery | undefined): CaseDelivery {
  if (!delivery) throw invalid("CASE_DELIVERY_REQUIRED", "请选择送达方式");
  switch (delivery.method) {
    case "electronic":
      return { method: "electronic" };
    case "pickup": {
      const window = text(delivery.window);
      if (!window) throw invalid("CASE_WINDOW_REQUIRED", "窗口领取须填写领取窗口");
      return { method: "pickup", window };
    }
    case "mail": {
      const mail = {
        recipient: text(delivery.recipient),
        phone: text(delivery.phone),
        address: text(delivery.address),
        carrier: text(delivery.carrier),
        trackingNumber: text(delivery.trackingNumber),
      };
      const missing = Object.entries(mail)
        .filter(([, value]) => !value)
        .map(([field]) => field);
      if (missing.length > 0)
        throw invalid("CASE_MAIL_INCOMPLETE", "邮寄送达须填写收件人、电话、地址、快递公司和运单号", {
          fields: missing,
        });
      if (!PHONE.test(mail.phone ?? "")) throw invalid("CASE_MAIL_PHONE", "收件人电话格式不正确");
      if (!TRACKING.test(mail.trackingNumber ?? ""))
        throw invalid("CASE_MAIL_TRACKING", "运单号应为 6–40 位字母、数字或连字符");
      return { method: "mail", ...(mail as Required<{ [K in keyof typeof mail]: string }>) };
    }
  }
}

/** The parcel's carrier and tracking number, when the result went by mail; shown to the applicant and publicly. */
export function trackingOf(delivery: CaseDelivery | null): { carrier: string; number: string } | null {
  if (delivery?.method !== "mail" || !delivery.carrier || !delivery.trackingNumber) return null;
  return { carrier: delivery.carrier, number: delivery.trackingNumber };
}
