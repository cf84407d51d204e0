import { describe, expect, it } from "vitest";
import { maskCitizenId, maskMobile } from "./mask.ts";

describe("masking", () => {
  it("keeps the region code and last four characters of a 公民身份号码", () => {
    expect(maskCitizenId("110105198001010016")).toBe("110105********0016");
    expect(maskCitizenId("110105491231002")).toBe("110105*****1002");
  });

  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
  });

  it("hides short values entirely", () => {
    expect(maskMobile("1234567")).toBe("*******");
    expect(maskCitizenId("")).toBe("");
  });
});
