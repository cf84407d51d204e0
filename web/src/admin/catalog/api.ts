import type { ContentChange, Finding, ItemContent } from "@tongban/core";
import { ApiError, api, NETWORK_ERROR, query, readCookie, toApiError } from "../../api/client.ts";

/** Where a change request stands in its review (draft → 合法性审查 → 一致性审核 → scheduled/published). */
export type ChangeStatus =
  | "draft"
  | "legality-review"
  | "consistency-review"
  | "scheduled"
  | "published"
  | "returned"
  | "withdrawn";
export type ChangeKind = "create" | "change" | "cancel";
export type ReviewStage = "legality" | "consistency";

interface Named {
  id: string;
  name: string;
}

/** The change waiting on an item, if any. */
export interface PendingChange {
  id: string;
  number: string;
  kind: ChangeKind;
  status: ChangeStatus;
}

/** One row of the staff catalog list. */
export interface CatalogRow {
  id: string;
  ref: string;
  name: string;
  department: Named;
  version: number;
  status: "active" | "cancelled";
  effectiveFrom: string;
  pendingChange: PendingChange | null;
  completeness: number;
}

/** One page of the staff catalog list. */
export interface CatalogPage {
  total: number;
  page: number;
  pageSize: number;
  items: CatalogRow[];
  abilities: { create: boolean };
}

/** Completeness bands of the staff catalog list: below 60, below 80, or 100. */
export type CompletenessBand = "below-60" | "below-80" | "complete";

/** Filters of the staff catalog list; the server applies them all, so its pages and total are filtered. */
export interface CatalogFilter {
  q?: string | undefined;
  department?: string | undefined;
  status?: string | undefined;
  completeness?: CompletenessBand | undefined;
  /** "true": only items with an open change request; "false": only items without one. */
  pending?: "true" | "false" | undefined;
  page?: number | undefined;
}

/** The published item as the guide shows it. */
export interface ItemDetail {
  id: string;
  ref: string;
  version: number;
  effectiveFrom: string;
  status: "active" | "cancelled";
  department: Named;
  region: { code: string; name: string };
  content: ItemContent;
  licenceTypes: Record<string, string>;
}

/** One published version and who approved it. */
export interface VersionEntry {
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: Named | null;
  changeRequestId: string | null;
  approvals: { stage: ReviewStage; reviewer: Named; decidedAt: string }[];
}

/** What the current user may start on an item. */
export interface ItemAbilities {
  change: boolean;
  cancel: boolean;
}

/** An item with its version history. */
export interface ItemHistory {
  item: ItemDetail;
  pendingChange: PendingChange | null;
  versions: VersionEntry[];
  abilities: ItemAbilities;
}

/** The diff between two published versions. */
export interface VersionDiff {
  from: number;
  to: number;
  changes: ContentChange[];
}

/** A change request as lists and the change page show it. */
export interface ChangeRequest {
  id: string;
  number: string;
  kind: ChangeKind;
  status: ChangeStatus;
  /** The item changed or cancelled; null for a create until it is published. */
  item: { id: string; ref: string; name: string } | null;
  /** The item's name as proposed (or current, for a cancel). */
  name: string;
  baseVersion: number | null;
  content: ItemContent | null;
  effectiveFrom: string;
  reason: string;
  lawChangedOn: string | null;
  filingDue: string | null;
  department: Named;
  author: Named | null;
  createdAt: string;
  updatedAt: string;
  publishedVersion: number | null;
  abilities: ChangeAbilities;
}

/** What the user may do to a change request, computed by the server. */
export interface ChangeAbilities {
  edit: boolean;
  submit: boolean;
  review: boolean;
  withdraw: boolean;
}

/** One decision of a reviewer. */
export interface ChangeReview {
  id?: string;
  stage: ReviewStage;
  decision: "approve" | "return";
  reason: string | null;
  reviewer: Named;
  decidedAt: string;
}

/** A change request opened for review: the diff against its base, findings, reviews and deadline. */
export interface ChangeDetail {
  change: ChangeRequest;
  base: { version: number; content: ItemContent } | null;
  changes: ContentChange[];
  findings: Finding[];
  reviews: ChangeReview[];
  filingDue: string | null;
  abilities: ChangeAbilities;
}

/** One row of a review queue. */
export type ChangeRow = Omit<ChangeRequest, "content">;

/** What the editor sends to open a change request. */
export interface NewChange {
  kind: ChangeKind;
  /** A create's new item ref; the server defaults it to the 实施编码 in lower case. */
  ref?: string | null;
  itemId?: string | null;
  content?: ItemContent | null;
  effectiveFrom: string;
  reason: string;
  lawChangedOn?: string | null;
}

/** What the validate endpoint answers. */
export interface Validation {
  valid: boolean;
  issues: { path: string; message: string }[];
  findings: Finding[];
  /** Null while the content does not even parse. */
  completeness: { score: number; missing: string[] } | null;
}

