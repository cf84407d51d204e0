import { api } from "../../api/client.ts";

/** A place or department a case may be sent to (转办), as the server offers it. */
export interface ReassignOption {
  kind: "place" | "department";
  id: string;
  name: string;
  regionCode: string;
}

/** The reassign part of an action form: the chosen option as "place:<id>" or "department:<id>". */
export interface ReassignValues {
  target?: string;
}

/** Where the signed-in staff member may send the case now, within their scope. */
export function listReassignTargets(
  caseId: string,
  signal?: AbortSignal,
): Promise<{ items: ReassignOption[] }> {
  return api(`/api/workbench/cases/${encodeURIComponent(caseId)}/reassign-targets`, { signal });
}

/** The select's value for an option. */
export function targetValue(option: Pick<ReassignOption, "kind" | "id">): string {
  return `${option.kind}:${option.id}`;
}

/** The request's target for the chosen value; undefined when none (or something unreadable) is chosen. */
export function reassignTarget(
  values: ReassignValues,
): { placeId: string } | { departmentId: string } | undefined {
  const [kind, id] = values.target?.split(":") ?? [];
  if (!id) return undefined;
  if (kind === "place") return { placeId: id };
  if (kind === "department") return { departmentId: id };
  return undefined;
}
