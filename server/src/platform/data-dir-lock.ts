import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

/** Raised when another live process already owns the embedded data directory. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite allows one process per data directory, so the platform takes an exclusive lock file
 * first. A lock left by a process that died (same host, pid gone) is taken over; a live owner
 * makes the second process stop with a clear message instead of corrupting the database.
 */
export async function lockDataDir(dir: string): Promise<{ release(): Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const lockPath = path.join(dir, "tongban.lock");
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() });
  const temp = path.join(dir, `.tongban.lock.${randomUUID()}`);
  await writeFile(temp, mine);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, lockPath); // atomic: fails if the lock exists
        return {
          async release() {
            const current = await readFile(lockPath, "utf8").catch(() => "");
            if (current === mine) await rm(lockPath, { force: true });
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const owner = await readFile(lockPath, "utf8")
        .then((t) => JSON.parse(t) as { pid: number; host: string })
        .catch(() => undefined);
      if (owner && (owner.host !== hostname() || alive(owner.pid))) {
        throw new DataDirLockedError(
          `数据目录 ${dir} 正被另一个通办进程使用（${owner.host} pid ${owner.pid}）。` +
            "The embedded database allows one process per data directory: stop the other process, " +
            "use another DATA_DIR, or run several instances against PostgreSQL (DATABASE_URL).",
        );
      }
      // Stale lock from a process that died: move it aside atomically, then try again.
      const stale = `${lockPath}.stale-${randomUUID()}`;
      await rename(lockPath, stale).then(
        () => rm(stale, { force: true }),
        () => {},
      );
    }
    throw new DataDirLockedError(`无法获取数据目录锁：${lockPath}`);
  } finally {
    await rm(temp, { force: true });
  }
}
