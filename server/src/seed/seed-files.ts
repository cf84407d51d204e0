import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

const Limit = z.object({ days: z.number().int(), unit: z.string(), text: z.string().optional() }).nullable();

export const SeedItem = z.object({
  ref: z.string(),
  name: z.string(),
  typeName: z.string(),
  typeCode: z.string(),
  basicCode: z.string(),
  implementationCode: z.string(),
  departmentRef: z.string(),
  audience: z.array(z.string()),
  themes: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  legalBasis: z.array(z.object({ law: z.string(), article: z.string().nullable().optional() })).default([]),
  conditions: z.array(z.string()).default([]),
  materials: z
    .array(
      z.object({
        name: z.string(),
        form: z.string(),
        required: z.boolean(),
        licenceTypeRef: z.string().nullable().optional(),
        when: z.string().nullable().optional(),
      }),
    )
    .default([]),
  situations: z.array(z.object({ question: z.string(), options: z.array(z.string()) })).default([]),
  statutoryLimit: Limit.optional(),
  promisedLimit: Limit.optional(),
  fee: z
    .object({
      charged: z.boolean(),
      amountFen: z.number().int().nullable().optional(),
      text: z.string().nullable().optional(),
      basis: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  onlineDepth: z.number().int().min(1).max(4).nullable().optional(),
  maxVisits: z.number().int().min(0).nullable().optional(),
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
