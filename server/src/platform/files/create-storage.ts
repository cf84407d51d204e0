import type { Config } from "../../config.ts";
import { localStorage } from "./local-storage.ts";
import { s3Storage } from "./s3-storage.ts";
import type { FileStorage } from "./storage.ts";

/** Local disk under DATA_DIR/files by default; S3-compatible storage when FILE_STORAGE=s3. */
export function createFileStorage(config: Config): FileStorage {
  if (config.FILE_STORAGE === "local") return localStorage(config.filesDir);
  return s3Storage({
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    bucket: config.S3_BUCKET ?? "",
    accessKeyId: config.S3_ACCESS_KEY_ID ?? "",
    secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? "",
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
