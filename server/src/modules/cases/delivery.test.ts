import { describe, expect, it } from "vitest";
import { DomainError } from "../../platform/errors.ts";
import { checkDelivery, trackingOf } from "./delivery.ts";

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return null;
};
const mail = {
  method: "mail" as const,
  recipient: " 陈晓明 ",
  phone: "13800510001",
  address: "无锡市梁溪区中山路1号",
  carrier: "顺丰速运",
  trackingNumber: "SF1234567890",
};

describe("delivery at completion (送达)", () => {
  it("records only the method's own fields", () => {
    expect(checkDelivery({ method: "electronic", window: "3号窗口" })).toEqual({ method: "electronic" });
    expect(checkDelivery({ method: "pickup", window: " 3号窗口 ", carrier: "EMS" })).toEqual({
      method: "pickup",
      window: "3号窗口",
    });
    expect(checkDelivery({ ...mail, window: "x" })).toEqual({ ...mail, recipient: "陈晓明" });
  });

  it("refuses a missing method, a pickup without its window and mail without its parcel", () => {
    expect(codeOf(() => checkDelivery(undefined))).toBe("CASE_DELIVERY_REQUIRED");
    expect(codeOf(() => checkDelivery({ method: "pickup", window: "  " }))).toBe("CASE_WINDOW_REQUIRED");
    for (const field of ["recipient", "phone", "address", "carrier", "trackingNumber"] as const)
      expect(codeOf(() => checkDelivery({ ...mail, [field]: null }))).toBe("CASE_MAIL_INCOMPLETE");
    expect(codeOf(() => checkDelivery({ ...mail, phone: "电话" }))).toBe("CASE_MAIL_PHONE");
    expect(codeOf(() => checkDelivery({ ...mail, trackingNumber: "单号 123" }))).toBe("CASE_MAIL_TRACKING");
  });

  it("shows the parcel only for mail", () => {
    expect(trackingOf(checkDelivery(mail))).toEqual({ carrier: "顺丰速运", number: "SF1234567890" });
    expect(trackingOf({ method: "pickup", window: "3号窗口" })).toBeNull();
    expect(trackingOf(null)).toBeNull();
  });
});
