import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../seed/seed-demo.ts";
import { freshDatabase } from "../test/databases.ts";
import { httpLogin, spawnPlatform } from "../test/spawn-platform.ts";

// Production runs any number of instances against one PostgreSQL database.
describe.runIf(process.env.TEST_DATABASE_URL)("two instances on one PostgreSQL database", () => {
  it("start together (one migration, one seed), and see each other's writes", async () => {
    const target = await freshDatabase("postgres", { migrated: false });
    const env = { DATABASE_URL: target.url ?? "", JOB_POLL_MS: "100" };
    const [a, b] = await Promise.all([spawnPlatform(env), spawnPlatform(env)]);
    try {
      for (const p of [a, b]) expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
      const items = await target.handle.db.selectFrom("item").select("id").execute();
      expect(items).toHaveLength(125);

      const headers = await httpLogin(a.url, "admin", DEMO_PASSWORD);
      const put = await fetch(`${a.url}/api/admin/calendar/2030`, {
        method: "PUT",
        headers,
        body: JSON.stringify({ daysOff: [{ date: "2030-01-01", name: "元旦" }], workdays: [] }),
      });
      expect(put.status).toBe(200);
      // The other instance caches the calendar for at most a few seconds.
      await new Promise((r) => setTimeout(r, 5500));
      const due = await (await fetch(`${b.url}/api/calendar/due?from=2029-12-31&days=1`)).json();
      expect(due).toEqual({ due: "2030-01-02", provisional: false });

      // Both job runners share one timer slot: exactly one pending purge job for the next hour.
      const timers = await target.handle.db
        .selectFrom("job")
        .select("id")
        .where("kind", "=", "maintenance.purge")
        .where("status", "=", "pending")
        .execute();
      expect(timers).toHaveLength(1);
    } finally {
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
      await target.drop();
    }
  });
});
