import type { CaseAction, CaseOutcome, CaseStatus, FormValues, ItemForm } from "@tongban/core";
import { ApiError, api, NETWORK_ERROR, query, readCookie, toApiError } from "../api/client.ts";
import type { Channel, ClockResult } from "./case-types.ts";
import type { CaseDelivery } from "./delivery.ts";

/** The values of an application form (申请表) by field id; the item version's form defines the fields. */
export type CaseForm = FormValues;

/** One uploaded file of a case; a corrected upload supersedes the earlier one. */
export interface CaseMaterial {
  id: string;
  /** The guide's material id in the pinned item version. */
  materialId: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  /** Set when a corrected upload replaced this one (lists may leave superseded rows out). */
  supersededAt?: string | null;
}

/** A material of the case's checklist (core buildChecklist on the pinned item version and the answers). */
export interface ChecklistLine {
  id: string;
  name: string;
  required: boolean;
  addedBy: string | null;
  note?: string | null;
}

/** A person named on a case or an event. */
export interface CasePerson {
  id: string;
  name: string;
}

/** One material named by a correction notice (or owed under 容缺), with what is wrong or missing. */
export interface NoticeItem {
  materialId: string;
  name: string;
  problem: string;
}

/** One step of a case's timeline. */
export interface CaseEvent {
  id: number;
  action: string;
  /** The action's Chinese name from the server; the UI prefers its own translation. */
  actionName: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: CasePerson | null;
  /** The applicant a clerk or agent acted for (window intake, 代办). */
  onBehalfOfId: string | null;
  channel: Channel;
  comment: string | null;
  details: Record<string, unknown>;
  at: string;
}

/** A case as its applicant and the staff in scope see it (GET /api/cases/{id}). */
export interface CaseDetail {
  id: string;
  number: string | null;
  queryCode: string | null;
  status: CaseStatus;
  statusName: string;
  outcome: CaseOutcome | null;
  channel: Channel;
  item: { id: string; name: string; version: number; department: string };
  applicant: CasePerson;
  actedBy: CasePerson | null;
  answers: Record<string, string>;
  form: CaseForm;
  /** The pinned version's form: the labels and sections the values belong to. */
  itemForm: ItemForm;
  checklist: { materials: ChecklistLine[]; conditions: string[]; unanswered: string[] };
  materials: CaseMaterial[];
  notice: { items: NoticeItem[]; at: string; dueDate: string | null } | null;
  acceptedOn: string | null;
  /** The date 容缺 materials are owed by. */
  pendingDueOn: string | null;
  delivery: CaseDelivery | null;
  events: CaseEvent[];
  clock: { promised: ClockResult; statutory: ClockResult };
  abilities: Partial<Record<CaseAction, boolean>>;
  /** 秒批: the latest evaluation of the item's rules; null when the item has none or charges a fee. */
  instant: InstantOutcome | null;
  /** The PDF documents (受理回执, 告知书, 决定书) the case has reached: GET /api/cases/{id}/documents/{kind}. */
  documents: {
    kind: "acceptance-receipt" | "correction-notice" | "refusal-notice" | "decision";
    name: string;
  }[];
}

/** One 秒批 rule's result: what it asks (Chinese) and why it passed or failed. */
export interface InstantRuleResult {
  rule: { kind: string };
  passed: boolean;
  description: string;
  detail: string;
}

/** The outcome of 秒批 on a case: completed by the platform, or passed to people with the failed rules. */
export interface InstantOutcome {
  passed: boolean;
  at: string;
  rules: InstantRuleResult[];
}

/** One row of the applicant's own list. */
export interface CaseRow {
  id: string;
  number: string | null;
  itemName: string;
  status: CaseStatus;
  statusName: string;
  channel: Channel;
  createdAt: string;
  submittedAt: string | null;
  dueOn: string | null;
}

/** A page of rows. */
export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** The public progress of a case: no names, only the steps. */
export interface Progress {
  number: string;
  itemName: string;
  status: CaseStatus;
  statusName: string;
  events: { action: string; statusName: string; at: string }[];
  /** 邮寄送达: the parcel's carrier and tracking number. */
  tracking: { carrier: string; number: string } | null;
}

