import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertSha256, type FileStorage, type StoredFile, sha256Of } from "./storage.ts";

/** Files on local disk under `root/ab/cd/<sha256>`; writes go to a temp file and are renamed into place. */
export function localStorage(root: string): FileStorage {
  const pathOf = (sha: string) => {
    assertSha256(sha);
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  const has = async (sha: string) =>
    stat(pathOf(sha)).then(
      () => true,
      () => false,
    );
  return {
    kind: "local",
    has,
    async put(bytes): Promise<StoredFile> {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      if (await has(sha256)) return { sha256, size: bytes.byteLength };
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, target);
      return { sha256, size: bytes.byteLength };
    },
    async get(sha) {
      try {
        return new Uint8Array(await readFile(pathOf(sha)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw err;
      }
    },
    async delete(sha) {
      await rm(pathOf(sha), { force: true });
    },
  };
}