/** The consistency report across the catalog. */
export interface CatalogReport {
  findings: Finding[];
  departments: {
    department: Named;
    itemCount: number;
    averageCompleteness: number;
    errorCount: number;
    warningCount: number;
  }[];
  items: {
    id: string;
    ref: string;
    name: string;
    /** The implementing department (the report filters findings by it). */
    department: Named;
    completeness: number;
    errorCount: number;
    warningCount: number;
  }[];
}

/** One bad row of a catalog import. */
export interface ImportRowError {
  sheet?: string;
  row: number;
  field: string;
  message: string;
}

/** What an import did (or, with errors, refused to do). */
export interface ImportOutcome {
  created: number;
  changed: number;
  unchanged: number;
  changeRequests: { id: string; number: string; ref: string }[];
  errors: ImportRowError[];
}

const base = "/api/admin/catalog";

/** One page of the catalog as staff see it. */
export function listCatalog(filter: CatalogFilter, signal?: AbortSignal): Promise<CatalogPage> {
  return api(`${base}/items${query({ ...filter })}`, { signal });
}

/** An item with its version history and what the user may start on it. */
export function getItemHistory(id: string, signal?: AbortSignal): Promise<ItemHistory> {
  return api(`${base}/items/${encodeURIComponent(id)}`, { signal });
}

/** The content of one published version. */
export function getVersion(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<{ version: number; effectiveFrom: string; content: ItemContent }> {
  return api(`${base}/items/${encodeURIComponent(id)}/versions/${version}`, { signal });
}

/** The differences between two published versions. */
export function getDiff(id: string, from: number, to: number, signal?: AbortSignal): Promise<VersionDiff> {
  return api(`${base}/items/${encodeURIComponent(id)}/diff${query({ from, to })}`, { signal });
}

/** Opens a change request as a draft. */
export function createChange(body: NewChange): Promise<ChangeRequest> {
  return api(`${base}/changes`, { method: "POST", body });
}

/** Saves a draft or returned change request. */
export function updateChange(id: string, body: Omit<NewChange, "kind" | "itemId">): Promise<ChangeRequest> {
  return api(`${base}/changes/${id}`, { method: "PUT", body });
}

/** Sends a change request to 合法性审查; errors among the findings block it (422). */
export function submitChange(id: string): Promise<ChangeRequest> {
  return api(`${base}/changes/${id}/submit`, { method: "POST" });
}

/** Approves or returns a change request at its current review stage. */
export function reviewChange(
  id: string,
  body: { decision: "approve" | "return"; reason?: string },
): Promise<ChangeRequest> {
  return api(`${base}/changes/${id}/review`, { method: "POST", body });
}

/** Withdraws a change request that has not been published. */
export function withdrawChange(id: string): Promise<ChangeRequest> {
  return api(`${base}/changes/${id}/withdraw`, { method: "POST" });
}

/** Change requests of one queue. */
export function listChanges(
  filter: { queue?: "legality" | "consistency" | "mine"; status?: ChangeStatus; page?: number },
  signal?: AbortSignal,
): Promise<{ total: number; page: number; pageSize: number; items: ChangeRow[] }> {
  return api(`${base}/changes${query(filter)}`, { signal });
}

/** A change request with its diff, findings, reviews and abilities. */
export function getChange(id: string, signal?: AbortSignal): Promise<ChangeDetail> {
  return api(`${base}/changes/${encodeURIComponent(id)}`, { signal });
}

/** Checks a draft's content without saving it. */
export function validateContent(content: unknown, signal?: AbortSignal): Promise<Validation> {
  return api(`${base}/validate`, { method: "POST", body: { content }, signal });
}

/** The consistency report. */
export function getReport(signal?: AbortSignal): Promise<CatalogReport> {
  return api(`${base}/report`, { signal });
}

/** Where the browser downloads the whole catalog. */
export const exportUrl = (format: "json" | "xlsx") => `${base}/export${query({ format })}`;

/**
 * Uploads a catalog file as the raw body. Row errors come back as the outcome's `errors` (nothing is
 * written then), whether the server answers 200 or a problem carrying them in its details.
 */
export async function importCatalog(file: File): Promise<ImportOutcome> {
  const format = /\.json$/i.test(file.name) ? "json" : "xlsx";
  // The session's CSRF cookie exists by now: every staff page has already read /api/session.
  const headers = new Headers({
    Accept: "application/json",
    "X-CSRF-Token": readCookie(document.cookie, "tb_csrf") ?? "",
  });
  headers.set("Content-Type", format === "json" ? "application/json" : XLSX_TYPE);
  let response: Response;
  try {
    response = await fetch(`${base}/import${query({ format })}`, {
      method: "POST",
      headers,
      credentials: "same-origin",
      body: file,
    });
  } catch (cause) {
    throw new ApiError({ type: "about:blank", title: String(cause), status: 0, code: NETWORK_ERROR });
  }
  if (response.ok) return (await response.json()) as ImportOutcome;
  const error = await toApiError(response);
  const rows = error.details?.errors;
  if (Array.isArray(rows)) {
    return { created: 0, changed: 0, unchanged: 0, changeRequests: [], errors: rows as ImportRowError[] };
  }
  throw error;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
