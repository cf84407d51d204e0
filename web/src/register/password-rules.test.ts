import { describe, expect, it } from "vitest";
import { checkPassword, isStrongEnough } from "./password-rules.ts";

describe("password rules", () => {
  it("needs eight characters with letters and digits", () => {
    expect(isStrongEnough("Tongban2026")).toBe(true);
    expect(isStrongEnough("abc12345")).toBe(true);
    expect(isStrongEnough("abcdefgh")).toBe(false);
    expect(isStrongEnough("12345678")).toBe(false);
    expect(isStrongEnough("abc1234")).toBe(false);
  });

  it("says which rule is not met", () => {
    expect(checkPassword("abcdefgh")).toEqual([
      { key: "length", isMet: true },
      { key: "letter", isMet: true },
      { key: "digit", isMet: false },
    ]);
  });
});
