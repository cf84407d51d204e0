import type { PledgeCheckStatus } from "@tongban/core";
import { useSyncExternalStore } from "react";
import { api, query } from "../api/client.ts";
import type { CasePerson, Page } from "./api.ts";

/** A case's post-verification task (事后核查), opened when a case standing on commitments is accepted. */
export interface PledgeCheck {
  id: string;
  caseId: string;
  status: PledgeCheckStatus;
  statusName: string;
  materials: { materialId: string; name: string }[];
  openedOn: string;
  dueOn: string;
  note: string | null;
  resolvedBy: CasePerson | null;
  resolvedAt: string | null;
}

/** 告知承诺 on one case (GET /api/cases/{id}/pledges): what may be pledged, what is, and the check. */
export interface CasePledges {
  offered: boolean;
  mayPledge: boolean;
  /** Pledgeable materials of the checklist, each with the commitment the applicant would sign. */
  materials: { materialId: string; name: string; pledged: boolean; text: string }[];
  pledges: {
    id: string;
    materialId: string;
    name: string;
    text: string;
    pledgedBy: CasePerson;
    pledgedAt: string;
  }[];
  check: PledgeCheck | null;
}

/** One row of the workbench's pledge checks. */
export interface PledgeCheckRow extends PledgeCheck {
  caseNumber: string | null;
  itemName: string;
  applicantName: string;
  overdue: boolean;
}

export type PledgeCheckFilter = "open" | "overdue" | "all";

// What is pledged per case, shared by every material's choice and the editor's submit check, so they
// agree without each asking the server.
const known = new Map<string, CasePledges>();
const loading = new Map<string, Promise<CasePledges>>();
const listeners = new Set<() => void>();
const none: ReadonlySet<string> = new Set();
const pledgedSets = new Map<string, ReadonlySet<string>>();

function remember(caseId: string, state: CasePledges): CasePledges {
  known.set(caseId, state);
  pledgedSets.set(caseId, new Set(state.pledges.map((p) => p.materialId)));
  for (const listener of listeners) listener();
  return state;
}

/** The case's commitments, loaded once per case and shared; `fresh` asks the server again. */
export function loadPledges(caseId: string, fresh = false): Promise<CasePledges> {
  const cached = known.get(caseId);
  if (cached && !fresh) return Promise.resolve(cached);
  const pending = !fresh && loading.get(caseId);
  if (pending) return pending;
  const request = api<CasePledges>(`/api/cases/${caseId}/pledges`)
    .then((state) => remember(caseId, state))
    .finally(() => loading.delete(caseId));
  loading.set(caseId, request);
  return request;
}

/** Signs the standard commitment for one material instead of uploading it. */
export async function pledgeMaterial(caseId: string, materialId: string): Promise<CasePledges> {
  const state = await api<CasePledges>(`/api/cases/${caseId}/pledges`, {
    method: "POST",
    body: { materialId },
  });
  return remember(caseId, state);
}

/** Withdraws the commitment for one material; the proof is owed again. */
export async function withdrawPledge(caseId: string, materialId: string): Promise<CasePledges> {
  const state = await api<CasePledges>(`/api/cases/${caseId}/pledges/${encodeURIComponent(materialId)}`, {
    method: "DELETE",
  });
  return remember(caseId, state);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The shared commitments of a case as the store knows them (undefined until loaded). */
export function useCasePledges(caseId: string | null): CasePledges | undefined {
  return useSyncExternalStore(subscribe, () => (caseId ? known.get(caseId) : undefined));
}

/** The material ids of a case a standing commitment replaces: count them as supplied. */
export function usePledged(caseId: string | null): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => (caseId ? (pledgedSets.get(caseId) ?? none) : none));
}

/** The pledge checks of the staff member's department (事后核查). */
export function listPledgeChecks(
  filter: { filter: PledgeCheckFilter; page: number },
  signal?: AbortSignal,
): Promise<Page<PledgeCheckRow>> {
  return api(`/api/workbench/pledge-checks${query({ ...filter })}`, { signal });
}

/** Records the outcome of a pledge check, with what was checked. */
export function resolvePledgeCheck(
  id: string,
  input: { result: "verified" | "failed"; note: string },
): Promise<PledgeCheck> {
  return api(`/api/workbench/pledge-checks/${id}/resolve`, { method: "POST", body: input });
}
