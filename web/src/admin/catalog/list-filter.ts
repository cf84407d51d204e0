import type { CatalogFilter, CompletenessBand } from "./api.ts";

/** The completeness bands the list offers, in the order it offers them. */
export const completenessBands = ["below-60", "below-80", "complete"] as const satisfies CompletenessBand[];

/** The pending-change choices as the page's address spells them, and what the server takes for each. */
export const pendingChoices = { yes: "true", no: "false" } as const;
export type PendingChoice = keyof typeof pendingChoices;

const isBand = (value: string | null): value is CompletenessBand =>
  (completenessBands as readonly (string | null)[]).includes(value);
const isPendingChoice = (value: string | null): value is PendingChoice =>
  value !== null && Object.hasOwn(pendingChoices, value);

/**
 * Reads the list's filters from the page's address into the server's query. Values the list does not
 * offer (an edited or outdated link) are dropped rather than sent, so the server never answers 400.
 */
export function catalogFilterOf(params: URLSearchParams): CatalogFilter {
  const get = (key: string) => params.get(key) || undefined;
  const completeness = params.get("completeness");
  const pending = params.get("pending");
  const page = Number(params.get("page") ?? "1");
  return {
    q: get("q"),
    department: get("department"),
    status: get("status"),
    completeness: isBand(completeness) ? completeness : undefined,
    pending: isPendingChoice(pending) ? pendingChoices[pending] : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}
