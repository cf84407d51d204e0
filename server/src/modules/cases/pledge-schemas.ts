import { pledgeCheckStatuses } from "@tongban/core";
import { z } from "zod";

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Person = z.object({ id: z.uuid(), name: z.string() });

export const PledgeParams = z.object({ id: z.uuid(), materialId: z.string().min(1).max(40) });
export const PledgeRequest = z.object({ materialId: z.string().min(1).max(40) });

export const PledgeCheck = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(pledgeCheckStatuses),
  statusName: z.string(),
  materials: z.array(z.object({ materialId: z.string(), name: z.string() })),
  openedOn: localDate,
  dueOn: localDate,
  note: z.string().nullable(),
  resolvedBy: Person.nullable(),
  resolvedAt: z.string().nullable(),
});

export const CasePledges = z.object({
  /** The item practises 告知承诺 (tag "pledge"). */
  offered: z.boolean(),
  /** The viewer may pledge or withdraw now (draft or correction, as applicant or filing clerk). */
  mayPledge: z.boolean(),
  materials: z.array(
    z.object({
      materialId: z.string(),
      name: z.string(),
      pledged: z.boolean(),
      text: z.string().describe("The commitment the applicant agrees to by pledging"),
    }),
  ),
  pledges: z.array(
    z.object({
      id: z.uuid(),
      materialId: z.string(),
      name: z.string(),
      text: z.string(),
      pledgedBy: Person,
      pledgedAt: z.string(),
    }),
  ),
  check: PledgeCheck.nullable(),
});
export type CasePledges = z.infer<typeof CasePledges>;

export const PledgeCheckQuery = z.object({
  filter: z.enum(["open", "overdue", "all"]).default("open"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const PledgeCheckPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    PledgeCheck.extend({
      caseNumber: z.string().nullable(),
      itemName: z.string(),
      applicantName: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export const PledgeCheckParams = z.object({ id: z.uuid() });
export const ResolvePledgeCheckRequest = z.object({
  result: z.enum(["verified", "failed"]),
  note: z.string().max(2000),
});
