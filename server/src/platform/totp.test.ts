import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, matchTotp, stepOf, totpAt } from "./totp.ts";

// RFC 6238 appendix B, SHA-1 rows (8 digits there; the 6-digit code is the last six).
const secret = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP (RFC 6238)", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(totpAt(secret, Math.floor(seconds / 30), 8)).toBe(code);
    expect(totpAt(secret, Math.floor(seconds / 30))).toBe(code.slice(2));
  });

  it("round-trips base32", () => {
    expect(base32Decode(secret).toString()).toBe("12345678901234567890");
  });

  it("accepts one step of drift, and never the same step twice", () => {
    const now = 1_700_000_000_000;
    const step = stepOf(now);
    const code = totpAt(secret, step);
    expect(matchTotp(secret, code, now, null)).toBe(step);
    expect(matchTotp(secret, code, now, step)).toBeUndefined();
    expect(matchTotp(secret, totpAt(secret, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, step - 3), now, null)).toBeUndefined();
    expect(matchTotp(secret, "12ab56", now, null)).toBeUndefined();
  });
});
