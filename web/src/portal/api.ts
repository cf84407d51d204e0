import { api, query } from "../api/client.ts";

/** A department that implements service items. */
export interface Department {
  id: string;
  ref: string;
  name: string;
  kind: string;
  itemCount: number;
}

/** A time limit as the catalog states it; `unit` is the Chinese legal unit. */
export interface TimeLimit {
  days: number;
  unit: string;
  text?: string;
}

/** One row of the service-item list. */
export interface ItemSummary {
  id: string;
  ref: string;
  name: string;
  type: string;
  typeCode: string;
  department: { id: string; name: string };
  audience: string[];
  tags: string[];
  promisedLimit: TimeLimit | null;
  onlineDepth: number | null;
}

/** One page of service items. */
export interface ItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: ItemSummary[];
}

/** A material the applicant brings, and when it applies. */
export interface Material {
  name: string;
  form: string;
  required: boolean;
  sourceLicence: { ref: string; name: string } | null;
  when: string | null;
}

/** The full service guide (办事指南) of one item. */
export interface ItemDetail {
  id: string;
  ref: string;
  name: string;
  type: string;
  typeCode: string;
  basicCode: string;
  implementationCode: string;
  department: { id: string; name: string };
  audience: string[];
  themes: string[];
  legalBasis: { law: string; article: string }[];
  conditions: string[];
  materials: Material[];
  situations: { question: string; options: string[] }[];
  statutoryLimit: TimeLimit | null;
  promisedLimit: TimeLimit | null;
  fee: { charged: boolean; amountFen: number | null; text: string | null; basis: string | null };
  onlineDepth: number | null;
  maxVisits: number | null;
  /** Township and village places that accept the item today (委托受理): apply nearby. */
  delegations: { place: { id: string; name: string }; validFrom: string; validTo: string | null }[];
  tags: string[];
}

/** Lists the departments with how many items each implements. */
export function listDepartments(signal?: AbortSignal): Promise<{ items: Department[] }> {
  return api("/api/departments", { signal });
}

/** Searches service items by department and text, one page at a time. */
export function listItems(
  filter: { department?: string; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<ItemPage> {
  return api(`/api/items${query(filter)}`, { signal });
}

/** Loads one item's service guide. */
export function getItem(id: string, signal?: AbortSignal): Promise<ItemDetail> {
  return api(`/api/items/${encodeURIComponent(id)}`, { signal });
}
