/// <reference path="./oidc-provider.d.ts" />
import type { Provider } from "oidc-provider";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { withProviderTransaction } from "./adapter.ts";
import { findConsentInteraction } from "./consent-interaction.ts";
import type { ConsentDecision } from "./schemas.ts";
import { explicitScopes, type OidcScope } from "./scopes.ts";

/**
 * Records a person's answer to a client system's request for their data: on approval a grant of the
 * chosen scopes (explicit ones only when chosen), on denial `access_denied` for the client. The grant,
 * the interaction's result and the audit record commit together. Returns where the browser goes next.
 */
export async function decideConsent(
  deps: Deps,
  provider: Provider,
  actor: Actor,
  input: ConsentDecision & { uid: string; requestId?: string },
): Promise<string> {
  const { interaction, requestedScopes, view } = await findConsentInteraction(
    deps.db,
    provider,
    actor,
    input.uid,
  );
  const accountId = interaction.session?.accountId ?? "";
  const chosen = input.scopes ? new Set<OidcScope>(input.scopes) : undefined;
  const granted = requestedScopes.filter(
    (s) => s === "openid" || (chosen ? chosen.has(s) : !explicitScopes.has(s)),
  );
  const withheld = requestedScopes.filter((s) => !granted.includes(s));
  const secondsLeft = interaction.exp - Math.floor(Date.now() / 1000);

  await withProviderTransaction(deps.db, async (tx) => {
    if (input.approve) {
      // A new grant each time, so a scope withheld earlier can be granted now and the reverse.
      const grant = new provider.Grant({ accountId, clientId: view.client.id });
      grant.addOIDCScope(granted);
      if (withheld.length > 0) grant.rejectOIDCScope(withheld);
      const grantId = await grant.save();
      interaction.result = { ...interaction.lastSubmission, consent: { grantId } };
    } else {
      interaction.result = { error: "access_denied", error_description: "End-User denied the request" };
    }
    await interaction.save(secondsLeft);
    await recordAudit(tx, actor, {
      action: input.approve ? "oidc.consent-granted" : "oidc.consent-denied",
      subjectType: "oidc-client",
      subjectId: view.client.id,
      requestId: input.requestId ?? null,
      details: input.approve ? { scopes: granted, withheld } : { requested: requestedScopes },
    });
  });
  return interaction.returnTo;
}