/** The body of POST /api/cases/{id}/actions/{action}; the action's needs say which fields matter. */
export interface ActionInput {
  comment?: string;
  reason?: string;
  materials?: { materialId: string; problem: string }[];
  days?: number;
  dueDate?: string;
  outcome?: CaseOutcome;
  delivery?: CaseDelivery;
  /** Approving an item with several charged fees: the positions of those that apply. */
  fees?: number[];
  /** 转办: the place or department the case is sent to. */
  target?: { placeId: string } | { departmentId: string };
}

/** Starts a draft; staff at a window name the walk-in applicant. */
export function createCase(input: {
  itemId: string;
  answers: Record<string, string>;
  form: CaseForm;
  applicant?: { accountId: string };
}): Promise<CaseDetail> {
  return api("/api/cases", { method: "POST", body: input });
}

/** Saves a draft (or a case under correction) as it is being filled in. */
export function updateCase(
  id: string,
  input: { answers?: Record<string, string>; form?: CaseForm },
): Promise<CaseDetail> {
  return api(`/api/cases/${encodeURIComponent(id)}`, { method: "PUT", body: input });
}

/** A new application's form values from the applicant's verified profile (a clerk names the walk-in). */
export async function getPrefill(
  itemId: string,
  applicantId?: string,
  signal?: AbortSignal,
): Promise<CaseForm> {
  const body: { form: CaseForm } = await api(`/api/cases/prefill${query({ itemId, applicantId })}`, {
    signal,
  });
  return body.form;
}

/** Loads one case with its checklist, materials, events, clock and what the reader may do. */
export function getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api(`/api/cases/${encodeURIComponent(id)}`, { signal });
}

/** The signed-in applicant's own cases, newest first. */
export function listMyCases(
  filter: { status?: CaseStatus; page: number },
  signal?: AbortSignal,
): Promise<Page<CaseRow>> {
  return api(`/api/cases${query({ ...filter })}`, { signal });
}

/** Takes one lifecycle action; the server checks the status, the actor and the action's needs. */
export function runAction(id: string, action: CaseAction, input: ActionInput = {}): Promise<CaseDetail> {
  return api(`/api/cases/${encodeURIComponent(id)}/actions/${action}`, { method: "POST", body: input });
}

/** Removes an upload while the case is a draft or under correction. */
export function deleteMaterial(caseId: string, rowId: string): Promise<void> {
  return api(`/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(rowId)}`, {
    method: "DELETE",
  });
}

/** Where an uploaded file is opened from (the applicant and staff in scope only). */
export function materialFileUrl(caseId: string, rowId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(rowId)}/file`;
}

/** Public progress lookup by case number and query code. */
export function getProgress(number: string, queryCode: string, signal?: AbortSignal): Promise<Progress> {
  return api(`/api/progress${query({ number, queryCode })}`, { signal });
}

/**
 * Uploads one file for a material as the raw body: the server sniffs the content (PDF, JPEG, PNG, OFD),
 * limits the size and records the SHA-256, and answers type or size refusals with a Chinese title.
 */
export async function uploadMaterial(caseId: string, materialId: string, file: File): Promise<CaseMaterial> {
  // Pages that upload have read /api/session already, so the CSRF cookie is there.
  const headers = new Headers({
    Accept: "application/json",
    // Always octet-stream: the server decides the type from the bytes and answers in Chinese, whereas an
    // unusual declared type (text/plain) would be turned away before that check with a generic error.
    "Content-Type": "application/octet-stream",
    "X-CSRF-Token": readCookie(document.cookie, "tb_csrf") ?? "",
  });
  let response: Response;
  try {
    response = await fetch(
      `/api/cases/${encodeURIComponent(caseId)}/materials${query({ materialId, name: file.name })}`,
      { method: "POST", headers, credentials: "same-origin", body: file },
    );
  } catch (cause) {
    throw new ApiError({ type: "about:blank", title: String(cause), status: 0, code: NETWORK_ERROR });
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as CaseMaterial;
}
