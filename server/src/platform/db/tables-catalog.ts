import type { ItemContent } from "@tongban/core";
import type { ColumnType, Generated } from "kysely";
import type { Json, Nullable, Timestamp } from "./schema.ts";

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

/** The governed service catalog (migrations 0001 and 0005): items, their versions and change requests. */
export interface CatalogTables {
  item: {
    id: Generated<string>;
    ref: string;
    name: string;
    type: string;
    basic_code: string;
    implementation_code: string;
    department_id: string;
    region_code: string;
    level: string;
    processing: "immediate" | "promised";
    audience: TextArray;
    themes: TextArray;
    tags: TextArray;
    online_depth: number;
    max_visits: number;
    /** Parsed with ItemContentSchema on the way out; typed here for writes. */
    content: Json<ItemContent>;
    /** completeness(content).score, stored so lists filter and page by it (migration 0007); NULL until backfilled. */
    completeness: number | null;
    version: number;
    status: "active" | "cancelled";
    effective_from: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  basic_item: {
    basic_code: string;
    name: string;
    type: string;
    legal_basis: Json<unknown>;
    created_at: Timestamp;
  };
  item_version: {
    item_id: string;
    version: number;
    content: Json<ItemContent>;
    effective_from: string;
    change_request_id: Nullable<string>;
    published_at: Timestamp;
    published_by: Nullable<string>;
  };
  change_request: {
    id: Generated<string>;
    number: string;
    kind: "create" | "change" | "cancel";
    item_id: Nullable<string>;
    ref: Nullable<string>;
    base_version: Nullable<number>;
    content: ColumnType<ItemContent | null, string | null, string | null>;
    status: ColumnType<ChangeStatus, ChangeStatus | undefined, ChangeStatus>;
    effective_from: string;
    reason: string;
    law_changed_on: Nullable<string>;
    filing_due: Nullable<string>;
    department_id: string;
    region_code: string;
    author_id: Nullable<string>;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_at: Nullable<Date>;
    published_at: Nullable<Date>;
    published_version: Nullable<number>;
  };
  change_review: {
    id: Generated<string>;
    change_request_id: string;
    stage: "legality" | "consistency";
    decision: "approve" | "return";
    reason: string | null;
    reviewer_id: string;
    decided_at: Timestamp;
  };
}

/** Where a change request is in its lifecycle. */
export type ChangeStatus =
  | "draft"
  | "legality-review"
  | "consistency-review"
  | "scheduled"
  | "published"
  | "returned"
  | "withdrawn";
