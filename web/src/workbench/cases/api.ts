import type { CaseStatus } from "@tongban/core";
import { api, query } from "../../api/client.ts";
import type { Page } from "../../cases/api.ts";
import type { Channel } from "../../cases/case-types.ts";
import type { Queue } from "./queue-filter.ts";

/** One row of a workbench queue; the applicant's name arrives masked. */
export interface QueueRow {
  id: string;
  number: string | null;
  itemName: string;
  applicantName: string;
  channel: Channel;
  status: CaseStatus;
  statusName: string;
  submittedAt: string | null;
  dueOn: string | null;
  left: number | null;
  overdue: boolean;
}

/** A walk-in applicant found by mobile or 公民身份号码 (identifiers masked). */
export interface ApplicantMatch {
  id: string;
  name: string;
  kind: string;
  mobileMasked: string | null;
}

/** One page of a queue, scoped by the server to the staff member's region and department. */
export function listQueue(
  filter: { queue: Queue; item?: string; channel?: Channel; page: number },
  signal?: AbortSignal,
): Promise<Page<QueueRow>> {
  return api(`/api/workbench/cases${query({ ...filter })}`, { signal });
}

/** Finds the account of a walk-in applicant for window intake. */
export function findApplicants(
  by: { mobile: string } | { citizenId: string },
  signal?: AbortSignal,
): Promise<{ items: ApplicantMatch[] }> {
  return api(`/api/workbench/applicants${query({ ...by })}`, { signal });
}
