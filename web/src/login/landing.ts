/** Paths the server answers itself (not the React app): leaving for them needs a full page load. */
const SERVER_PREFIXES = ["/oidc/", "/api/"];

/** Where to go after signing in: back to the page that asked for it, else the user's own area. */
export function landingPage(next: string | null, isStaff: boolean): string {
  if (next && isSafeNext(next)) return next;
  return isStaff ? "/workbench" : "/";
}

/** True for a same-site path only: "//evil.example" or "https://…" would make the login an open redirect. */
export function isSafeNext(next: string): boolean {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
}

/** True when the path belongs to the server (e.g. an OIDC interaction), not to the React router. */
export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path.startsWith(prefix));
}
