/** The kinds of failure a use case may report; the HTTP mapper turns each into one status. */
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "rate-limited";

/**
 * A failure the domain expects and explains: a stable machine `code`, a Chinese `message` for people,
 * and optional `details` for machines. Use cases throw these and never see HTTP.
 */
export class DomainError extends Error {
  override name = "DomainError";
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

/** Input that breaks a rule the caller can fix. */
export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError("invalid", code, message, details);

/** A record that does not exist, or that the actor may not know exists (both look the same). */
export const notFound = (code: string, message: string) => new DomainError("not-found", code, message);

/** An action the actor's roles or scope do not allow on a record they may see. */
export const forbidden = (code: string, message: string) => new DomainError("forbidden", code, message);

/** An action that clashes with the record's current state. */
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError("conflict", code, message, details);

/** No valid session or credentials. */
export const unauthenticated = (code: string, message: string) =>
  new DomainError("unauthenticated", code, message);
