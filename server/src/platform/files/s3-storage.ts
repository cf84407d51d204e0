import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { assertSha256, type FileStorage, type StoredFile, sha256Of } from "./storage.ts";

/** Connection settings for any S3-compatible store (MinIO, Ceph, OSS/COS/OBS S3 endpoints, AWS). */
export interface S3Settings {
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
};

/** Files in an S3 bucket keyed `sha256/ab/<sha256>`. */
export function s3Storage(settings: S3Settings): FileStorage {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Many S3-compatible stores reject the newer default checksum trailers; send them only when required.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const keyOf = (sha: string) => {
    assertSha256(sha);
    return `sha256/${sha.slice(0, 2)}/${sha}`;
  };
  const has = async (sha: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: keyOf(sha) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  };
  return {
    kind: "s3",
    has,
    async put(bytes): Promise<StoredFile> {
      const sha256 = sha256Of(bytes);
      if (!(await has(sha256))) {
        await client.send(
          new PutObjectCommand({
            Bucket: settings.bucket,
            Key: keyOf(sha256),
            Body: bytes,
            ContentLength: bytes.byteLength,
          }),
        );
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: keyOf(sha) }));
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async delete(sha) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: keyOf(sha) }));
    },
  };
}
