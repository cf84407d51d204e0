import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ItemContentSchema } from "@tongban/core";
import { z } from "zod";

/** The project's own demo data, converted once from the reference catalog (server/scripts/convert-reference.ts). */
export const seedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seed");

export const SeedRegion = z.object({
  code: z.string().regex(/^\d{6}(\d{6})?$/),
  name: z.string(),
  level: z.enum(["province", "city", "county", "township", "village"]),
  parentCode: z.string().nullable(),
});

export const SeedDepartment = z.object({
  ref: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: z.string(),
  creditCode: z.string().length(18),
  regionCode: z.string(),
});

/** A demo item: its ItemContent less the ids only the database knows (department and windows). */
export const SeedItem = z.object({
  ref: z.string().regex(/^[a-z0-9-]+$/),
  departmentRef: z.string(),
  confidence: z.enum(["checked", "unverified"]),
  content: ItemContentSchema.omit({ departmentId: true, windowIds: true }),
});
export type SeedItem = z.infer<typeof SeedItem>;

export const SeedLicenceType = z.object({
  ref: z.string(),
  name: z.string(),
  issuerDepartmentRef: z.string().nullable(),
  holder: z.string(),
  validity: z.string().nullable().optional(),
  fields: z.array(z.string()).default([]),
});

export const SeedBundle = z.object({
  ref: z.string(),
  name: z.string(),
  audience: z.array(z.string()).default([]),
  itemRefs: z.array(z.string()),
  note: z.string().nullable().optional(),
});

export const SeedAccount = z.object({
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(["staff", "citizen", "company"]),
  roles: z.array(z.string()).default([]),
  regionCode: z.string().nullable().optional(),
  departmentRef: z.string().nullable().optional(),
  title: z.string().optional(),
  mobile: z.string().optional(),
  citizenId: z.string().optional(),
  creditCode: z.string().optional(),
  legalRepresentativeUsername: z.string().optional(),
  /** Staff: the name of the service place they work at (places.json). */
  place: z.string().optional(),
});
export type SeedAccount = z.infer<typeof SeedAccount>;

const SeedAccounts = z.object({ demoPassword: z.string(), accounts: z.array(SeedAccount) });

async function readSeed<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(path.join(seedDir, file), "utf8");
  return z.array(schema).parse(JSON.parse(text));
}

/** Reads and validates every seed file. */
export async function readSeedFiles() {
  const [regions, departments, items, licenceTypes, bundles, accountFile] = await Promise.all([
    readSeed("regions.json", SeedRegion),
    readSeed("departments.json", SeedDepartment),
    readSeed("items.json", SeedItem),
    readSeed("licence-types.json", SeedLicenceType),
    readSeed("bundles.json", SeedBundle),
    readFile(path.join(seedDir, "accounts.json"), "utf8").then((t) => SeedAccounts.parse(JSON.parse(t))),
  ]);
  return { regions, departments, items, licenceTypes, bundles, accounts: accountFile.accounts };
}
