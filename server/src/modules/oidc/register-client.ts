import { randomBytes } from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { generateClientSecret, hashClientSecret } from "./client-secret.ts";
import { departmentExists, findOidcClient } from "./queries.ts";
import type { OidcClient, RegisterOidcClientRequest } from "./schemas.ts";

/**
 * Registers a department's business system as a client. The secret (for a confidential client) is
 * returned this once; only its hash is kept, so a lost secret means registering anew.
 */
export async function registerClient(
  deps: Deps,
  actor: Actor,
  input: RegisterOidcClientRequest & { requestId?: string },
): Promise<{ client: OidcClient; secret: string | null }> {
  authorize(actor, "oidc-client.manage");
  if (input.departmentId && !(await departmentExists(deps.db, input.departmentId))) {
    throw invalid("OIDC_DEPARTMENT_UNKNOWN", "所属部门不存在");
  }
  const id = `tb-${randomBytes(9).toString("base64url")}`;
  const secret = input.isPublic ? null : generateClientSecret();
  return deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("oidc_client")
      .values({
        id,
        name: input.name,
        department_id: input.departmentId,
        secret_hash: secret ? hashClientSecret(secret) : null,
        redirect_uris: input.redirectUris,
        scopes: input.scopes,
        created_by: actor.id,
      })
      .execute();
    await recordAudit(tx, actor, {
      action: "oidc-client.registered",
      subjectType: "oidc-client",
      subjectId: id,
      requestId: input.requestId ?? null,
      details: {
        name: input.name,
        departmentId: input.departmentId,
        redirectUris: input.redirectUris,
        scopes: input.scopes,
        isPublic: secret === null,
      },
    });
    const client = await findOidcClient(tx, id);
    if (!client) throw new Error(`client ${id} vanished inside its own transaction`);
    return { client, secret };
  });
}
