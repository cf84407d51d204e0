import { describe, expect, it } from "vitest";
import { maskPersonalData } from "./logging.ts";

describe("maskPersonalData", () => {
  it("masks 公民身份号码 and mobile numbers wherever they appear in a URL", () => {
    expect(maskPersonalData("/api/identifiers/validate?type=citizen-id&value=110105198001010016")).toBe(
      "/api/identifiers/validate?type=citizen-id&value=110105********0016",
    );
    expect(maskPersonalData("/api/x?mobile=13812345678&id=11010519491231002X")).toBe(
      "/api/x?mobile=138****5678&id=110105********002X",
    );
  });

  it("leaves ordinary ids alone", () => {
    expect(maskPersonalData("/api/items/3b4ba6ee-2dc9-4be4-826b-9b4833d3231e?page=2")).toBe(
      "/api/items/3b4ba6ee-2dc9-4be4-826b-9b4833d3231e?page=2",
    );
  });
});
