import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./schema.ts";

/** Opening hours as stored in JSON columns: weekly periods (Monday = 1) and notes such as 延时服务. */
export interface StoredOpeningHours {
  periods: { weekday: number; open: string; close: string }[];
  notes: string[];
}

/** Service places, windows and delegation (migration 0003); regions and departments are in schema.ts. */
export interface OrganisationTables {
  service_place: {
    id: Generated<string>;
    name: string;
    kind: "service-centre" | "convenience-centre" | "convenience-station";
    region_code: string;
    address: string;
    phone: string | null;
    opening_hours: Json<StoredOpeningHours>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  service_window: {
    id: Generated<string>;
    place_id: string;
    number: string;
    name: string;
    kind: "general" | "specialised" | "cross-province" | "assisted" | "fallback";
    department_id: string | null;
    opening_hours: ColumnType<StoredOpeningHours | null, string | null, string | null>;
    is_active: Generated<boolean>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  delegation: {
    id: Generated<string>;
    item_id: string;
    department_id: string;
    place_id: string;
    valid_from: string;
    valid_to: string | null;
    note: string | null;
    created_at: Timestamp;
    created_by: string | null;
    revoked_at: Date | null;
    revoked_by: string | null;
    revoke_reason: string | null;
  };
}
