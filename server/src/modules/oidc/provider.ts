/// <reference path="./oidc-provider.d.ts" />
import { interactionPolicy, Provider } from "oidc-provider";
import type { Deps } from "../../platform/deps.ts";
import { SESSION_COOKIE } from "../identity/authenticate.ts";
import { loadAccountClaims } from "../identity/claims.ts";
import { createAdapterFactory } from "./adapter.ts";
import { secretMatches } from "./client-secret.ts";
import { loadProviderKeys } from "./keys.ts";
import { logoutSource, postLogoutSuccessSource, renderError } from "./pages.ts";
import { platformSignIn } from "./platform-sign-in.ts";
import { oidcScopes, scopeClaims, toOidcClaims } from "./scopes.ts";

/** Where the provider is mounted; the issuer is the public address plus this path. */
export const OIDC_PATH = "/oidc";

/** The issuer identifier client systems see in discovery and in every id token. */
export function issuerOf(deps: Pick<Deps, "config">): string {
  return `${deps.config.publicUrl}${OIDC_PATH}`;
}

/**
 * Tongban as an OpenID Connect provider (oidc-provider, OpenID-certified): authorization code with
 * PKCE (S256) for registered client systems, keys and state in the database, and people signed in
 * through Tongban's own session — the provider never shows a login form of its own.
 */
export async function createOidcProvider(deps: Deps): Promise<Provider> {
  const keys = await loadProviderKeys(deps);
  const policy = interactionPolicy.base();
  // The provider keeps its own session cookie; this ties it to the Tongban session, so that after
  // signing out (or someone else signing in at a shared service-hall computer) nobody is signed in to
  // a client system as the previous person.
  policy.get("login")?.checks.add(
    new interactionPolicy.Check(
      "platform_session",
      "the Tongban session ended or changed hands",
      async (ctx) => {
        const signIn = await platformSignIn(deps, ctx.cookies.get(SESSION_COOKIE, { signed: false }));
        return signIn?.actor.id === ctx.oidc.session?.accountId
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );
  const hours = deps.config.SESSION_ABSOLUTE_HOURS;

  const provider = new Provider(issuerOf(deps), {
    adapter: createAdapterFactory(deps.db),
    scopes: [...oidcScopes],
    claims: scopeClaims,
    // Claims of the granted scopes go into the id token too, not only to userinfo: client systems
    // read the real-name level and user type straight from the id token.
    conformIdTokenClaims: false,
    responseTypes: ["code"],
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
    clientDefaults: {
      grant_types: ["authorization_code"],
      response_types: ["code"],
      id_token_signed_response_alg: "RS256",
      token_endpoint_auth_method: "client_secret_basic",
    },
    // PKCE for every client, confidential ones too (oidc-provider 9 accepts only S256).
    pkce: { required: () => true },
    jwks: { keys: keys.jwks },
    cookies: { keys: keys.cookieKeys },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      userinfo: { enabled: true },
      revocation: { enabled: true },
    },
    interactions: { policy, url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = await loadAccountClaims(deps, sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => toOidcClaims(account) };
    },
    renderError,
    ttl: {
      AccessToken: 15 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 30 * 60,
      // No longer than a Tongban session may last.
      Session: hours * 3600,
      Grant: hours * 3600,
    },
  });
  provider.proxy = deps.config.TRUST_PROXY;
  // Only a hash of each client secret is stored; oidc-provider compares plain secrets, so the one
  // comparison it makes is replaced by a hash comparison (its secret-derived keys stay unused: HS*
  // signing and client_secret_jwt are not offered).
  provider.Client.prototype.compareClientSecret = function compareClientSecret(actual) {
    return this.clientSecret !== undefined && secretMatches(actual, this.clientSecret);
  };
  return provider;
}
