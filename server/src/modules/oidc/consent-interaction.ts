/// <reference path="./oidc-provider.d.ts" />
import type { Interaction, Provider } from "oidc-provider";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { notFound, unauthenticated } from "../../platform/errors.ts";
import type { ConsentRequest } from "./schemas.ts";
import { explicitScopes, type OidcScope, oidcScopes } from "./scopes.ts";

/** A pending consent: the provider's interaction, the client asking, and what it asks for. */
export interface ConsentInteraction {
  interaction: Interaction;
  view: ConsentRequest;
  requestedScopes: OidcScope[];
}

/**
 * Loads the consent a signed-in person is being asked for. Only the person the sign-in belongs to can
 * see or answer it; to anyone else (and once it expired) it does not exist.
 */
export async function findConsentInteraction(
  q: Queryable,
  provider: Provider,
  actor: Actor,
  uid: string,
): Promise<ConsentInteraction> {
  if (!actor.id) throw unauthenticated("UNAUTHENTICATED", "请先登录");
  const missing = notFound("OIDC_INTERACTION_NOT_FOUND", "登录请求不存在或已过期，请返回业务系统重新登录");
  const interaction = await provider.Interaction.find(uid);
  if (interaction?.prompt.name !== "consent" || interaction.session?.accountId !== actor.id) {
    throw missing;
  }
  const clientId = String(interaction.params.client_id ?? "");
  const client = await q
    .selectFrom("oidc_client")
    .leftJoin("department", "department.id", "oidc_client.department_id")
    .select([
      "oidc_client.id",
      "oidc_client.name",
      "oidc_client.scopes",
      "department.name as department_name",
    ])
    .where("oidc_client.id", "=", clientId)
    .where("oidc_client.disabled_at", "is", null)
    .executeTakeFirst();
  if (!client) throw missing;
  const asked = new Set(String(interaction.params.scope ?? "").split(" "));
  const requestedScopes = oidcScopes.filter((s) => asked.has(s) && client.scopes.includes(s));
  return {
    interaction,
    requestedScopes,
    view: {
      uid,
      client: { id: client.id, name: client.name, department: client.department_name },
      account: { displayName: actor.displayName },
      scopes: requestedScopes.map((name) => ({ name, explicit: explicitScopes.has(name) })),
    },
  };
}
