import type { StaffRole } from "@tongban/core";
import { api, query } from "../../api/client.ts";

/** A staff account as administrators see it, with what the current administrator may do to it. */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  regionCode: string | null;
  department: { id: string; name: string } | null;
  hasAuthenticator: boolean;
  disabled: boolean;
  abilities: { update: boolean };
}

/** Fields of a new staff account. */
export interface NewStaff {
  username: string;
  displayName: string;
  roles: StaffRole[];
  regionCode: string;
  departmentId: string | null;
}

/** Staff in the administrator's region, optionally filtered by name. */
export function listStaff(q: string | undefined, signal?: AbortSignal): Promise<{ items: StaffMember[] }> {
  return api(`/api/admin/staff${query({ q })}`, { signal });
}

/** Creates a staff account; the temporary password comes back once. */
export function createStaff(body: NewStaff): Promise<{ id: string; temporaryPassword: string }> {
  return api("/api/admin/staff", { method: "POST", body });
}

/** Changes roles, placement, name or status. */
export function updateStaff(id: string, body: Partial<NewStaff> & { disabled?: boolean }): Promise<void> {
  return api(`/api/admin/staff/${id}`, { method: "PATCH", body });
}

/** Clears a lost authenticator. */
export function resetSecondFactor(id: string): Promise<void> {
  return api(`/api/admin/staff/${id}/reset-second-factor`, { method: "POST" });
}

/** Departments to place staff in. */
export function listDepartments(signal?: AbortSignal): Promise<{ items: { id: string; name: string }[] }> {
  return api("/api/departments", { signal });
}
