import type { Action } from "@tongban/core";
import { api } from "../api/client.ts";

/** Who is signed in (identifiers arrive masked). */
export interface SessionUser {
  id: string;
  username: string | null;
  displayName: string;
  kind: "staff" | "citizen" | "company";
  roles: string[];
  department: { id: string; name: string } | null;
  regionCode: string | null;
  /** 1 registered with a verified mobile, 2 name and 公民身份号码 verified, 3 verified in person. */
  realNameLevel: number;
  legalName: string | null;
  mobileMasked: string | null;
  citizenIdMasked: string | null;
  creditCode: string | null;
}

/** A company the signed-in person may act for as its agent (经办人). */
export interface AgentCompany {
  id: string;
  name: string;
  creditCode: string | null;
  /** Item refs the agent may handle; empty means every item. */
  scope: string[];
  validTo: string;
}

/** What the server computed the user may do, by action of the core's permission table. */
export type Abilities = Partial<Record<Action, boolean>>;

/**
 * The session as the server presents it. `stage` is `mfa` or `enrol` while a staff sign-in waits for
 * its second factor; `user` is null until the sign-in is complete.
 */
export interface SessionInfo {
  stage: "active" | "mfa" | "enrol";
  user: SessionUser | null;
  actingFor: { id: string; name: string } | null;
  companies: AgentCompany[];
  abilities: Abilities;
  /** Companies whose agents the user manages: the company account itself, or as legal representative. */
  representedCompanies: RepresentedCompany[];
}

/** A company whose agents the signed-in account manages. */
export interface RepresentedCompany {
  id: string;
  name: string;
  creditCode: string | null;
}

/** How someone proves who they are: a password (username, mobile or 统一社会信用代码), or an SMS code. */
export type Credentials = { login: string; password: string } | { mobile: string; code: string };

/** What an SMS code is for. */
export type CodePurpose = "register" | "login";

/** Reads the current session (also a pending one); rejects with UNAUTHENTICATED for a visitor. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return api("/api/session", { signal });
}

/** Signs in with a password or an SMS code; staff continue with their authenticator. */
export function createSession(credentials: Credentials): Promise<SessionInfo> {
  return api("/api/session", { method: "POST", body: credentials });
}

/** Completes a staff sign-in with the authenticator's current 6-digit code. */
export function verifyTotp(code: string): Promise<SessionInfo> {
  return api("/api/session/totp", { method: "POST", body: { code } });
}

/** Starts setting up an authenticator: the secret and the otpauth:// URI to show as a QR code. */
export function startTotpEnrolment(): Promise<{ secret: string; uri: string }> {
  return api("/api/session/totp/enrolment", { method: "POST" });
}

/** Confirms a new authenticator with its first code, which completes the sign-in. */
export function confirmTotpEnrolment(code: string): Promise<SessionInfo> {
  return api("/api/session/totp/enrolment/confirm", { method: "POST", body: { code } });
}

/** Sends an SMS code to register or to sign in. */
export function requestCode(mobile: string, purpose: CodePurpose): Promise<{ sent: true }> {
  return api("/api/session/codes", { method: "POST", body: { mobile, purpose } });
}

/** Acts for a company the person is an agent of, or for themselves again (null). */
export function actFor(companyId: string | null): Promise<SessionInfo> {
  return api("/api/session/acting-for", { method: "PUT", body: { companyId } });
}

/** Signs out on this device. */
export function deleteSession(): Promise<void> {
  return api("/api/session", { method: "DELETE" });
}

/** Signs out on every device. */
export function deleteAllSessions(): Promise<void> {
  return api("/api/sessions", { method: "DELETE" });
}
