import { describe, expect, it } from "vitest";
import { isServerPath, landingPage } from "./landing.ts";

describe("landingPage", () => {
  it("returns to a same-site next path, including server paths", () => {
    expect(landingPage("/items?q=1", false)).toBe("/items?q=1");
    expect(landingPage("/oidc/interaction/abc", false)).toBe("/oidc/interaction/abc");
  });

  it("refuses other sites and falls back to the user's own area", () => {
    for (const next of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(landingPage(next, false)).toBe("/");
    }
    expect(landingPage(null, true)).toBe("/workbench");
  });
});

describe("isServerPath", () => {
  it("tells OIDC interactions from app routes", () => {
    expect(isServerPath("/oidc/interaction/abc")).toBe(true);
    expect(isServerPath("/account")).toBe(false);
  });
});
