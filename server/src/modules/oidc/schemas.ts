import { z } from "zod";
import { oidcScopes } from "./scopes.ts";

export const OidcScope = z.enum(oidcScopes).meta({ id: "OidcScope" });
export type OidcScope = z.infer<typeof OidcScope>;

export const ClientId = z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, "客户端标识格式不正确");

export const InteractionUid = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "登录请求标识格式不正确");

/** A redirect URI: absolute, no fragment; plain http only to this machine (development and demos). */
export const RedirectUri = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((value) => !value.includes("#"), "回调地址不能包含片段（#）")
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  }, "回调地址必须使用 HTTPS（本机地址除外）");

const Scopes = z
  .array(OidcScope)
  .min(1)
  .refine((scopes) => scopes.includes("openid"), "必须包含 openid")
  .refine((scopes) => new Set(scopes).size === scopes.length, "范围重复");

const RedirectUris = z
  .array(RedirectUri)
  .min(1)
  .max(20)
  .refine((uris) => new Set(uris).size === uris.length, "回调地址重复");

export const OidcClient = z
  .object({
    id: ClientId,
    name: z.string(),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    redirectUris: z.array(z.string()),
    scopes: z.array(OidcScope),
    isPublic: z.boolean().describe("A public client has no secret and authenticates with PKCE alone"),
    createdAt: z.iso.datetime(),
    disabledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "OidcClient" });
export type OidcClient = z.infer<typeof OidcClient>;

export const OidcClientList = z
  .object({
    clients: z.array(OidcClient),
    scopes: z.array(OidcScope).describe("Every scope a client system may be allowed"),
    issuer: z.string(),
    discoveryUrl: z.string(),
  })
  .meta({ id: "OidcClientList" });

export const RegisterOidcClientRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    departmentId: z.uuid().nullable(),
    redirectUris: RedirectUris,
    scopes: Scopes,
    isPublic: z.boolean().default(false),
  })
  .meta({ id: "RegisterOidcClientRequest" });
export type RegisterOidcClientRequest = z.infer<typeof RegisterOidcClientRequest>;

export const RegisteredOidcClient = z
  .object({
    client: OidcClient,
    secret: z.string().nullable().describe("The client secret, shown this once; null for a public client"),
  })
  .meta({ id: "RegisteredOidcClient" });

export const UpdateOidcClientRequest = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    redirectUris: RedirectUris.optional(),
    scopes: Scopes.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), "没有要修改的内容")
  .meta({ id: "UpdateOidcClientRequest" });
export type UpdateOidcClientRequest = z.infer<typeof UpdateOidcClientRequest>;

export const ConsentRequest = z
  .object({
    uid: InteractionUid,
    client: z.object({ id: z.string(), name: z.string(), department: z.string().nullable() }),
    account: z.object({ displayName: z.string() }),
    scopes: z.array(
      z.object({
        name: OidcScope,
        explicit: z.boolean().describe("Released only when the person ticks it, not by approving alone"),
      }),
    ),
  })
  .meta({ id: "OidcConsentRequest" });
export type ConsentRequest = z.infer<typeof ConsentRequest>;

export const ConsentDecision = z
  .object({
    approve: z.boolean(),
    scopes: z
      .array(OidcScope)
      .optional()
      .describe("The requested scopes to grant; default all of them except the explicit ones"),
  })
  .meta({ id: "OidcConsentDecision" });
export type ConsentDecision = z.infer<typeof ConsentDecision>;

export const ConsentOutcome = z
  .object({
    redirectTo: z.string().describe("Where the browser goes next: back through the provider to the client"),
  })
  .meta({ id: "OidcConsentOutcome" });
