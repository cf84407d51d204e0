/// <reference path="./oidc-provider.d.ts" />
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Interaction, Provider } from "oidc-provider";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { SESSION_COOKIE } from "../identity/authenticate.ts";
import { platformSignIn } from "./platform-sign-in.ts";
import { OIDC_PATH } from "./provider.ts";
import { InteractionUid } from "./schemas.ts";

// The provider renders a few pages itself; its form_post response and logout confirmation submit
// forms to client systems and to itself, so this policy leaves form-action open (the platform's own
// policy allows 'self' only). oidc-provider adds the hash of its one inline script to script-src.
const PROVIDER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves oidc-provider under /oidc: its endpoints get the raw request (their bodies unread), and the
 * interaction step between them — sending the browser to sign in, then to the consent page — is ours.
 */
export async function mountProvider(app: FastifyInstance, deps: Deps, provider: Provider): Promise<void> {
  const handle = provider.callback();

  await app.register(async (scope) => {
    // oidc-provider parses its own form and JSON bodies; no parser here may consume the stream.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    scope.route({
      method: ["GET", "POST", "OPTIONS"],
      url: `${OIDC_PATH}/*`,
      schema: { hide: true },
      handler: async (request, reply) => {
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string };
        // The provider finds its mount path as the difference between these two.
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? "/").slice(OIDC_PATH.length) || "/";
        reply.raw.setHeader("content-security-policy", PROVIDER_CSP);
        await handle(raw, reply.raw);
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ uid: InteractionUid });

  r.get(`${OIDC_PATH}/interaction/:uid`, { schema: { hide: true, params } }, async (request, reply) => {
    const { uid } = request.params;
    const consentPage = `${OIDC_PATH}/consent/${uid}`;
    let interaction: Interaction;
    try {
      // Checks the provider's interaction cookie: only the browser that started this sign-in continues it.
      interaction = await provider.interactionDetails(request.raw, reply.raw);
    } catch {
      return reply.redirect(consentPage, 303);
    }
    // The consent page explains an expired or foreign request in the person's language.
    if (interaction.uid !== uid) return reply.redirect(consentPage, 303);

    const signIn = await platformSignIn(deps, request.cookies[SESSION_COOKIE]);
    const loginPage = `/login?next=${encodeURIComponent(`${OIDC_PATH}/interaction/${uid}`)}`;
    if (!signIn) return reply.redirect(loginPage, 303);

    const isLogin = interaction.prompt.name === "login" || interaction.session?.accountId !== signIn.actor.id;
    if (isLogin) {
      // The login page sends a signed-in person straight on, so it cannot ask them to sign in again;
      // OpenID Connect Core §3.1.2.1 says to answer login_required when the provider cannot re-authenticate.
      const result = needsFreshSignIn(interaction, signIn.authTime)
        ? { error: "login_required", error_description: "the Tongban session predates the request" }
        : { login: { accountId: signIn.actor.id, ts: signIn.authTime } };
      const returnTo = await provider.interactionResult(request.raw, reply.raw, result, {
        mergeWithLastSubmission: false,
      });
      return reply.redirect(returnTo, 303);
    }
    if (interaction.prompt.name === "consent") return reply.redirect(consentPage, 303);
    // This configuration asks for nothing else; refuse anything unforeseen rather than guess.
    const returnTo = await provider.interactionResult(request.raw, reply.raw, {
      error: "access_denied",
      error_description: `unsupported interaction ${interaction.prompt.name}`,
    });
    return reply.redirect(returnTo, 303);
  });

  // The consent page belongs to the web app: answer it like any other client-side route.
  r.get(`${OIDC_PATH}/consent/:uid`, { schema: { hide: true, params } }, (_request, reply) =>
    reply.callNotFound(),
  );
}

/**
 * The client asked for a fresh sign-in (prompt=login) or one younger than max_age, and the Tongban
 * session began before the request (and, for max_age, too long ago).
 */
function needsFreshSignIn(interaction: Interaction, authTime: number): boolean {
  if (authTime >= interaction.iat) return false;
  const { reasons } = interaction.prompt;
  if (reasons.includes("login_prompt")) return true;
  const maxAge = Number(interaction.params.max_age);
  return reasons.includes("max_age") && Number.isFinite(maxAge) && Date.now() / 1000 - authTime > maxAge;
}
