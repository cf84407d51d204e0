import { consistencyRules } from "@tongban/core";
import { z } from "zod";
import { LocalDate } from "../calendar/schemas.ts";
import { ItemContent, ItemDetail } from "./schemas.ts";

const Ref = z.object({ id: z.uuid(), name: z.string() });
const Page = z.coerce.number().int().min(1).max(10_000).default(1);
export const ChangeStatus = z
  .enum(["draft", "legality-review", "consistency-review", "scheduled", "published", "returned", "withdrawn"])
  .meta({ id: "ChangeStatus" });
export const ChangeKind = z.enum(["create", "change", "cancel"]).meta({ id: "ChangeKind" });

export const Finding = z
  .object({
    rule: z.enum(Object.keys(consistencyRules) as [keyof typeof consistencyRules]),
    severity: z.enum(["error", "warning"]),
    itemId: z.string().nullable(),
    ref: z.string().nullable(),
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: "Finding" });

export const ContentChange = z
  .object({
    field: z.string(),
    path: z.string().describe("e.g. materials[m1].forms"),
    label: z.string().describe("Chinese label of the element"),
    kind: z.enum(["added", "removed", "changed"]),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "ContentChange" });

export const Completeness = z
  .object({ score: z.number().int().min(0).max(100), missing: z.array(z.string()) })
  .meta({ id: "Completeness" });

// Items ---------------------------------------------------------------------------------------------
export const CompletenessBand = z.enum(["below-60", "below-80", "complete"]).meta({ id: "CompletenessBand" });
export type CompletenessBand = z.infer<typeof CompletenessBand>;

export const AdminItemQuery = z.object({
  q: z.string().trim().max(50).optional(),
  department: z.uuid().optional(),
  status: z.enum(["active", "cancelled"]).optional(),
  completeness: CompletenessBand.optional().describe(
    "Completeness band: below-60 (< 60), below-80 (< 80) or complete (100)",
  ),
  pending: z
    .enum(["true", "false"])
    .optional()
    .describe("true: only items with an open change request; false: only items without one"),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminItemQuery = z.infer<typeof AdminItemQuery>;

const PendingChange = z.object({ id: z.uuid(), number: z.string(), kind: ChangeKind, status: ChangeStatus });

export const AdminItemPage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        ref: z.string(),
        name: z.string(),
        department: Ref,
        version: z.number().int(),
        status: z.enum(["active", "cancelled"]),
        effectiveFrom: LocalDate,
        pendingChange: PendingChange.nullable(),
        completeness: z.number().int(),
      }),
    ),
    abilities: z.object({ create: z.boolean() }),
  })
  .meta({ id: "AdminItemPage" });

export const Approval = z.object({
  stage: z.enum(["legality", "consistency"]),
  reviewer: Ref,
  decidedAt: z.iso.datetime(),
});

export const AdminItemView = z
  .object({
    item: ItemDetail,
    pendingChange: PendingChange.nullable(),
    versions: z.array(
      z.object({
        version: z.number().int(),
        effectiveFrom: LocalDate,
        publishedAt: z.iso.datetime(),
        publishedBy: Ref.nullable(),
        changeRequestId: z.uuid().nullable(),
        approvals: z.array(Approval),
      }),
    ),
    abilities: z.object({ change: z.boolean(), cancel: z.boolean() }),
  })
  .meta({ id: "AdminItemView" });

export const ItemVersionView = z
  .object({ version: z.number().int(), effectiveFrom: LocalDate, content: ItemContent })
  .meta({ id: "ItemVersion" });

export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export const DiffView = z
  .object({ from: z.number().int(), to: z.number().int(), changes: z.array(ContentChange) })
  .meta({ id: "ItemDiff" });

// Changes ---------------------------------------------------------------------------------------------
export const ChangeAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  withdraw: z.boolean(),
});

export const ChangeView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    kind: ChangeKind,
    status: ChangeStatus,
    item: z.object({ id: z.uuid(), ref: z.string(), name: z.string() }).nullable(),
    ref: z.string().nullable().describe("A create's new item ref"),
    name: z.string().describe("The item's name as proposed (or current, for a cancel)"),
    baseVersion: z.number().int().nullable(),
    content: ItemContent.nullable(),
    effectiveFrom: LocalDate,
    reason: z.string(),
    lawChangedOn: LocalDate.nullable(),
    filingDue: LocalDate.nullable(),
    department: Ref,
    regionCode: z.string(),
    author: Ref.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    publishedVersion: z.number().int().nullable(),
    abilities: ChangeAbilities,
  })
  .meta({ id: "ChangeRequest" });

export const ChangeQuery = z.object({
  status: ChangeStatus.optional(),
  queue: z.enum(["legality", "consistency", "mine"]).optional(),
  page: Page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ChangeQuery = z.infer<typeof ChangeQuery>;

export const ChangePage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(ChangeView.omit({ content: true })),
  })
  .meta({ id: "ChangePage" });

export const Review = z.object({
  stage: z.enum(["legality", "consistency"]),
  decision: z.enum(["approve", "return"]),
  reason: z.string().nullable(),
  reviewer: Ref,
  decidedAt: z.iso.datetime(),
});

export const ChangeDetail = z
  .object({
    change: ChangeView,
    base: z.object({ version: z.number().int(), content: ItemContent }).nullable(),
    changes: z.array(ContentChange),
    findings: z.array(Finding),
    reviews: z.array(Review),
    filingDue: LocalDate.nullable(),
    abilities: ChangeAbilities,
  })
  .meta({ id: "ChangeDetail" });

const Reason = z.string().trim().min(1, "请填写变更理由").max(1000);

export const CreateChangeRequest = z
  .object({
    kind: ChangeKind,
    itemId: z.uuid().nullable().optional(),
    content: ItemContent.nullable().optional(),
    ref: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,59}$/)
      .nullable()
      .optional()
      .describe("A create's new item ref; defaults to the 实施编码 in lower case"),
    effectiveFrom: LocalDate,
    reason: Reason,
    lawChangedOn: LocalDate.nullable().optional(),
  })
  .meta({ id: "CreateChangeRequest" });

export const UpdateChangeRequest = z
  .object({
    content: ItemContent.nullable().optional(),
    effectiveFrom: LocalDate,
    reason: Reason,
    lawChangedOn: LocalDate.nullable().optional(),
  })
  .meta({ id: "UpdateChangeRequest" });

export const ReviewRequest = z
  .object({
    decision: z.enum(["approve", "return"]),
    reason: z.string().trim().max(1000).nullable().optional().describe("Required to return"),
  })
  .meta({ id: "ReviewRequest" });

export const ValidateRequest = z.object({ content: z.unknown() }).meta({ id: "ValidateRequest" });
export const ValidateResponse = z
  .object({
    valid: z.boolean(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    findings: z.array(Finding),
    completeness: Completeness.nullable(),
  })
  .meta({ id: "ValidateResponse" });
