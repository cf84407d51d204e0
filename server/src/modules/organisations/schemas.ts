import { z } from "zod";
import { LocalDate } from "../calendar/schemas.ts";
import { OpeningHours } from "./opening-hours.ts";
import { patterns, placeKinds, regionLevels, windowKinds } from "./rules.ts";

export const RegionCode = z
  .string()
  .regex(/^\d{6}(\d{6})?$/, "区划代码应为 6 位或 12 位数字")
  .meta({ example: "320213021000" });
const Name = z.string().trim().min(1, "请填写名称").max(100);
const Ref = z.object({ id: z.uuid(), name: z.string() });
const RegionRef = z.object({ code: z.string(), name: z.string() });
export const PlaceKind = z.enum(placeKinds).meta({ id: "PlaceKind" });
export const WindowKind = z.enum(windowKinds).meta({ id: "WindowKind" });
const Phone = z.string().trim().regex(patterns.phone, "电话号码格式不正确").nullable();

// Regions ------------------------------------------------------------------------------------------
export const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(regionLevels),
    parentCode: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    isAbolished: z.boolean().describe("valid_to lies in the past; the code stays meaningful for old records"),
    placeKind: PlaceKind.describe("The kind of service place this region's level gets"),
    placeNameSuffix: z.string().describe("The standard suffix of that kind's names"),
    abilities: z.object({
      update: z.boolean(),
      createChild: z.boolean(),
      delete: z.boolean(),
      createInside: z.boolean().describe("May place departments and service places in this region"),
    }),
  })
  .meta({ id: "Region" });

export const RegionList = z
  .object({ items: z.array(Region).describe("Depth-first: every parent before its children") })
  .meta({ id: "RegionList" });

export const CreateRegionRequest = z
  .object({
    code: RegionCode,
    name: Name.max(50),
    parentCode: RegionCode.nullable(),
    validFrom: LocalDate.nullable().default(null),
    validTo: LocalDate.nullable().default(null),
  })
  .meta({ id: "CreateRegionRequest" });
export type CreateRegionRequest = z.infer<typeof CreateRegionRequest>;

export const UpdateRegionRequest = z
  .object({ name: Name.max(50), validFrom: LocalDate.nullable(), validTo: LocalDate.nullable() })
  .partial()
  .meta({ id: "UpdateRegionRequest" });
export type UpdateRegionRequest = z.infer<typeof UpdateRegionRequest>;

// Departments --------------------------------------------------------------------------------------
export const DepartmentView = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    name: z.string(),
    kind: z.string(),
    creditCode: z.string().nullable(),
    region: RegionRef,
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "OrganisationDepartment" });

export const DepartmentList = z
  .object({ items: z.array(DepartmentView), abilities: z.object({ create: z.boolean() }) })
  .meta({ id: "OrganisationDepartmentList" });

export const DepartmentQuery = z.object({
  q: z.string().trim().max(50).optional().describe("Words in the name or the credit code"),
  regionCode: RegionCode.optional().describe("Departments in this region and below"),
});

const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .nullable();

export const CreateDepartmentRequest = z
  .object({
    ref: z
      .string()
      .regex(patterns.departmentRef, "标识只能包含小写字母、数字和连字符")
      .optional()
      .describe("Stable reference for seeds and imports; made from the credit code when omitted"),
    name: Name,
    kind: z.string().trim().min(1, "请填写部门类别").max(20),
    creditCode: CreditCode.default(null),
    regionCode: RegionCode,
  })
  .meta({ id: "CreateDepartmentRequest" });
export type CreateDepartmentRequest = z.infer<typeof CreateDepartmentRequest>;

export const UpdateDepartmentRequest = z
  .object({
    name: Name,
    kind: z.string().trim().min(1).max(20),
    creditCode: CreditCode,
    regionCode: RegionCode,
  })
  .partial()
  .meta({ id: "UpdateDepartmentRequest" });
export type UpdateDepartmentRequest = z.infer<typeof UpdateDepartmentRequest>;

// Places and windows -------------------------------------------------------------------------------
export const WindowView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    name: z.string(),
    kind: WindowKind,
    department: Ref.nullable(),
    openingHours: OpeningHours.nullable().describe("Null: the window keeps the place's hours"),
    isActive: z.boolean(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "Window" });

const PlaceFields = {
  id: z.uuid(),
  name: z.string(),
  kind: PlaceKind,
  region: RegionRef,
  address: z.string(),
  phone: z.string().nullable(),
  windowCount: z.number().int(),
  abilities: z.object({ update: z.boolean(), addWindow: z.boolean() }),
};

export const PlaceSummary = z.object(PlaceFields).meta({ id: "PlaceSummary" });

export const PlacePage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(PlaceSummary),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: "PlacePage" });

