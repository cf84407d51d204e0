import type { ColumnType, Generated } from "kysely";
import type { Json, Timestamp } from "./schema.ts";

/** The OpenID Connect provider's clients, stored artefacts and keys (migration 0004). */
export interface OidcTables {
  oidc_client: {
    id: string;
    secret_hash: string | null;
    name: string;
    department_id: string | null;
    redirect_uris: ColumnType<string[], string[], string[]>;
    scopes: ColumnType<string[], string[], string[]>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    disabled_at: Date | null;
  };
  oidc_payload: {
    model: string;
    id: string;
    payload: Json<Record<string, unknown>>;
    grant_id: string | null;
    uid: string | null;
    user_code: string | null;
    expires_at: Date | null;
    consumed_at: Date | null;
  };
  oidc_key: {
    id: string;
    purpose: "signing" | "cookie";
    alg: string | null;
    public_jwk: ColumnType<Record<string, unknown> | null, string | null, string | null>;
    secret_enc: string;
    created_at: Generated<Date>;
    retired_at: Date | null;
  };
}
