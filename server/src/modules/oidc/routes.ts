import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { authorize } from "../identity/policy.ts";
import { findConsentInteraction } from "./consent-interaction.ts";
import { decideConsent } from "./decide-consent.ts";
import { mountProvider } from "./mount.ts";
import { createOidcProvider, issuerOf } from "./provider.ts";
import { listOidcClients } from "./queries.ts";
import { registerClient } from "./register-client.ts";
import {
  ClientId,
  ConsentDecision,
  ConsentOutcome,
  ConsentRequest,
  InteractionUid,
  OidcClient,
  OidcClientList,
  RegisteredOidcClient,
  RegisterOidcClientRequest,
  UpdateOidcClientRequest,
} from "./schemas.ts";
import { oidcScopes } from "./scopes.ts";
import { updateClient } from "./update-client.ts";

/**
 * Single sign-on: the OpenID Connect provider under /oidc, the consent API its interaction uses, and
 * the administrators' register of client systems.
 */
export async function oidcRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const provider = await createOidcProvider(deps);
  await mountProvider(app, deps, provider);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const uidParams = z.object({ uid: InteractionUid });

  r.get(
    "/api/oidc/interactions/:uid",
    {
      schema: {
        tags: ["sso"],
        summary: "What a client system asks of the signed-in person (the consent page's content)",
        security: [{ session: [] }],
        params: uidParams,
        response: { 200: ConsentRequest, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { view } = await findConsentInteraction(deps.db, provider, request.actor, request.params.uid);
      return view;
    },
  );

  r.post(
    "/api/oidc/interactions/:uid",
    {
      schema: {
        tags: ["sso"],
        summary: "Approve or deny a client system's request; the browser then goes to `redirectTo`",
        security: [{ session: [] }],
        params: uidParams,
        body: ConsentDecision,
        response: { 200: ConsentOutcome, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const redirectTo = await decideConsent(deps, provider, request.actor, {
        ...request.body,
        uid: request.params.uid,
        requestId: request.id,
      });
      return { redirectTo };
    },
  );

  const tags = ["sso-admin"];
  const issuer = issuerOf(deps);

  r.get(
    "/api/admin/oidc-clients",
    {
      schema: {
        tags,
        summary:
          "Registered client systems, the scopes on offer and the discovery address (system administrators)",
        security: [{ session: [] }],
        response: { 200: OidcClientList, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      authorize(request.actor, "oidc-client.manage");
      return {
        clients: await listOidcClients(deps.db),
        scopes: [...oidcScopes],
        issuer,
        discoveryUrl: `${issuer}/.well-known/openid-configuration`,
      };
    },
  );

  r.post(
    "/api/admin/oidc-clients",
    {
      schema: {
        tags,
        summary: "Register a client system; a confidential client's secret is in this response only",
        security: [{ session: [] }],
        body: RegisterOidcClientRequest,
        response: { 201: RegisteredOidcClient, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      const registered = await registerClient(deps, request.actor, {
        ...request.body,
        requestId: request.id,
      });
      return reply.code(201).send(registered);
    },
  );

  r.patch(
    "/api/admin/oidc-clients/:id",
    {
      schema: {
        tags,
        summary: "Rename a client system, change its redirect URIs or scopes, disable or re-enable it",
        security: [{ session: [] }],
        params: z.object({ id: ClientId }),
        body: UpdateOidcClientRequest,
        response: {
          200: z.object({ client: OidcClient }),
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request) => ({
      client: await updateClient(deps, request.actor, {
        ...request.body,
        id: request.params.id,
        requestId: request.id,
      }),
    }),
  );
}
