import type { Finding } from "@tongban/core";
import type { ApiError } from "../../api/client.ts";

/** The consistency findings a refused submission (422) carries in its details, if any. */
export function findingsOf(error: ApiError): Finding[] | undefined {
  const findings = error.details?.findings;
  return Array.isArray(findings) ? (findings as Finding[]) : undefined;
}
