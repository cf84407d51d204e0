import { audiences, featureTags, ItemContentSchema, itemTypes, themes } from "@tongban/core";
import { z } from "zod";
import { OpeningHours } from "../organisations/opening-hours.ts";
import { WindowKind } from "../organisations/schemas.ts";

const Ref = z.object({ id: z.uuid(), name: z.string() });
const keysOf = <T extends Record<string, unknown>>(table: T) =>
  z.enum(Object.keys(table) as [keyof T & string, ...(keyof T & string)[]]);
const allThemes = [...themes.citizen, ...themes.company] as [string, ...string[]];

/** The whole item document (core/src/catalog/item-content.ts), named once in the OpenAPI document. */
export const ItemContent = ItemContentSchema.meta({ id: "ItemContent" });
export const TimeLimit = ItemContentSchema.shape.promisedLimit;
export const ItemType = keysOf(itemTypes).meta({ id: "ItemType" });
export const FeatureTag = keysOf(featureTags).meta({ id: "FeatureTag" });
export const Audience = keysOf(audiences).meta({ id: "Audience" });
export const Theme = z.enum(allThemes).meta({ id: "Theme" });

export const Department = z
  .object({ id: z.uuid(), ref: z.string(), name: z.string(), kind: z.string(), itemCount: z.number().int() })
  .meta({ id: "Department" });

export const DepartmentList = z.object({ items: z.array(Department) }).meta({ id: "DepartmentList" });

export const ItemSummary = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    name: z.string(),
    type: ItemType,
    typeName: z.string().describe("事项类型, e.g. 行政许可"),
    typeCode: z.string().describe("GB/T 39046 A.1 code"),
    department: Ref,
    regionCode: z.string(),
    audience: z.array(Audience),
    themes: z.array(z.string()),
    tags: z.array(FeatureTag),
    processing: z.enum(["immediate", "promised"]),
    promisedLimit: TimeLimit,
    onlineDepth: z.number().int(),
    maxVisits: z.number().int(),
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
  q: z.string().trim().max(50).optional().describe("Words in the item name"),
  department: z.uuid().optional().describe("Implementing department id"),
  region: z
    .string()
    .regex(/^\d{6}(\d{6})?$/)
    .optional()
    .describe("Region code: items of departments in this region or below"),
  theme: Theme.optional().describe("Life event or company lifecycle stage"),
  audience: Audience.optional(),
  tag: FeatureTag.optional(),
  type: ItemType.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

export const ItemWindow = z
  .object({
    id: z.uuid(),
    number: z.string(),
    name: z.string(),
    kind: WindowKind,
    openingHours: OpeningHours.nullable().describe("Null: the window keeps its place's hours"),
    place: z.object({
      id: z.uuid(),
      name: z.string(),
      address: z.string(),
      phone: z.string().nullable(),
      openingHours: OpeningHours,
    }),
  })
  .meta({ id: "ItemWindow" });

export const ItemDetail = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    version: z.number().int(),
    effectiveFrom: z.string().describe("Local date the shown version took effect"),
    status: z.enum(["active", "cancelled"]),
    department: Ref,
    region: z.object({ code: z.string(), name: z.string() }),
    content: ItemContent,
    licenceTypes: z
      .record(z.string(), z.string())
      .describe("Names of the licence types the content refers to (免证办), by ref"),
    windows: z.array(ItemWindow).describe("Where to apply in person, with address and hours"),
    delegations: z
      .array(z.object({ place: Ref, validFrom: z.string(), validTo: z.string().nullable() }))
      .describe("Township and village places that accept this item today (委托受理): apply nearby"),
  })
  .meta({ id: "ItemDetail" });
export type ItemDetail = z.infer<typeof ItemDetail>;

export const CatalogFacets = z
  .object({
    departments: z.array(z.object({ id: z.uuid(), name: z.string(), itemCount: z.number().int() })),
    themes: z.array(z.object({ theme: z.string(), audience: Audience, itemCount: z.number().int() })),
    tags: z.array(z.object({ tag: FeatureTag, itemCount: z.number().int() })),
    types: z.array(z.object({ type: ItemType, name: z.string(), itemCount: z.number().int() })),
  })
  .meta({ id: "CatalogFacets" });
