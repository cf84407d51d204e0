import type { CaseStatus, FormValues } from "@tongban/core";
import type { ColumnType, Generated } from "kysely";
import type { Json, Nullable, Timestamp } from "./schema.ts";

/** A local date column (Asia/Shanghai), read and written as `YYYY-MM-DD`. */
type DateColumn = Nullable<string>;

/** Case processing (migration 0008): cases (办件), their timeline, materials and number sequences. */
export interface CaseTables {
  cases: {
    id: Generated<string>;
    number: Nullable<string>;
    query_code: Nullable<string>;
    item_id: string;
    item_version: number;
    applicant_id: string;
    acted_by_id: Nullable<string>;
    channel: CaseChannel;
    status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
    outcome: Nullable<"approved" | "rejected">;
    answers: Json<Record<string, string>>;
    form: Json<CaseForm>;
    department_id: string;
    region_code: string;
    place_id: Nullable<string>;
    accepted_on: DateColumn;
    due_on: DateColumn;
    statutory_due_on: DateColumn;
    suspended_since: DateColumn;
    extension_days: Generated<number>;
    pending_due_on: DateColumn;
    delivery: ColumnType<CaseDelivery | null, string | null | undefined, string | null>;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_at: Nullable<Date>;
    completed_at: Nullable<Date>;
  };
  case_event: {
    id: Generated<number>;
    case_id: string;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: string | null;
    on_behalf_of_id: string | null;
    channel: string;
    comment: string | null;
    details: Json<Record<string, unknown>>;
    at: Timestamp;
  };
  case_material: {
    id: Generated<string>;
    case_id: string;
    material_id: string;
    sha256: string;
    name: string;
    media_type: string;
    size: number;
    uploaded_by: string | null;
    uploaded_at: Timestamp;
    superseded_at: Nullable<Date>;
  };
  case_sequence: {
    implementation_code: string;
    day: string;
    last: number;
  };
}

/** Where an application came in (申请渠道). */
export type CaseChannel = "web" | "mobile" | "window" | "hotline" | "kiosk" | "api";

/**
 * The application form's values by field id, as the pinned version's form (申请表) defines them; every
 * form has `contactName` and `contactPhone`, filled once the case is submitted.
 */
export type CaseForm = FormValues;

/** How the result reaches the applicant (送达). */
export interface CaseDelivery {
  method: "electronic" | "pickup" | "mail";
  /** Pickup: the window the result is collected at. */
  window?: string | null;
  /** Mail: recipient, phone, postal address, carrier and tracking number (运单号). */
  recipient?: string | null;
  phone?: string | null;
  address?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
}
