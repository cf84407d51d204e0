import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Tx } from "../../platform/db/database.ts";
import { seedDir } from "../../seed/seed-files.ts";
import { LocalDate } from "../calendar/schemas.ts";
import { parseWeeklyText } from "./opening-hours.ts";
import { findRegion } from "./queries.ts";
import {
  delegationViolations,
  placeKindFor,
  placeViolations,
  type Violation,
  windowKinds,
  windowViolations,
} from "./rules.ts";

const Hours = z.string().transform((text, ctx) => {
  const parsed = parseWeeklyText(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.periods;
});

const SeedPlaces = z.object({
  places: z.array(
    z.object({
      regionCode: z.string(),
      name: z.string(),
      address: z.string(),
      phone: z.string().nullable(),
      hours: Hours,
      notes: z.array(z.string()),
      windows: z.array(
        z.object({
          number: z.string(),
          name: z.string(),
          kind: z.enum(windowKinds),
          departmentRef: z.string().nullable().default(null),
          hours: Hours.nullable().default(null),
          active: z.boolean().default(true),
        }),
      ),
    }),
  ),
});

const SeedDelegations = z.object({
  delegations: z.array(
    z.object({
      itemRef: z.string(),
      place: z.string(),
      validFrom: LocalDate,
      validTo: LocalDate.nullable(),
      note: z.string().nullable(),
    }),
  ),
});

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(JSON.parse(await readFile(path.join(seedDir, file), "utf8")));
}

function assertSeedValid(what: string, violations: Violation[]): void {
  if (violations.length > 0) {
    throw new Error(`seed ${what}: ${violations.map((v) => `${v.code} ${v.message}`).join("; ")}`);
  }
}

/**
 * Loads the demo city's service places, their windows and the delegations of township-suitable items
 * (server/seed/places.json, delegations.json) inside the demo seeding transaction. The seed obeys the
 * same rules as the API: a file that breaks one stops the seeding with the reason.
 */
export async function seedOrganisations(
  tx: Tx,
  refs: { departmentId: ReadonlyMap<string, string> },
): Promise<{ places: number; windows: number; delegations: number }> {
  const [{ places }, { delegations }] = await Promise.all([
    readJson("places.json", SeedPlaces),
    readJson("delegations.json", SeedDelegations),
  ]);
  const placeByName = new Map<
    string,
    { id: string; name: string; kind: ReturnType<typeof placeKindFor>; region_code: string }
  >();
  let windowCount = 0;
  for (const place of places) {
    const region = await findRegion(tx, place.regionCode);
    // The seed's own dates are fixed, so the check does not depend on the day it runs.
    assertSeedValid(place.name, placeViolations({ ...place, kind: undefined, region, today: "2025-01-01" }));
    if (!region) throw new Error(`seed place ${place.name}: no region ${place.regionCode}`);
    const kind = placeKindFor(region.level);
    const row = await tx
      .insertInto("service_place")
      .values({
        name: place.name,
        kind,
        region_code: place.regionCode,
        address: place.address,
        phone: place.phone,
        opening_hours: JSON.stringify({ periods: place.hours, notes: place.notes }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    placeByName.set(place.name, { id: row.id, name: place.name, kind, region_code: place.regionCode });
    for (const window of place.windows) {
      const departmentId = window.departmentRef ? refs.departmentId.get(window.departmentRef) : null;
      if (departmentId === undefined)
        throw new Error(`seed window ${window.name}: no department ${window.departmentRef}`);
      assertSeedValid(
        `${place.name} ${window.number}`,
        windowViolations({ kind: window.kind, departmentId }),
      );
      await tx
        .insertInto("service_window")
        .values({
          place_id: row.id,
          number: window.number,
          name: window.name,
          kind: window.kind,
          department_id: departmentId,
          opening_hours: window.hours ? JSON.stringify({ periods: window.hours, notes: [] }) : null,
          is_active: window.active,
        })
        .execute();
      windowCount++;
    }
  }

  const items = await tx.selectFrom("item").select(["id", "ref", "department_id"]).execute();
  const itemByRef = new Map(items.map((i) => [i.ref, i]));
  for (const d of delegations) {
    const item = itemByRef.get(d.itemRef);
    const place = placeByName.get(d.place);
    if (!item || !place) throw new Error(`seed delegation ${d.itemRef} → ${d.place}: unknown item or place`);
    const department = await tx
      .selectFrom("department")
      .innerJoin("region", "region.code", "department.region_code")
      .select(["department.id", "department.name", "department.region_code", "region.level"])
      .where("department.id", "=", item.department_id)
      .executeTakeFirstOrThrow();
    assertSeedValid(
      `${d.itemRef} → ${d.place}`,
      delegationViolations({ item, department, place, validFrom: d.validFrom, validTo: d.validTo }),
    );
    await tx
      .insertInto("delegation")
      .values({
        item_id: item.id,
        department_id: department.id,
        place_id: place.id,
        valid_from: d.validFrom,
        valid_to: d.validTo,
        note: d.note,
      })
      .execute();
  }
  return { places: places.length, windows: windowCount, delegations: delegations.length };
}
