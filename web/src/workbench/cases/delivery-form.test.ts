import { describe, expect, it } from "vitest";
import { deliveryBody, deliveryComplete } from "./delivery-form.ts";

const parcel = {
  recipient: "陈晓明",
  phone: "13800510001",
  address: "无锡市梁溪区中山路1号",
  carrier: "EMS",
  trackingNumber: " 1186523456789 ",
};

describe("the completion's delivery fields", () => {
  it("asks for the window at pickup and the whole parcel by mail", () => {
    expect(deliveryComplete({})).toBe(false);
    expect(deliveryComplete({ delivery: "electronic" })).toBe(true);
    expect(deliveryComplete({ delivery: "pickup", window: "  " })).toBe(false);
    expect(deliveryComplete({ delivery: "pickup", window: "3号窗口" })).toBe(true);
    expect(deliveryComplete({ delivery: "mail", mail: { ...parcel, carrier: "" } })).toBe(false);
    expect(deliveryComplete({ delivery: "mail", mail: parcel })).toBe(true);
  });

  it("sends only the chosen method's fields", () => {
    expect(deliveryBody({})).toBeUndefined();
    expect(deliveryBody({ delivery: "electronic", window: "3号窗口", mail: parcel })).toEqual({
      method: "electronic",
    });
    expect(deliveryBody({ delivery: "mail", window: "3号窗口", mail: parcel })).toEqual({
      method: "mail",
      ...parcel,
      trackingNumber: "1186523456789",
    });
  });
});
