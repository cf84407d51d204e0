import { api, query } from "../../api/client.ts";

/** The five levels of the region tree. */
export type RegionLevel = "province" | "city" | "county" | "township" | "village";
/** Service place kinds; the server derives a place's kind from its region's level. */
export type PlaceKind = "service-centre" | "convenience-centre" | "convenience-station";
/** Window kinds: 综合受理, 专业, 跨省通办, 帮办代办, 办不成事反映. */
export const windowKinds = ["general", "specialised", "cross-province", "assisted", "fallback"] as const;
export type WindowKind = (typeof windowKinds)[number];
export type DelegationStatus = "scheduled" | "active" | "expired" | "revoked";

/** One weekly opening period (Monday = 1). */
export interface OpeningPeriod {
  weekday: number;
  open: string;
  close: string;
}

/** When a place or window is open, with notes such as 延时服务. */
export interface OpeningHours {
  periods: OpeningPeriod[];
  notes: string[];
}

/** A region with what the server says its level implies and what the user may do. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  isAbolished: boolean;
  placeKind: PlaceKind;
  placeNameSuffix: string;
  abilities: { update: boolean; createChild: boolean; delete: boolean; createInside: boolean };
}

/** A department (实施主体). */
export interface Department {
  id: string;
  ref: string;
  name: string;
  kind: string;
  creditCode: string | null;
  region: { code: string; name: string };
  abilities: { update: boolean };
}

/** A window in a place. */
export interface ServiceWindow {
  id: string;
  number: string;
  name: string;
  kind: WindowKind;
  department: { id: string; name: string } | null;
  openingHours: OpeningHours | null;
  isActive: boolean;
  abilities: { update: boolean };
}

/** A place in a list. */
export interface PlaceSummary {
  id: string;
  name: string;
  kind: PlaceKind;
  region: { code: string; name: string };
  address: string;
  phone: string | null;
  windowCount: number;
  abilities: { update: boolean; addWindow: boolean };
}

/** A place with its hours and windows. */
export interface Place extends PlaceSummary {
  openingHours: OpeningHours;
  windows: ServiceWindow[];
}

/** A delegation of an item's acceptance to a township or village place. */
export interface Delegation {
  id: string;
  item: { id: string; ref: string; name: string };
  department: { id: string; name: string };
  place: { id: string; name: string; regionCode: string };
  validFrom: string;
  validTo: string | null;
  note: string | null;
  status: DelegationStatus;
  revokedAt: string | null;
  revokeReason: string | null;
  abilities: { revoke: boolean };
}

/** One bad row of an import file. */
export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

interface Counts {
  created: number;
  updated: number;
}

/** What an import created and changed. */
export interface ImportResult {
  regions: Counts;
  departments: Counts;
  places: Counts;
  windows: Counts;
}

/** The region tree, parents first. */
export function listRegions(signal?: AbortSignal): Promise<{ items: Region[] }> {
  return api("/api/admin/regions", { signal });
}

/** Adds a region. */
export function createRegion(input: {
  code: string;
  name: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}): Promise<Region> {
  return api("/api/admin/regions", { method: "POST", body: input });
}

/** Renames a region or changes its validity. */
export function updateRegion(
  code: string,
  input: { name?: string; validFrom?: string | null; validTo?: string | null },
): Promise<Region> {
  return api(`/api/admin/regions/${code}`, { method: "PATCH", body: input });
}

/** Deletes a region nothing references. */
export function deleteRegion(code: string): Promise<void> {
  return api(`/api/admin/regions/${code}`, { method: "DELETE" });
}

/** Departments, optionally by words. */
export function listDepartments(
  filter: { q?: string; regionCode?: string },
  signal?: AbortSignal,
): Promise<{ items: Department[]; abilities: { create: boolean } }> {
  return api(`/api/admin/departments${query(filter)}`, { signal });
}

