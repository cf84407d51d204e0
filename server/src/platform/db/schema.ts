import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { CaseTables } from "./tables-cases.ts";
import type { CatalogTables } from "./tables-catalog.ts";
import type { IdentityTables } from "./tables-identity.ts";
import type { OidcTables } from "./tables-oidc.ts";
import type { OrganisationTables } from "./tables-organisations.ts";
import type { PaymentTables } from "./tables-payments.ts";
import type { PledgeTables } from "./tables-pledges.ts";

/** Written from server/migrations/*.sql; a migration that changes a table changes its type here too. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
/** A nullable column that inserts may leave out. */
export type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_kind: "staff" | "citizen" | "company" | "system" | "anonymous";
  on_behalf_of: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  request_id: string | null;
  details: Json<unknown>;
  prev_hash: string | null;
  hash: string | null;
}

export interface RegionTable {
  code: string;
  name: string;
  level: "province" | "city" | "county" | "township" | "village";
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface DepartmentTable {
  id: Generated<string>;
  ref: string;
  name: string;
  kind: string;
  credit_code: string | null;
  region_code: string;
}

export interface AccountTable {
  id: Generated<string>;
  kind: "staff" | "citizen" | "company";
  username: Nullable<string>;
  display_name: string;
  password_hash: string;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  region_code: Nullable<string>;
  department_id: Nullable<string>;
  failed_logins: Generated<number>;
  locked_until: Nullable<Date>;
  disabled_at: Nullable<Date>;
  created_at: Timestamp;
  real_name_level: Generated<number>;
  legal_name: Nullable<string>;
  mobile_enc: Nullable<string>;
  mobile_index: Nullable<string>;
  mobile_masked: Nullable<string>;
  citizen_id_enc: Nullable<string>;
  citizen_id_index: Nullable<string>;
  citizen_id_masked: Nullable<string>;
  credit_code: Nullable<string>;
  legal_representative_id: Nullable<string>;
  totp_secret_enc: Nullable<string>;
  totp_enabled_at: Nullable<Date>;
  totp_last_step: Nullable<number>;
  /** The service place a staff member works at (0011). */
  place_id: Nullable<string>;
}

export interface SessionTable {
  id_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  stage: ColumnType<
    "active" | "mfa" | "enrol",
    "active" | "mfa" | "enrol" | undefined,
    "active" | "mfa" | "enrol"
  >;
  acting_for: Nullable<string>;
}

export interface CalendarNoticeTable {
  year: number;
  title: string;
  source: string;
  published_at: Timestamp;
  published_by: string | null;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  kind: "off" | "work";
  name: string;
}

export interface LicenceTypeTable {
  id: Generated<string>;
  ref: string;
  name: string;
  issuer_department_id: string | null;
  holder: string;
  validity: string | null;
  fields: Json<string[]>;
}

export interface BundleTable {
  id: Generated<string>;
  ref: string;
  name: string;
  audience: ColumnType<string[], string[] | undefined, string[]>;
  item_refs: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json<unknown>;
  status: ColumnType<"pending" | "running" | "done" | "dead", string | undefined, string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/** The whole database as Kysely sees it: the foundation's tables plus each domain's own. */
export interface Database
  extends IdentityTables,
    OrganisationTables,
    OidcTables,
    CatalogTables,
    CaseTables,
    PaymentTables,
    PledgeTables {
  audit_log: AuditLogTable;
  region: RegionTable;
  department: DepartmentTable;
  account: AccountTable;
  session: SessionTable;
  calendar_notice: CalendarNoticeTable;
  calendar_day: CalendarDayTable;
  licence_type: LicenceTypeTable;
  bundle: BundleTable;
  job: JobTable;
  schema_migrations: SchemaMigrationsTable;
}

export type JobRow = Selectable<JobTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
