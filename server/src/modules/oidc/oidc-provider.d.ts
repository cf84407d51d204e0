// oidc-provider ships no type declarations (and @types/oidc-provider trails its major versions), so this
// declares the part of its API Tongban uses, checked against oidc-provider 9's lib/ sources.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  /** What the provider stores through an adapter: a model's JSON payload. */
  export interface AdapterPayload {
    [key: string]: unknown;
    accountId?: string;
    clientId?: string;
    grantId?: string;
    uid?: string;
    userCode?: string;
    jti?: string;
    kind?: string;
    scope?: string;
    exp?: number;
    iat?: number;
    consumed?: unknown;
  }

  /** Persistence of one model ("Session", "AccessToken", "Client", …). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export type AdapterFactory = (name: string) => Adapter;

  export interface CookieGetOptions {
    signed?: boolean;
  }

  /** The slice of the Koa context (with the provider's `oidc` member) that hooks and checks read. */
  export interface KoaContextWithOIDC {
    req: IncomingMessage;
    res: ServerResponse;
    cookies: { get(name: string, options?: CookieGetOptions): string | undefined };
    type: string;
    body: unknown;
    status: number;
    oidc: {
      route: string;
      session?: { accountId?: string; authTime?: number };
      client?: ClientInstance;
      params?: Record<string, unknown>;
      result?: InteractionResults;
      entities: Record<string, unknown>;
    };
  }

  export interface Account {
    accountId: string;
    claims(
      use: string,
      scope: string,
      claims: Record<string, unknown>,
      rejected: string[],
    ): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export type FindAccount = (
    ctx: KoaContextWithOIDC,
    sub: string,
    token?: unknown,
  ) => Promise<Account | undefined> | Account | undefined;

  export interface ErrorOut {
    error: string;
    error_description?: string;
    state?: string;
    [key: string]: unknown;
  }

  export interface InteractionResults {
    login?: { accountId: string; ts?: number; amr?: string[]; acr?: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface PromptDetail {
    name: string;
    reasons: string[];
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
      [key: string]: unknown;
    };
  }

  export interface Interaction {
    uid: string;
    jti: string;
    iat: number;
    exp: number;
    returnTo: string;
    prompt: PromptDetail;
    params: Record<string, unknown>;
    session?: { accountId: string; uid?: string; cookie?: string };
    grantId?: string;
    lastSubmission?: InteractionResults;
    result?: InteractionResults;
    save(ttl: number): Promise<string>;
    persist(): Promise<string>;
  }

  export interface Grant {
    jti: string;
    accountId: string;
    clientId: string;
    getOIDCScope(): string;
    addOIDCScope(scope: string | string[]): void;
    rejectOIDCScope(scope: string | string[]): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(ttl?: number): Promise<string>;
  }

  export interface ClientInstance {
    clientId: string;
    clientSecret?: string;
    clientName?: string;
    redirectUris: string[];
    scope?: string;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    id_token_signed_response_alg?: string;
    scope?: string;
    [key: string]: unknown;
  }

  export interface Check {
    reason: string;
  }

  export interface CheckConstructor {
    new (
      reason: string,
      description: string,
      check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
    ): Check;
    readonly REQUEST_PROMPT: true;
    readonly NO_NEED_TO_PROMPT: false;
  }

  export interface Prompt {
    name: string;
    checks: { add(check: Check, index?: number): void };
  }

  export interface InteractionPolicy extends Array<Prompt> {
    get(name: string): Prompt | undefined;
  }

  export const interactionPolicy: {
    base(): InteractionPolicy;
    Check: CheckConstructor;
  };

  /** The configuration object; oidc-provider validates it at construction. */
  export interface Configuration {
    adapter?: AdapterFactory;
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    clientDefaults?: Partial<ClientMetadata>;
    clientAuthMethods?: string[];
    conformIdTokenClaims?: boolean;
    cookies?: {
      keys?: (string | Buffer)[];
      names?: Record<string, string>;
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    features?: Record<string, Record<string, unknown>>;
    findAccount?: FindAccount;
    interactions?: {
      policy?: InteractionPolicy;
      url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string | Promise<string>;
    };
    jwks?: { keys: Record<string, unknown>[] };
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: ClientInstance) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => void | Promise<void>;
    responseTypes?: string[];
    routes?: Record<string, string>;
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
    enabledJWA?: Record<string, string[]>;
    [key: string]: unknown;
  }

  export interface InteractionStatic {
    find(uid: string): Promise<Interaction | undefined>;
  }

  export interface GrantStatic {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface ClientStatic {
    prototype: { compareClientSecret(this: ClientInstance, actual: string): boolean | Promise<boolean> };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    issuer: string;
    proxy: boolean;
    readonly Interaction: InteractionStatic;
    readonly Grant: GrantStatic;
    readonly Client: ClientStatic;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    SessionNotFound: new (message?: string) => Error;
  };
}
