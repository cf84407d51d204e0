import { canonicalJson } from "../../platform/audit.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import type { Violation } from "./rules.ts";

/** Throws the first broken rule as an INVALID domain error; the rest travel in the details. */
export function assertNoViolations(violations: Violation[]): void {
  const first = violations[0];
  if (first) throw invalid(first.code, first.message, { field: first.field, violations });
}

/** The SQLSTATE of a database error (node-postgres and PGlite both set `code`). */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs a write and turns a unique-constraint violation (23505) that slipped past the checks — two
 * administrators saving at once — into the same CONFLICT the checks would have given.
 */
export async function uniquely<T>(write: () => Promise<T>, code: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === "23505") throw conflict(code, message);
    throw error;
  }
}

/** The fields whose value changed, as [before, after] pairs for the audit record. */
export function changes<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (canonicalJson(before[key]) !== canonicalJson(value)) changed[key] = [before[key], value];
  }
  return changed;
}