export const PlaceDetail = z
  .object({ ...PlaceFields, openingHours: OpeningHours, windows: z.array(WindowView) })
  .meta({ id: "Place" });

export const PlaceQuery = z.object({
  q: z.string().trim().max(50).optional().describe("Words in the name or address"),
  regionCode: RegionCode.optional().describe("Places in this region and below"),
  kind: PlaceKind.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PlaceQuery = z.infer<typeof PlaceQuery>;

export const PlaceOptions = z
  .object({
    items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: PlaceKind, regionCode: z.string() })),
  })
  .meta({ id: "PlaceOptions" });

export const CreatePlaceRequest = z
  .object({
    name: Name,
    kind: PlaceKind.optional().describe("Follows the region's level; checked when given"),
    regionCode: RegionCode,
    address: z.string().trim().min(1, "请填写地址").max(200),
    phone: Phone.default(null),
    openingHours: OpeningHours,
  })
  .meta({ id: "CreatePlaceRequest" });
export type CreatePlaceRequest = z.infer<typeof CreatePlaceRequest>;

export const UpdatePlaceRequest = z
  .object({
    name: Name,
    regionCode: RegionCode,
    address: z.string().trim().min(1).max(200),
    phone: Phone,
    openingHours: OpeningHours,
  })
  .partial()
  .meta({ id: "UpdatePlaceRequest" });
export type UpdatePlaceRequest = z.infer<typeof UpdatePlaceRequest>;

const WindowNumber = z
  .string()
  .trim()
  .min(1, "请填写窗口编号")
  .regex(patterns.windowNumber, "窗口编号为不超过 20 位的字母、数字和连字符");

export const CreateWindowRequest = z
  .object({
    number: WindowNumber,
    name: Name.max(50),
    kind: WindowKind,
    departmentId: z.uuid().nullable().default(null),
    openingHours: OpeningHours.nullable().default(null),
    isActive: z.boolean().default(true),
  })
  .meta({ id: "CreateWindowRequest" });
export type CreateWindowRequest = z.infer<typeof CreateWindowRequest>;

export const UpdateWindowRequest = z
  .object({
    number: WindowNumber,
    name: Name.max(50),
    kind: WindowKind,
    departmentId: z.uuid().nullable(),
    openingHours: OpeningHours.nullable(),
    isActive: z.boolean(),
  })
  .partial()
  .meta({ id: "UpdateWindowRequest" });
export type UpdateWindowRequest = z.infer<typeof UpdateWindowRequest>;

// Delegation ---------------------------------------------------------------------------------------
export const DelegationStatus = z.enum(["scheduled", "active", "expired", "revoked"]);
export type DelegationStatus = z.infer<typeof DelegationStatus>;

export const DelegationView = z
  .object({
    id: z.uuid(),
    item: z.object({ id: z.uuid(), ref: z.string(), name: z.string() }),
    department: Ref,
    place: z.object({ id: z.uuid(), name: z.string(), regionCode: z.string() }),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    note: z.string().nullable(),
    status: DelegationStatus,
    revokedAt: z.iso.datetime().nullable(),
    revokeReason: z.string().nullable(),
    abilities: z.object({ revoke: z.boolean() }),
  })
  .meta({ id: "Delegation" });

export const DelegationList = z
  .object({ items: z.array(DelegationView), abilities: z.object({ create: z.boolean() }) })
  .meta({ id: "DelegationList" });

export const DelegationQuery = z.object({
  itemId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  status: DelegationStatus.optional(),
});
export type DelegationQuery = z.infer<typeof DelegationQuery>;

export const CreateDelegationRequest = z
  .object({
    itemId: z.uuid(),
    placeId: z.uuid(),
    departmentId: z.uuid().optional().describe("The delegating department; the item's own when omitted"),
    validFrom: LocalDate,
    validTo: LocalDate.nullable().default(null),
    note: z.string().trim().max(200).nullable().default(null),
  })
  .meta({ id: "CreateDelegationRequest" });
export type CreateDelegationRequest = z.infer<typeof CreateDelegationRequest>;

export const RevokeDelegationRequest = z
  .object({ reason: z.string().trim().min(1, "请填写撤销原因").max(200) })
  .meta({ id: "RevokeDelegationRequest" });

// Import -------------------------------------------------------------------------------------------
export const ImportRequest = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    format: z.enum(["json", "xlsx"]),
    content: z.string().min(1).describe("The JSON text, or the .xlsx file in base64"),
  })
  .meta({ id: "OrganisationImportRequest" });
export type ImportRequest = z.infer<typeof ImportRequest>;

const Counts = z.object({ created: z.number().int(), updated: z.number().int() });
export const ImportResult = z
  .object({ regions: Counts, departments: Counts, places: Counts, windows: Counts })
  .meta({ id: "OrganisationImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;
