import { parseIsoDate, toIsoDate } from "../app/dates.ts";

/** Whether a grant is in force on `today`, withdrawn, expired, or not yet started. */
export type GrantStatus = "active" | "revoked" | "expired" | "pending";

/** The status of a grant with a legal-date period (YYYY-MM-DD, inclusive) on a given day. */
export function grantStatus(
  grant: { revoked: boolean; validFrom: string; validTo: string },
  today: string,
): GrantStatus {
  if (grant.revoked) return "revoked";
  if (grant.validTo < today) return "expired";
  if (grant.validFrom > today) return "pending";
  return "active";
}

/** The same day one year later (29 February becomes 28 February), the default end of a new grant. */
export function oneYearAfter(iso: string): string {
  const date = parseIsoDate(iso);
  const next = new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()));
  if (next.getUTCDate() !== date.getUTCDate()) next.setUTCDate(0);
  return toIsoDate(next);
}
