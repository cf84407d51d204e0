import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVault } from "./vault.ts";

const key = (id: string) => ({ id, key: randomBytes(32) });

describe("vault", () => {
  const k1 = key("k1");
  const indexKey = randomBytes(32);
  const vault = createVault({ keys: [k1], indexKey });

  it("encrypts with a fresh IV each time and decrypts back", () => {
    const a = vault.encrypt("110105198001010016");
    const b = vault.encrypt("110105198001010016");
    expect(a).not.toBe(b);
    expect(a).not.toContain("110105");
    expect(vault.decrypt(a)).toBe("110105198001010016");
  });

  it("detects tampering", () => {
    const sealed = vault.encrypt("13812345678").split(":");
    sealed[4] = Buffer.from("13812345679").toString("base64url");
    expect(() => vault.decrypt(sealed.join(":"))).toThrow();
  });

  it("rotates: a new first key encrypts, old keys still decrypt", () => {
    const old = vault.encrypt("13812345678");
    const rotated = createVault({ keys: [key("k2"), k1], indexKey });
    expect(rotated.decrypt(old)).toBe("13812345678");
    expect(rotated.encrypt("x").split(":")[1]).toBe("k2");
  });

  it("gives a deterministic keyed index that depends on the key", () => {
    expect(vault.index("13812345678")).toBe(vault.index("13812345678"));
    expect(createVault({ keys: [k1], indexKey: randomBytes(32) }).index("13812345678")).not.toBe(
      vault.index("13812345678"),
    );
  });
});
