/** One field-level complaint from a problem+json `errors` array. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The RFC 9457 problem body the server sends for every failure. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldProblem[];
  /** Machine-readable facts of the failure, e.g. the rows an import refused. */
  details?: Record<string, unknown>;
}

/** Codes the browser itself produces when no problem body arrives. */
export const NETWORK_ERROR = "NETWORK_ERROR";
export const UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";

/** A failed API call: `code` is for the program, `title` (Chinese, from the server) is for people. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly details: Record<string, unknown> | undefined;

  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.title}`);
    this.code = problem.code;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.details = problem.details;
  }

  /** True when the server produced the message, so it is fit to show as is. */
  get isFromServer(): boolean {
    return this.code !== NETWORK_ERROR && this.code !== UNEXPECTED_RESPONSE;
  }
}

const CSRF_COOKIE = "tb_csrf";
const CSRF_HEADER = "X-CSRF-Token";

/** Reads one cookie by name from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === "string" && typeof v.title === "string" && typeof v.status === "number";
}

/** Turns a failed response into an ApiError, using the problem body when there is one. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({
    type: "about:blank",
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code: UNEXPECTED_RESPONSE,
  });
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

async function csrfToken(): Promise<string | undefined> {
  const existing = readCookie(document.cookie, CSRF_COOKIE);
  if (existing) return existing;
  // The server hands out the token on any response; a cheap GET obtains it before the first write.
  await fetch("/api/session", { credentials: "same-origin" }).catch(() => undefined);
  return readCookie(document.cookie, CSRF_COOKIE);
}

/** The one way the browser talks to the API: JSON in and out, CSRF header on writes, problems as ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers = new Headers({ Accept: "application/json" });
  if (method !== "GET") {
    // Double-submit: only our own origin can read the cookie and echo it back in a header.
    const token = await csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  if (options.body !== undefined) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError({ type: "about:blank", title: String(cause), status: 0, code: NETWORK_ERROR });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds a query string from defined, non-empty values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
