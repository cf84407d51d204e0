import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { sql } from "kysely";
import { z } from "zod";
import { hashPassword } from "../modules/identity/password.ts";
import { seedOidcClients } from "../modules/oidc/seed-clients.ts";
import { todayInShanghai } from "../modules/organisations/rules.ts";
import { seedOrganisations } from "../modules/organisations/seed-organisations.ts";
import { systemActor } from "../platform/actor.ts";
import { recordAudit } from "../platform/audit.ts";
import type { Db, Tx } from "../platform/db/database.ts";
import type { Vault } from "../platform/vault.ts";
import { assignStaffPlaces, seedAccounts } from "./seed-accounts.ts";
import { readSeedFiles } from "./seed-files.ts";
import { insertSeedItems, publishSeedItems } from "./seed-items.ts";

export { DEMO_TOTP_SECRET } from "./seed-accounts.ts";

/** The one password every demo account shares; printed at start and in the README. */
export const DEMO_PASSWORD = "Tongban@2026";
const SEED_LOCK_KEY = 7_420_260_002;

/** Loads the official holiday notices shipped by the chinese-days package (its per-year JSON). */
async function officialCalendarYears() {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("chinese-days/package.json")), "dist", "years");
  const Year = z.object({
    holidays: z.record(z.string(), z.string()),
    workdays: z.record(z.string(), z.string()),
  });
  const years = [];
  // 2025 and 2026 are cross-checked against the State Council notices in core's tests.
  for (let year = 2020; year <= 2026; year++) {
    const data = Year.parse(JSON.parse(await readFile(path.join(dir, `${year}.json`), "utf8")));
    const nameOf = (v: string) => v.split(",")[1] ?? v;
    years.push({
      year,
      daysOff: Object.entries(data.holidays).map(([date, v]) => ({ date, name: nameOf(v) })),
      workdays: Object.entries(data.workdays).map(([date, v]) => ({ date, name: nameOf(v) })),
    });
  }
  return years;
}

/**
 * Loads the demo city on an empty database in one transaction: regions, departments, accounts,
 * licence types, items, bundles and the holiday calendar. Does nothing when already seeded, so a
 * second start keeps the data, and two instances starting together seed once (advisory lock).
 */
export async function seedDemo(
  db: Db,
  vault: Vault,
  options: { onProgress?: (message: string) => void } = {},
): Promise<boolean> {
  const say = options.onProgress ?? (() => {});
  const files = await readSeedFiles();
  const hashed = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(tx);
    const seeded = await tx.selectFrom("region").select("code").limit(1).executeTakeFirst();
    if (seeded) return false;
    say("seeding demo data (first start)");
    for (const region of files.regions) {
      await tx
        .insertInto("region")
        .values({ code: region.code, name: region.name, level: region.level, parent_code: region.parentCode })
        .execute();
    }
    say(`  regions ${files.regions.length}/${files.regions.length}`);
    const departments = await tx
      .insertInto("department")
      .values(
        files.departments.map((d) => ({
          ref: d.ref,
          name: d.fullName,
          kind: d.kind,
          credit_code: d.creditCode,
          region_code: d.regionCode,
        })),
      )
      .returning(["id", "ref"])
      .execute();
    const departmentId = new Map(departments.map((d) => [d.ref, d.id]));
    say(`  departments ${departments.length}/${files.departments.length}`);
    await seedAccounts(tx, vault, { accounts: files.accounts, passwordHash: hashed, departmentId });
    say(`  accounts ${files.accounts.length}/${files.accounts.length}`);
    await tx
      .insertInto("licence_type")
      .values(
        files.licenceTypes.map((l) => ({
          ref: l.ref,
          name: l.name,
          issuer_department_id: l.issuerDepartmentRef
            ? (departmentId.get(l.issuerDepartmentRef) ?? null)
            : null,
          holder: l.holder,
          validity: l.validity ?? null,
          fields: JSON.stringify(l.fields),
        })),
      )
      .execute();
    say(`  licence types ${files.licenceTypes.length}/${files.licenceTypes.length}`);
    const today = todayInShanghai();
    const regionOf = new Map(files.departments.map((d) => [departmentId.get(d.ref) ?? "", d.regionCode]));
    await insertSeedItems(tx, files.items, { departmentId, regionOf, today });
    say(`  items ${files.items.length}/${files.items.length}`);
    if (files.bundles.length > 0) {
      await tx
        .insertInto("bundle")
        .values(
          files.bundles.map((b) => ({
            ref: b.ref,
            name: b.name,
            audience: b.audience,
            item_refs: b.itemRefs,
            note: b.note ?? null,
          })),
        )
        .execute();
    }
    say(`  bundles ${files.bundles.length}/${files.bundles.length}`);
    await seedOrganisations(tx, { departmentId });
    // Places exist only now, so the staff who work at one are posted there after the fact.
    await assignStaffPlaces(tx, files.accounts);
    await publishSeedItems(tx, today);
    await seedCalendar(tx, await officialCalendarYears());
    say("  holiday calendar 2020–2026");
    await seedOidcClients(tx);
    await recordAudit(tx, systemActor, {
      action: "seed.demo-loaded",
      subjectType: "platform",
      details: {
        items: files.items.length,
        departments: departments.length,
        accounts: files.accounts.length,
      },
    });
    return true;
  });
}

async function seedCalendar(
  tx: Tx,
  years: {
    year: number;
    daysOff: { date: string; name: string }[];
    workdays: { date: string; name: string }[];
  }[],
) {
  for (const y of years) {
    await tx
      .insertInto("calendar_notice")
      .values({
        year: y.year,
        title: `${y.year}年部分节假日安排`,
        source: "国务院办公厅通知（chinese-days 数据）",
      })
      .execute();
    const rows = [
      ...y.daysOff.map((d) => ({ ...d, kind: "off" as const, year: y.year })),
      ...y.workdays.map((d) => ({ ...d, kind: "work" as const, year: y.year })),
    ];
    await tx.insertInto("calendar_day").values(rows).execute();
  }
}

/** The demo accounts to print at start: username and what the account is for. */
export async function demoLogins(): Promise<{ username: string; description: string }[]> {
  const { accounts } = await readSeedFiles();
  return accounts.map((a) => ({
    username: a.username,
    description: `${a.displayName}${a.title ? `，${a.title}` : ""}${a.roles.length ? ` (${a.roles.join(", ")})` : ""}`,
  }));
}
