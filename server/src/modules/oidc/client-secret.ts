import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new client secret: 256 random bits, shown to the administrator once. */
export function generateClientSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What is stored of a client secret. A plain SHA-256 is enough here (unlike passwords): the secret is
 * 256 random bits, so there is nothing to guess, and the token endpoint stays fast.
 */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashClientSecret(presented));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
