import { createCalendar } from "@tongban/core";
import { officialNotices } from "@tongban/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../seed/seed-demo.ts";
import { databaseKinds, freshDatabase, testVault } from "../../test/databases.ts";
import { loadCalendarYears } from "./queries.ts";

// The seeded calendar comes from the chinese-days package; the fixture is typed in from the State
// Council notices. They must agree on every day of 2025 and 2026.
describe.each(databaseKinds)("seeded holiday calendar on %s", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    await seedDemo(fresh.handle.db, testVault());
  });
  afterAll(() => fresh.drop());

  it("matches the official notices on every day of 2025 and 2026", async () => {
    const seeded = createCalendar(await loadCalendarYears(fresh.handle.db));
    const official = createCalendar(officialNotices);
    let workdays = 0;
    for (let day = Date.UTC(2025, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      expect(seeded.isWorkday(date), date).toBe(official.isWorkday(date));
      if (seeded.isWorkday(date)) workdays++;
    }
    expect(workdays).toBe(248 * 2);
  });

  it("seeds once: a second run keeps the data as it is", async () => {
    expect(await seedDemo(fresh.handle.db, testVault())).toBe(false);
    const items = await fresh.handle.db.selectFrom("item").select("id").execute();
    expect(items).toHaveLength(125);
  });
});
