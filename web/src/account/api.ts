import { api } from "../api/client.ts";
import type { SessionInfo } from "../session/api.ts";

/** 代办授权: one person letting another act for them on one item, for a purpose and a period. */
export interface Authorisation {
  id: string;
  /** `given`: the signed-in person (or the company they act for) is the grantor; `received`: the agent. */
  direction: "given" | "received";
  grantorName: string;
  agentName: string;
  agentMobile: string | null;
  itemRef: string | null;
  itemName: string | null;
  purpose: string;
  validFrom: string;
  validTo: string;
  revoked: boolean;
}

/** What a new authorisation names. */
export interface AuthorisationRequest {
  agentMobile: string;
  itemRef: string;
  purpose: string;
  validFrom: string;
  validTo: string;
}

/** A company's agent (经办人) and the scope and period of their authority. */
export interface AgentGrant {
  id: string;
  agentName: string;
  agentMobile: string | null;
  /** Item refs; empty means every item. */
  scope: string[];
  validFrom: string;
  validTo: string;
  revoked: boolean;
}

/** What a new agent grant names. */
export interface AgentGrantRequest {
  agentMobile: string;
  scope: string[];
  validFrom: string;
  validTo: string;
}

/** Verifies name and 公民身份号码 against the population register; answers the raised session. */
export function verifyRealName(input: { name: string; citizenId: string }): Promise<SessionInfo> {
  return api("/api/account/real-name", { method: "POST", body: input });
}

/** Authorisations the user gave and received. */
export function listAuthorisations(signal?: AbortSignal): Promise<{ items: Authorisation[] }> {
  return api("/api/account/authorisations", { signal });
}

/** Authorises someone (by mobile number) to act for the user on an item. */
export function grantAuthorisation(input: AuthorisationRequest): Promise<{ id: string }> {
  return api("/api/account/authorisations", { method: "POST", body: input });
}

/** Withdraws an authorisation the user gave. */
export function withdrawAuthorisation(id: string): Promise<void> {
  return api(`/api/account/authorisations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

/** A company's agents (for the company account or its legal representative; 404 for anyone else). */
export function listAgents(companyId: string, signal?: AbortSignal): Promise<{ items: AgentGrant[] }> {
  return api(`/api/companies/${encodeURIComponent(companyId)}/agents`, { signal });
}

/** Authorises a real-name-verified person to act for the company. */
export function grantAgent(companyId: string, input: AgentGrantRequest): Promise<{ id: string }> {
  return api(`/api/companies/${encodeURIComponent(companyId)}/agents`, { method: "POST", body: input });
}

/** Ends an agent's authority at once. */
export function revokeAgent(companyId: string, grantId: string): Promise<void> {
  return api(`/api/companies/${encodeURIComponent(companyId)}/agents/${encodeURIComponent(grantId)}`, {
    method: "DELETE",
  });
}
