import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { auditRoutes } from "./modules/audit/routes.ts";
import { calendarCache } from "./modules/calendar/queries.ts";
import { calendarRoutes } from "./modules/calendar/routes.ts";
import { caseRoutes } from "./modules/cases/routes.ts";
import { catalogFileRoutes } from "./modules/catalog/files/routes.ts";
import { catalogTransferRoutes } from "./modules/catalog/import-export/routes.ts";
import { catalogReportRoutes } from "./modules/catalog/report/routes.ts";
import { catalogRoutes } from "./modules/catalog/routes.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { identifierRoutes } from "./modules/identifiers/routes.ts";
import { accountRoutes } from "./modules/identity/account-routes.ts";
import { registerAuthentication } from "./modules/identity/authenticate.ts";
import { sessionRoutes } from "./modules/identity/routes.ts";
import { demoVerifier, type IdentityVerifier } from "./modules/identity/verifier.ts";
import { jobRoutes } from "./modules/jobs/routes.ts";
import { notificationRoutes } from "./modules/notifications/routes.ts";
import { oidcRoutes } from "./modules/oidc/routes.ts";
import { organisationRoutes } from "./modules/organisations/routes.ts";
import { paymentRoutes } from "./modules/payments/routes.ts";
import { staffRoutes } from "./modules/staff/routes.ts";
import type { DatabaseHandle } from "./platform/db/database.ts";
import type { Deps } from "./platform/deps.ts";
import type { FileStorage } from "./platform/files/storage.ts";
import { loggerOptions, requestIdOf } from "./platform/http/logging.ts";
import { createMetrics, type Metrics, registerHttpMetrics } from "./platform/http/metrics.ts";
import { registerOpenApi } from "./platform/http/openapi.ts";
import { registerProblemHandler } from "./platform/http/problem.ts";
import { registerSecurity } from "./platform/http/security.ts";
import { createPaymentProvider } from "./platform/payments/create-provider.ts";
import type { Vault } from "./platform/vault.ts";

/** The platform's version, shown in the OpenAPI document. */
export const version = "0.1.0";

/** Builds the HTTP application over an open database; listening and jobs are the caller's choice. */
export async function buildApp(options: {
  config: Config;
  database: DatabaseHandle;
  files: FileStorage;
  vault: Vault;
  verifier?: IdentityVerifier;
  metrics?: Metrics;
}): Promise<{ app: FastifyInstance; deps: Deps; metrics: Metrics }> {
  const { config, database, files, vault } = options;
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL),
    genReqId: requestIdOf,
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const deps: Deps = {
    db: database.db,
    files,
    config,
    vault,
    log: app.log as unknown as Logger,
    payments: createPaymentProvider(config, vault),
  };
  const metrics = options.metrics ?? createMetrics(database);

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  registerProblemHandler(app, { webDist: hasWebBundle(config.WEB_DIST) ? config.WEB_DIST : undefined });
  await registerSecurity(app, { rateLimitMax: config.RATE_LIMIT_MAX, cookieSecure: config.COOKIE_SECURE });
  await registerOpenApi(app, version);
  registerHttpMetrics(app, metrics);
  registerAuthentication(app, deps);

  healthRoutes(app, database, metrics);
  sessionRoutes(app, deps);
  accountRoutes(app, deps, options.verifier ?? (await demoVerifier()));
  notificationRoutes(app, deps);
  auditRoutes(app, deps);
  staffRoutes(app, deps);
  calendarRoutes(app, deps, calendarCache());
  identifierRoutes(app);
  catalogRoutes(app, deps);
  jobRoutes(app, deps);
  organisationRoutes(app, deps);
  catalogReportRoutes(app, deps);
  await catalogTransferRoutes(app, deps);
  await catalogFileRoutes(app, deps);
  await oidcRoutes(app, deps);
  await caseRoutes(app, deps);
  await paymentRoutes(app, deps);

  if (hasWebBundle(config.WEB_DIST)) {
    // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
    await app.register(fastifyStatic, {
      root: path.resolve(config.WEB_DIST),
      wildcard: true,
      index: false,
      setHeaders: (reply, file) => {
        // Vite puts a content hash in every asset's name, so assets can be cached forever.
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          reply.header("cache-control", "public, max-age=31536000, immutable");
        }
      },
    });
    app.get("/", { schema: { hide: true } }, (_request, reply) =>
      reply.header("cache-control", "no-cache").sendFile("index.html"),
    );
  }
  return { app, deps, metrics };
}

/** True when the production web bundle has been built (`npm run build`). */
export function hasWebBundle(dir: string): boolean {
  return existsSync(path.join(dir, "index.html"));
}
