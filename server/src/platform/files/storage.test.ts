import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "./local-storage.ts";
import { s3Storage } from "./s3-storage.ts";
import type { FileStorage } from "./storage.ts";

/** A minimal path-style S3 endpoint (PUT/GET/HEAD/DELETE object) so the real SDK client is exercised. */
async function fakeS3(): Promise<{ url: string; objects: Map<string, Buffer>; app: FastifyInstance }> {
  const objects = new Map<string, Buffer>();
  const app = Fastify({ exposeHeadRoutes: false });
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  app.put("/*", async (req, reply) => {
    if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256"))
      return reply.code(403).send();
    objects.set(req.url.split("?")[0] ?? "", req.body as Buffer);
    return reply.header("etag", '"x"').send();
  });
  const find = (url: string) => objects.get(url.split("?")[0] ?? "");
  app.get("/*", async (req, reply) => {
    const body = find(req.url);
    if (!body) return reply.code(404).type("application/xml").send("<Error><Code>NoSuchKey</Code></Error>");
    return reply.type("application/octet-stream").send(body);
  });
  app.head("/*", async (req, reply) => reply.code(find(req.url) ? 200 : 404).send());
  app.delete("/*", async (req, reply) => {
    objects.delete(req.url.split("?")[0] ?? "");
    return reply.code(204).send();
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, objects, app };
}

const cases: { name: string; make: () => Promise<{ storage: FileStorage; cleanup(): Promise<void> }> }[] = [
  {
    name: "local disk",
    make: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "tongban-files-"));
      return { storage: localStorage(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "S3-compatible",
    make: async () => {
      const s3 = await fakeS3();
      const storage = s3Storage({
        endpoint: s3.url,
        region: "us-east-1",
        bucket: "tongban",
        accessKeyId: "test",
        secretAccessKey: "test-secret",
        forcePathStyle: true,
      });
      return { storage, cleanup: () => s3.app.close() };
    },
  },
];

describe.each(cases)("file storage: $name", ({ make }) => {
  let storage: FileStorage;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, cleanup } = await make());
  });
  afterAll(() => cleanup());

  const bytes = new TextEncoder().encode("居民户口簿扫描件 %PDF-1.7");
  const sha = createHash("sha256").update(bytes).digest("hex");

  it("stores bytes under their SHA-256 and reads them back", async () => {
    expect(await storage.put(bytes)).toEqual({ sha256: sha, size: bytes.byteLength });
    expect(await storage.has(sha)).toBe(true);
    expect(Buffer.from((await storage.get(sha)) ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it("treats a second put of the same bytes as a no-op", async () => {
    expect((await storage.put(bytes)).sha256).toBe(sha);
  });

  it("answers undefined for unknown content and forgets deleted content", async () => {
    const other = "0".repeat(64);
    expect(await storage.get(other)).toBeUndefined();
    await storage.delete(sha);
    expect(await storage.has(sha)).toBe(false);
  });

  it("refuses keys that are not SHA-256 digests (no path tricks)", async () => {
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/SHA-256/);
  });
});
