import type { Audience, FeatureTag, ItemContent, ItemType, Theme, TimeLimit } from "@tongban/core";
import { api, query } from "../api/client.ts";

/** A department that implements service items (GET /api/departments, also used by staff forms). */
export interface Department {
  id: string;
  ref: string;
  name: string;
  kind: string;
  itemCount: number;
}

/** One row of the public item list. */
export interface ItemSummary {
  id: string;
  ref: string;
  name: string;
  type: ItemType;
  typeName: string;
  typeCode: string;
  department: { id: string; name: string };
  regionCode: string;
  audience: Audience[];
  themes: Theme[];
  tags: FeatureTag[];
  processing: ItemContent["processing"];
  promisedLimit: TimeLimit | null;
  onlineDepth: number;
  maxVisits: number;
}

/** One page of items, with how many match in all. */
export interface ItemPage {
  total: number;
  page: number;
  pageSize: number;
  items: ItemSummary[];
}

/** The filters of GET /api/items; theme, audience, tag and type take the core's keys. */
export interface ItemQuery {
  q?: string;
  department?: string;
  region?: string;
  theme?: Theme;
  audience?: Audience;
  tag?: FeatureTag;
  type?: ItemType;
  page: number;
  pageSize: number;
}

/** One weekly opening period (Monday = 1). */
export interface OpeningPeriod {
  weekday: number;
  open: string;
  close: string;
}

/** When a place is open, with notes such as 延时服务. */
export interface OpeningHours {
  periods: OpeningPeriod[];
  notes: string[];
}

/** A window that accepts the item, with the place it is in. */
export interface GuideWindow {
  id: string;
  number: string;
  name: string;
  kind: string;
  /** Null: the window keeps its place's hours. */
  openingHours: OpeningHours | null;
  place: {
    id: string;
    name: string;
    address: string;
    phone: string | null;
    openingHours: OpeningHours;
  };
}

/** A township or village place that accepts the item today (委托受理): apply nearby. */
export interface Delegation {
  place: { id: string; name: string };
  validFrom: string;
  validTo: string | null;
}

/** The published guide (办事指南) of one item: its content plus what the catalog resolves around it. */
export interface ItemDetail {
  id: string;
  ref: string;
  version: number;
  effectiveFrom: string;
  status: "active" | "cancelled";
  department: { id: string; name: string };
  region: { code: string; name: string };
  content: ItemContent;
  /** Names of the electronic licence types that materials and results refer to, by ref. */
  licenceTypes: Record<string, string>;
  windows: GuideWindow[];
  delegations: Delegation[];
}

/** How many items each browse choice leads to. */
export interface CatalogFacets {
  departments: { id: string; name: string; itemCount: number }[];
  themes: { theme: Theme; audience: Audience; itemCount: number }[];
  tags: { tag: FeatureTag; itemCount: number }[];
  types: { type: ItemType; name: string; itemCount: number }[];
}

/** A file kept by the catalog (blank form, sample), as an item's content refers to it. */
export interface CatalogFile {
  name: string;
  sha256: string;
}

/** Lists the departments with how many items each implements. */
export function listDepartments(signal?: AbortSignal): Promise<{ items: Department[] }> {
  return api("/api/departments", { signal });
}

/** Searches the published items, one page at a time. */
export function listItems(
  filter: Partial<ItemQuery> & { page: number; pageSize: number },
  signal?: AbortSignal,
) {
  return api<ItemPage>(`/api/items${query({ ...filter })}`, { signal });
}

/** Loads one item's guide. */
export function getItem(id: string, signal?: AbortSignal): Promise<ItemDetail> {
  return api(`/api/items/${encodeURIComponent(id)}`, { signal });
}

/** Counts for the browse pages: by department, theme, feature tag and type. */
export function getFacets(signal?: AbortSignal): Promise<CatalogFacets> {
  return api("/api/catalog/facets", { signal });
}

/** Where a catalog file is downloaded from; files are addressed by content, so the link never goes stale. */
export function catalogFileUrl(file: CatalogFile): string {
  return `/api/catalog/files/${file.sha256}${query({ name: file.name })}`;
}
