import { api } from "../api/client.ts";

/** The scopes a client system may ask for (the server's list is the authority; this names them for the UI). */
export type OidcScope = "openid" | "profile" | "realname" | "identifiers_masked" | "identifiers" | "phone";

/** What a client system asks of the signed-in person, for the consent page. */
export interface ConsentRequest {
  uid: string;
  client: { id: string; name: string; department: string | null };
  account: { displayName: string };
  /** `explicit` scopes are released only when the person ticks them. */
  scopes: { name: OidcScope; explicit: boolean }[];
}

/** Loads a pending consent; 404 when it expired or belongs to someone else. */
export function getConsentRequest(uid: string, signal?: AbortSignal): Promise<ConsentRequest> {
  return api(`/api/oidc/interactions/${encodeURIComponent(uid)}`, { signal });
}

/** Answers a consent; the browser then goes to `redirectTo` (through the provider, back to the client). */
export function decideConsent(
  uid: string,
  decision: { approve: boolean; scopes?: OidcScope[] },
): Promise<{ redirectTo: string }> {
  return api(`/api/oidc/interactions/${encodeURIComponent(uid)}`, { method: "POST", body: decision });
}

/** A registered client system as administrators see it (never its secret). */
export interface OidcClient {
  id: string;
  name: string;
  department: { id: string; name: string } | null;
  redirectUris: string[];
  scopes: OidcScope[];
  isPublic: boolean;
  createdAt: string;
  disabledAt: string | null;
}

/** The register of client systems, the scopes on offer and where client systems discover the provider. */
export interface OidcClientList {
  clients: OidcClient[];
  scopes: OidcScope[];
  issuer: string;
  discoveryUrl: string;
}

/** What an administrator enters to register a client system. */
export interface ClientRegistration {
  name: string;
  departmentId: string | null;
  redirectUris: string[];
  scopes: OidcScope[];
  isPublic: boolean;
}

/** Lists the client systems (system administrators). */
export function listOidcClients(signal?: AbortSignal): Promise<OidcClientList> {
  return api("/api/admin/oidc-clients", { signal });
}

/** Registers a client system; the secret comes back this once (null for a public client). */
export function registerOidcClient(
  registration: ClientRegistration,
): Promise<{ client: OidcClient; secret: string | null }> {
  return api("/api/admin/oidc-clients", { method: "POST", body: registration });
}

/** Changes a client system, or disables / re-enables it. */
export function updateOidcClient(
  id: string,
  changes: { name?: string; redirectUris?: string[]; scopes?: OidcScope[]; disabled?: boolean },
): Promise<{ client: OidcClient }> {
  return api(`/api/admin/oidc-clients/${encodeURIComponent(id)}`, { method: "PATCH", body: changes });
}
