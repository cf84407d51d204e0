import { z } from "zod";

const Ref = z.object({ id: z.uuid(), name: z.string() });
const Limit = z.object({ days: z.number().int(), unit: z.string(), text: z.string().optional() });

export const Department = z
  .object({ id: z.uuid(), ref: z.string(), name: z.string(), kind: z.string(), itemCount: z.number().int() })
  .meta({ id: "Department" });

export const DepartmentList = z.object({ items: z.array(Department) }).meta({ id: "DepartmentList" });

export const ItemSummary = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    name: z.string(),
    type: z.string(),
    typeCode: z.string(),
    department: Ref,
    audience: z.array(z.string()),
    tags: z.array(z.string()),
    promisedLimit: Limit.nullable(),
    onlineDepth: z.number().int().nullable(),
  })
  .meta({ id: "ItemSummary" });

export const ItemPage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(ItemSummary),
  })
  .meta({ id: "ItemPage" });

export const ItemQuery = z.object({
  department: z.uuid().optional().describe("Implementing department id"),
  q: z.string().trim().max(50).optional().describe("Words in the item name"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

/** The material as stored in item.materials (JSON column), parsed on the way out. */
export const StoredMaterial = z.object({
  name: z.string(),
  form: z.string(),
  required: z.boolean(),
  sourceLicence: z.string().nullable(),
  when: z.string().nullable(),
});

export const Material = z.object({
  name: z.string(),
  form: z.string().describe("原件 / 复印件 / 电子"),
  required: z.boolean(),
  sourceLicence: z.object({ ref: z.string(), name: z.string() }).nullable(),
  when: z.string().nullable().describe("The situation in which the material applies"),
});

export const Fee = z.object({
  charged: z.boolean(),
  amountFen: z.number().int().nullable(),
  text: z.string().nullable(),
  basis: z.string().nullable(),
});

export const ItemDetail = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    name: z.string(),
    type: z.string(),
    typeCode: z.string(),
    basicCode: z.string(),
    implementationCode: z.string(),
    department: Ref,
    audience: z.array(z.string()),
    themes: z.array(z.string()),
    tags: z.array(z.string()),
    legalBasis: z.array(z.object({ law: z.string(), article: z.string().nullable() })),
    conditions: z.array(z.string()),
    materials: z.array(Material),
    situations: z.array(z.object({ question: z.string(), options: z.array(z.string()) })),
    statutoryLimit: Limit.nullable(),
    promisedLimit: Limit.nullable(),
    fee: Fee,
    onlineDepth: z.number().int().nullable(),
    maxVisits: z.number().int().nullable(),
    delegations: z
      .array(z.object({ place: Ref, validFrom: z.string(), validTo: z.string().nullable() }))
      .describe("Township and village places that accept this item today (委托受理): apply nearby"),
  })
  .meta({ id: "ItemDetail" });
export type ItemDetail = z.infer<typeof ItemDetail>;
