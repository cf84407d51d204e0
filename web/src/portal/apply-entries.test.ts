import { describe, expect, it } from "vitest";
import { applyEntries } from "./apply-entries.ts";

describe("applyEntries", () => {
  it("offers online application from depth II and booking only when the item takes appointments", () => {
    expect(applyEntries({ onlineDepth: 1, appointment: false }, false)).toEqual({
      online: null,
      appointment: null,
    });
    expect(applyEntries({ onlineDepth: 2, appointment: false }, false)).toEqual({
      online: "sign-in",
      appointment: null,
    });
    expect(applyEntries({ onlineDepth: 1, appointment: true }, false)).toEqual({
      online: null,
      appointment: "sign-in",
    });
  });

  it("sends visitors to sign in, signed-in people to the application, and shows booking as not open yet", () => {
    expect(applyEntries({ onlineDepth: 4, appointment: true }, false)).toEqual({
      online: "sign-in",
      appointment: "sign-in",
    });
    expect(applyEntries({ onlineDepth: 4, appointment: true }, true)).toEqual({
      online: "open",
      appointment: "not-open",
    });
  });
});
