import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { findOidcClient } from "./queries.ts";
import type { OidcClient, UpdateOidcClientRequest } from "./schemas.ts";

/**
 * Changes a client system's name, redirect URIs or scopes, or disables (re-enables) it. A disabled
 * client no longer exists for the provider: it cannot start a sign-in, redeem a code or use a token.
 */
export async function updateClient(
  deps: Deps,
  actor: Actor,
  input: UpdateOidcClientRequest & { id: string; requestId?: string },
): Promise<OidcClient> {
  authorize(actor, "oidc-client.manage");
  return deps.db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("oidc_client")
      .select(["id", "name", "redirect_uris", "scopes", "disabled_at"])
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("OIDC_CLIENT_NOT_FOUND", "客户端系统不存在");
    const disabling = input.disabled === true && before.disabled_at === null;
    const enabling = input.disabled === false && before.disabled_at !== null;
    await tx
      .updateTable("oidc_client")
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.redirectUris !== undefined ? { redirect_uris: input.redirectUris } : {}),
        ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
        ...(disabling ? { disabled_at: new Date() } : {}),
        ...(enabling ? { disabled_at: null } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", input.id)
      .execute();
    await recordAudit(tx, actor, {
      action: disabling ? "oidc-client.disabled" : enabling ? "oidc-client.enabled" : "oidc-client.updated",
      subjectType: "oidc-client",
      subjectId: input.id,
      requestId: input.requestId ?? null,
      details: {
        ...(input.name !== undefined ? { name: { from: before.name, to: input.name } } : {}),
        ...(input.redirectUris !== undefined
          ? { redirectUris: { from: before.redirect_uris, to: input.redirectUris } }
          : {}),
        ...(input.scopes !== undefined ? { scopes: { from: before.scopes, to: input.scopes } } : {}),
      },
    });
    const client = await findOidcClient(tx, input.id);
    if (!client) throw new Error(`client ${input.id} vanished inside its own transaction`);
    return client;
  });
}
