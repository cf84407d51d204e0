import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../platform/db/database.ts";
import { DEMO_PASSWORD } from "../seed/seed-demo.ts";
import { freshDatabase } from "../test/databases.ts";
import { httpLogin, runCli, spawnPlatform } from "../test/spawn-platform.ts";

// The embedded database's promises, tested the hard way: real processes, real kills, real files.
describe("embedded mode (PGlite in DATA_DIR)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "tongban-embedded-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("keeps every acknowledged write when the server is killed mid-write, and restarts cleanly", async () => {
    const first = await spawnPlatform({ DATA_DIR: dataDir, RATE_LIMIT_MAX: "100000" });
    const headers = await httpLogin(first.url, "admin", DEMO_PASSWORD);
    const acknowledged: number[] = [];
    let stop = false;
    const writer = async (offset: number) => {
      for (let year = 2100 + offset; !stop && year < 2200; year += 4) {
        const res = await fetch(`${first.url}/api/admin/calendar/${year}`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ daysOff: [{ date: `${year}-01-01`, name: "元旦" }], workdays: [] }),
        }).catch(() => undefined);
        if (res?.status === 200) acknowledged.push(year);
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 12) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL"); // no shutdown, no checkpoint: writes are still in flight
    stop = true;
    await Promise.all(writers);
    expect(await first.exited).toBeNull();

    const second = await spawnPlatform({ DATA_DIR: dataDir });
    try {
      expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
      for (const year of acknowledged) {
        const body = (await (await fetch(`${second.url}/api/calendar/${year}`)).json()) as {
          published: boolean;
        };
        expect(body.published, `year ${year} was acknowledged before the kill`).toBe(true);
      }
      const items = (await (await fetch(`${second.url}/api/items?pageSize=1`)).json()) as { total: number };
      expect(items.total).toBe(125);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  });

  it("refuses a second process on the same data directory with a clear message", async () => {
    const owner = await spawnPlatform({ DATA_DIR: dataDir });
    try {
      const error = await spawnPlatform({ DATA_DIR: dataDir }).catch(
        (e: { code: number; text: string }) => e,
      );
      expect(error).toMatchObject({ code: 2 });
      expect((error as { text: string }).text).toContain("正被另一个通办进程使用");
      expect((await fetch(`${owner.url}/readyz`)).status).toBe(200);
    } finally {
      owner.child.kill("SIGTERM");
      await owner.exited;
    }
  });

  it("backs up and restores a consistent copy of the database", async () => {
    const backup = path.join(dataDir, "backup.tar.gz");
    const made = runCli("backup", [backup], { DATA_DIR: dataDir });
    expect(made.status, made.stderr).toBe(0);

    const restoredDir = await mkdtemp(path.join(tmpdir(), "tongban-restored-"));
    try {
      const restored = runCli("restore", [backup], { DATA_DIR: restoredDir });
      expect(restored.status, restored.stderr).toBe(0);
      const again = runCli("restore", [backup], { DATA_DIR: restoredDir });
      expect(again.status).toBe(2); // refuses to overwrite without --force
      const platform = await spawnPlatform({ DATA_DIR: restoredDir, SEED_DEMO: "false" });
      try {
        const year = (await (await fetch(`${platform.url}/api/calendar/2100`)).json()) as {
          published: boolean;
        };
        expect(year.published).toBe(true);
        const items = (await (await fetch(`${platform.url}/api/items?pageSize=1`)).json()) as {
          total: number;
        };
        expect(items.total).toBe(125);
      } finally {
        platform.child.kill("SIGTERM");
        await platform.exited;
      }
    } finally {
      await rm(restoredDir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)("moves the embedded database into PostgreSQL", async () => {
    const target = await freshDatabase("postgres", { migrated: false });
    try {
      const moved = runCli("migrate-to-postgres", [], { DATA_DIR: dataDir, DATABASE_URL: target.url ?? "" });
      expect(moved.status, moved.stderr + moved.stdout).toBe(0);
      const source = await openDatabase({ dataDir: path.join(dataDir, "pgdata") });
      const count = async (db: typeof source.db, table: "item" | "audit_log" | "calendar_day" | "region") =>
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n;
      for (const table of ["item", "audit_log", "calendar_day", "region"] as const) {
        expect(Number(await count(target.handle.db, table))).toBe(Number(await count(source.db, table)));
      }
      await source.close();
      // Personal data stays encrypted with the embedded mode's keys, which the instances now need.
      const keys = JSON.parse(await readFile(path.join(dataDir, "keys.json"), "utf8")) as Record<
        string,
        string
      >;
      const platform = await spawnPlatform({ DATABASE_URL: target.url ?? "", ...keys });
      try {
        await httpLogin(platform.url, "admin", DEMO_PASSWORD);
        const year = (await (await fetch(`${platform.url}/api/calendar/2100`)).json()) as {
          published: boolean;
        };
        expect(year.published).toBe(true);
      } finally {
        platform.child.kill("SIGTERM");
        await platform.exited;
      }
    } finally {
      await target.drop();
    }
  });
});