/** Department fields as the forms send them. */
export interface DepartmentInput {
  name: string;
  kind: string;
  creditCode: string | null;
  regionCode: string;
}

/** Adds a department. */
export function createDepartment(input: DepartmentInput): Promise<Department> {
  return api("/api/admin/departments", { method: "POST", body: input });
}

/** Changes a department. */
export function updateDepartment(id: string, input: Partial<DepartmentInput>): Promise<Department> {
  return api(`/api/admin/departments/${id}`, { method: "PATCH", body: input });
}

/** One page of places inside the user's region. */
export function listPlaces(
  filter: { q?: string; regionCode?: string; kind?: PlaceKind; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<{
  total: number;
  page: number;
  pageSize: number;
  items: PlaceSummary[];
  abilities: { create: boolean };
}> {
  return api(`/api/admin/places${query(filter)}`, { signal });
}

/** Every place in short form, for pickers. */
export function listPlaceOptions(
  signal?: AbortSignal,
): Promise<{ items: { id: string; name: string; kind: PlaceKind; regionCode: string }[] }> {
  return api("/api/admin/place-options", { signal });
}

/** One place with its windows. */
export function getPlace(id: string, signal?: AbortSignal): Promise<Place> {
  return api(`/api/admin/places/${encodeURIComponent(id)}`, { signal });
}

/** Place fields as the forms send them. */
export interface PlaceInput {
  name: string;
  regionCode: string;
  address: string;
  phone: string | null;
  openingHours: OpeningHours;
}

/** Opens a place. */
export function createPlace(input: PlaceInput): Promise<Place> {
  return api("/api/admin/places", { method: "POST", body: input });
}

/** Changes a place. */
export function updatePlace(id: string, input: Partial<PlaceInput>): Promise<Place> {
  return api(`/api/admin/places/${id}`, { method: "PATCH", body: input });
}

/** Window fields as the forms send them. */
export interface WindowInput {
  number: string;
  name: string;
  kind: WindowKind;
  departmentId: string | null;
  openingHours: OpeningHours | null;
  isActive: boolean;
}

/** Adds a window; answers with the whole place. */
export function createWindow(placeId: string, input: WindowInput): Promise<Place> {
  return api(`/api/admin/places/${placeId}/windows`, { method: "POST", body: input });
}

/** Changes a window; answers with the whole place. */
export function updateWindow(placeId: string, windowId: string, input: Partial<WindowInput>): Promise<Place> {
  return api(`/api/admin/places/${placeId}/windows/${windowId}`, { method: "PATCH", body: input });
}

/** Delegations the user manages. */
export function listDelegations(
  filter: { itemId?: string; placeId?: string; status?: DelegationStatus },
  signal?: AbortSignal,
): Promise<{ items: Delegation[]; abilities: { create: boolean } }> {
  return api(`/api/admin/delegations${query(filter)}`, { signal });
}

/** Delegates an item's acceptance to a place. */
export function createDelegation(input: {
  itemId: string;
  placeId: string;
  validFrom: string;
  validTo: string | null;
  note: string | null;
}): Promise<Delegation> {
  return api("/api/admin/delegations", { method: "POST", body: input });
}

/** Withdraws a delegation early. */
export function revokeDelegation(id: string, reason: string): Promise<Delegation> {
  return api(`/api/admin/delegations/${id}/revoke`, { method: "POST", body: { reason } });
}

/** Imports a JSON or Excel file, all or nothing. */
export function importFile(input: {
  fileName: string;
  format: "json" | "xlsx";
  content: string;
}): Promise<ImportResult> {
  return api("/api/admin/organisations/import", { method: "POST", body: input });
}

/** Where the Excel template and the exports are downloaded from (plain links: the session cookie goes along). */
export const downloads = {
  template: "/api/admin/organisations/template.xlsx",
  exportXlsx: "/api/admin/organisations/export?format=xlsx",
  exportJson: "/api/admin/organisations/export?format=json",
};
