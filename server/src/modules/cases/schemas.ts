import { caseActionKeys, caseOutcomes, caseStatuses, FormValuesSchema, ItemForm } from "@tongban/core";
import { z } from "zod";
import { Delivery } from "./delivery.ts";
import { caseDocumentKinds } from "./documents/kinds.ts";

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const statusEnum = z.enum(caseStatuses);
const actionEnum = z.enum(caseActionKeys as [string, ...string[]]);

/** Form values by field id; the pinned version's form (申请表) decides which fields and types are right. */
export const CaseForm = FormValuesSchema.describe(
  "Application form values by field id (the item version's form): text, number, boolean or null",
);

const Answers = z.record(z.string().max(40), z.string().max(200));

export const CreateCaseRequest = z.object({
  itemId: z.uuid(),
  answers: Answers.default({}),
  form: CaseForm.default({}).describe(
    "Values given so far; empty prefill fields are filled from the profile",
  ),
  channel: z
    .enum(["web", "mobile"])
    .optional()
    .describe("Applicants only; window filings are always 'window'"),
  applicant: z
    .object({ accountId: z.uuid() })
    .optional()
    .describe("Window intake: the walk-in applicant's account (window clerks only)"),
});

export const UpdateCaseRequest = z.object({ answers: Answers.optional(), form: CaseForm.optional() });

export const PrefillQuery = z.object({
  itemId: z.uuid(),
  applicantId: z.uuid().optional().describe("Window intake: the walk-in applicant's account"),
});
export const PrefillResponse = z.object({
  form: CaseForm.describe("The prefill fields' values from the applicant's verified profile"),
});

export const ActionRequest = z.object({
  comment: z.string().max(2000).nullish(),
  reason: z.string().max(2000).nullish(),
  materials: z
    .array(z.object({ materialId: z.string().max(40), problem: z.string().max(500) }))
    .max(50)
    .optional(),
  days: z.number().int().min(1).max(3650).optional(),
  dueDate: localDate.optional(),
  outcome: z.enum(caseOutcomes).optional(),
  delivery: Delivery.optional(),
  fees: z
    .array(z.number().int().min(0).max(99))
    .max(20)
    .optional()
    .describe(
      "Approving an item with several charged fees: the positions (GET /api/cases/{id}/payment) that apply",
    ),
  target: z
    .union([z.strictObject({ placeId: z.uuid() }), z.strictObject({ departmentId: z.uuid() })])
    .optional()
    .describe("转办 (reassign): the service place or the implementing department the case is sent to"),
});

export const CaseParams = z.object({ id: z.uuid() });
export const ActionParams = z.object({ id: z.uuid(), action: actionEnum });
export const FileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const UploadQuery = z.object({
  materialId: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
});
export const UploadBody = z.unknown().meta({ format: "binary", description: "The file's bytes" });
export const FileBytes = z.string().meta({ format: "binary", description: "The file's bytes" });

export const CaseMaterial = z.object({
  id: z.uuid(),
  materialId: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const CaseEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  actionName: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  onBehalfOfId: z.string().nullable(),
  channel: z.string(),
  comment: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const ClockResult = z.object({
  due: localDate.nullable(),
  provisional: z.boolean(),
  used: z.number().int(),
  left: z.number().int().nullable(),
  overdue: z.boolean(),
  stopped: z.boolean(),
});

const NoticeItem = z.object({ materialId: z.string(), name: z.string(), problem: z.string() });
const ChecklistMaterial = z.object({
  id: z.string(),
  name: z.string(),
  required: z.boolean(),
  addedBy: z.string().nullable(),
});

/** 秒批: the latest evaluation of the item's rules, each with its description and why it passed or failed. */
const InstantOutcome = z.object({
  passed: z.boolean().describe("true: completed by 秒批; false: the case went to people"),
  at: z.string(),
  rules: z.array(
    z.object({
      rule: z.looseObject({ kind: z.string() }),
      passed: z.boolean(),
      description: z.string(),
      detail: z.string(),
    }),
  ),
});

export const CaseDetail = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  queryCode: z.string().nullable(),
  status: statusEnum,
  statusName: z.string(),
  outcome: z.enum(caseOutcomes).nullable(),
  channel: z.string(),
  item: z.object({ id: z.uuid(), name: z.string(), version: z.number().int(), department: z.string() }),
  applicant: z.object({ id: z.uuid(), name: z.string() }),
  actedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  answers: z.record(z.string(), z.string()),
  form: z.record(z.string(), z.unknown()),
  itemForm: ItemForm.describe("The pinned version's application form (申请表): sections, fields, labels"),
  checklist: z.object({
    materials: z.array(ChecklistMaterial),
    conditions: z.array(z.string()),
    unanswered: z.array(z.string()),
  }),
  materials: z.array(CaseMaterial),
  notice: z.object({ items: z.array(NoticeItem), at: z.string(), dueDate: localDate.nullable() }).nullable(),
  acceptedOn: localDate.nullable(),
  pendingDueOn: localDate.nullable(),
  delivery: Delivery.nullable(),
  events: z.array(CaseEvent),
  clock: z.object({ promised: ClockResult, statutory: ClockResult }),
  abilities: z.record(z.string(), z.boolean()),
  instant: InstantOutcome.nullable(),
  documents: z
    .array(z.object({ kind: z.enum(caseDocumentKinds), name: z.string() }))
    .describe("PDF documents the case has reached: GET /api/cases/{id}/documents/{kind}"),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseListQuery = z.object({
  status: statusEnum.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  itemName: z.string(),
  status: statusEnum,
  statusName: z.string(),
  channel: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  dueOn: localDate.nullable(),
});
export const CasePage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(CaseSummary),
});

export const ProgressQuery = z.object({
  number: z.string().min(1).max(60),
  queryCode: z.string().min(1).max(20),
});
export const Progress = z.object({
  number: z.string(),
  itemName: z.string(),
  status: statusEnum,
  statusName: z.string(),
  events: z.array(z.object({ action: z.string(), statusName: z.string(), at: z.string() })),
  tracking: z
    .object({ carrier: z.string(), number: z.string() })
    .nullable()
    .describe("邮寄送达: the parcel's carrier and tracking number"),
});

export const WorkbenchQuery = z.object({
  queue: z.enum(["precheck", "review", "decide", "due-soon", "overdue", "all"]).default("all"),
  item: z.uuid().optional(),
  department: z.uuid().optional(),
  channel: z.enum(["web", "mobile", "window", "hotline", "kiosk", "api"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const WorkbenchPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.string().nullable(),
      itemName: z.string(),
      applicantName: z.string(),
      channel: z.string(),
      status: statusEnum,
      statusName: z.string(),
      submittedAt: z.string().nullable(),
      dueOn: localDate.nullable(),
      left: z.number().int().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

export const ApplicantQuery = z
  .object({
    mobile: z
      .string()
      .regex(/^1[3-9]\d{9}$/)
      .optional(),
    citizenId: z.string().max(18).optional(),
  })
  .refine((q) => q.mobile || q.citizenId, { message: "mobile or citizenId" });
export const ApplicantMatch = z.object({
  items: z.array(
    z.object({ id: z.uuid(), kind: z.string(), name: z.string(), mobileMasked: z.string().nullable() }),
  ),
});
