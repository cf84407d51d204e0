import type { Generated } from "kysely";
import type { Nullable, Timestamp } from "./schema.ts";

/** Identity tables added by migration 0002 (columns added to `account`/`session` are in schema.ts). */
export interface IdentityTables {
  company_agent: {
    id: Generated<string>;
    company_id: string;
    agent_id: string;
    scope: string[];
    valid_from: string;
    valid_to: string;
    granted_by: string;
    granted_at: Timestamp;
    revoked_at: Date | null;
  };
  authorisation: {
    id: Generated<string>;
    grantor_id: string;
    agent_id: string;
    item_ref: string | null;
    case_id: string | null;
    purpose: string;
    valid_from: string;
    valid_to: string;
    granted_at: Timestamp;
    revoked_at: Date | null;
  };
  one_time_code: {
    id: Generated<string>;
    purpose: "register" | "login";
    target_index: string;
    code_hash: string;
    created_at: Timestamp;
    expires_at: Date;
    attempts: Generated<number>;
    consumed_at: Date | null;
  };
  notification: {
    id: Generated<string>;
    channel: "sms" | "email" | "site";
    recipient_enc: string;
    recipient_masked: string;
    recipient_index: string;
    template: string;
    body: string;
    created_at: Timestamp;
    sent_at: Date | null;
    /** Migration 0010: when a site message was read, and the case it is about. */
    read_at: Nullable<Date>;
    case_id: Nullable<string>;
  };
  audit_head: {
    id: Generated<boolean>;
    last_id: number;
    last_hash: string;
    row_count: number;
  };
}
