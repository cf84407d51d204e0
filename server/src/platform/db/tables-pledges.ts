import type { PledgeCheckStatus } from "@tongban/core";
import type { ColumnType, Generated } from "kysely";
import type { Json, Nullable, Timestamp } from "./schema.ts";

/** One commitment a pledge check verifies, as it stood at acceptance. */
export interface PledgedMaterial {
  materialId: string;
  name: string;
  pledgeId: string;
}

/** 告知承诺 (migration 0012): commitments that replace proofs, and the post-verification tasks. */
export interface PledgeTables {
  case_pledge: {
    id: Generated<string>;
    case_id: string;
    material_id: string;
    material_name: string;
    text: string;
    pledged_by: string;
    pledged_at: Timestamp;
    withdrawn_at: Nullable<Date>;
    withdrawn_by: Nullable<string>;
  };
  pledge_check: {
    id: Generated<string>;
    case_id: string;
    materials: Json<PledgedMaterial[]>;
    opened_on: string;
    due_on: string;
    status: ColumnType<PledgeCheckStatus, PledgeCheckStatus | undefined, PledgeCheckStatus>;
    note: Nullable<string>;
    resolved_by: Nullable<string>;
    resolved_at: Nullable<Date>;
    created_at: Timestamp;
  };
}
