import type { Queryable } from "../../platform/db/database.ts";
import type { OidcClient } from "./schemas.ts";
import { isOidcScope } from "./scopes.ts";

function clientsQuery(q: Queryable) {
  return q
    .selectFrom("oidc_client")
    .leftJoin("department", "department.id", "oidc_client.department_id")
    .select([
      "oidc_client.id",
      "oidc_client.name",
      "oidc_client.secret_hash",
      "oidc_client.redirect_uris",
      "oidc_client.scopes",
      "oidc_client.created_at",
      "oidc_client.disabled_at",
      "department.id as department_id",
      "department.name as department_name",
    ]);
}

type ClientRow = Awaited<ReturnType<ReturnType<typeof clientsQuery>["executeTakeFirstOrThrow"]>>;

function present(row: ClientRow): OidcClient {
  return {
    id: row.id,
    name: row.name,
    department:
      row.department_id && row.department_name ? { id: row.department_id, name: row.department_name } : null,
    redirectUris: row.redirect_uris,
    scopes: row.scopes.filter(isOidcScope),
    isPublic: row.secret_hash === null,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
  };
}

/** Every registered client system, newest first. */
export async function listOidcClients(q: Queryable): Promise<OidcClient[]> {
  const rows = await clientsQuery(q)
    .orderBy("oidc_client.created_at", "desc")
    .orderBy("oidc_client.id")
    .execute();
  return rows.map(present);
}

/** One client system as administrators see it, or undefined. */
export async function findOidcClient(q: Queryable, id: string): Promise<OidcClient | undefined> {
  const row = await clientsQuery(q).where("oidc_client.id", "=", id).executeTakeFirst();
  return row ? present(row) : undefined;
}

/** True when the department exists. */
export async function departmentExists(q: Queryable, id: string): Promise<boolean> {
  return (
    (await q.selectFrom("department").select("id").where("id", "=", id).executeTakeFirst()) !== undefined
  );
}
