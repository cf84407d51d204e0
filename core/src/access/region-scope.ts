/**
 * The prefix that every code inside a region shares: trailing zero groups name "the whole" level
 * (GB/T 2260: 320000 province, 320200 city, 320213 county; 12-digit codes add 3-digit township
 * and village groups, e.g. 320213021000 → 320213021).
 */
export function regionPrefix(code: string): string {
  if (code.length === 12) {
    if (code.endsWith("000000")) return regionPrefix(code.slice(0, 6));
    if (code.endsWith("000")) return code.slice(0, 9);
    return code;
  }
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** True when `code` is the region `scope` or lies inside it. */
export function isWithinRegion(code: string, scope: string): boolean {
  return regionPrefix(code).startsWith(regionPrefix(scope));
}
