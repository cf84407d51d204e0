/** Amounts are stored in fen (integers); editors type 元 with at most two decimals. */

const YUAN = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/** Parses an amount typed in 元 ("12", "12.5", "0.05") into fen, or null when it is not one. */
export function yuanToFen(text: string): number | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  // String arithmetic: 0.29 × 100 in floating point is 28.999…
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Writes fen as 元 with two decimals, e.g. 1250 → "12.50". */
export function fenToYuan(fen: number): string {
  const whole = Math.floor(fen / 100);
  return `${whole}.${String(fen % 100).padStart(2, "0")}`;
}
