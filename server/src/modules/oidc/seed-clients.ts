import type { Tx } from "../../platform/db/database.ts";
import { hashClientSecret } from "./client-secret.ts";
import type { OidcScope } from "./scopes.ts";

/** The demo client system: its id, its known demo secret and where it receives people back. */
export const DEMO_OIDC_CLIENT = {
  id: "wuxi-bdc",
  secret: "Tongban-Demo-Client-Secret-2026",
  name: "无锡市不动产登记业务系统",
  departmentRef: "dept-budongchan",
  redirectUris: ["http://localhost:8080/callback", "http://127.0.0.1:8080/callback"],
  // 不动产登记 records the owner's full 公民身份号码, so this system may ask for it (with consent).
  scopes: [
    "openid",
    "profile",
    "realname",
    "identifiers_masked",
    "identifiers",
    "phone",
  ] satisfies OidcScope[],
} as const;

/** Registers the demo client system; part of the demo seed's transaction. */
export async function seedOidcClients(tx: Tx): Promise<void> {
  const department = await tx
    .selectFrom("department")
    .select("id")
    .where("ref", "=", DEMO_OIDC_CLIENT.departmentRef)
    .executeTakeFirst();
  await tx
    .insertInto("oidc_client")
    .values({
      id: DEMO_OIDC_CLIENT.id,
      name: DEMO_OIDC_CLIENT.name,
      department_id: department?.id ?? null,
      secret_hash: hashClientSecret(DEMO_OIDC_CLIENT.secret),
      redirect_uris: [...DEMO_OIDC_CLIENT.redirectUris],
      scopes: [...DEMO_OIDC_CLIENT.scopes],
    })
    .execute();
}
