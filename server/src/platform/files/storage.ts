import { createHash } from "node:crypto";

/** What a stored file is known by: its SHA-256 (content-addressed) and size. */
export interface StoredFile {
  sha256: string;
  size: number;
}

/** One interface for file bytes, on local disk or S3-compatible storage. */
export interface FileStorage {
  readonly kind: "local" | "s3";
  /** Stores bytes under their SHA-256; storing the same bytes twice is a no-op. */
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** The bytes of a stored file, or undefined when absent. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
  delete(sha256: string): Promise<void>;
}

/** Hex SHA-256 of the bytes. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Rejects anything but a lowercase hex SHA-256, so a key can never become a path or URL trick. */
export function assertSha256(value: string): void {
  if (!/^[0-9a-f]{64}$/.test(value)) throw new Error("not a SHA-256 hex digest");
}
