import { randomBytes, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../errors.ts";

/** Name of the readable double-submit cookie; the browser echoes it in the X-CSRF-Token header. */
export const CSRF_COOKIE = "tb_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const sameValue = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when the request's cookies travel over HTTPS, so cookies can be marked Secure. */
export function isSecureRequest(request: FastifyRequest, setting: "auto" | "true" | "false"): boolean {
  if (setting !== "auto") return setting === "true";
  return request.protocol === "https";
}

/**
 * Security headers, cookies, rate limits and CSRF protection for cookie sessions.
 * CSRF: a browser (it sends cookies or Sec-Fetch-Site) must prove same origin on unsafe methods with
 * the double-submit token; cross-site requests are refused outright, which also stops login CSRF.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: { rateLimitMax: number; cookieSecure: "auto" | "true" | "false" },
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitMax,
    timeWindow: "1 minute",
    allowList: (request) =>
      request.url === "/healthz" || request.url === "/readyz" || request.url === "/metrics",
  });

  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    // The OpenID Connect endpoints are cross-site by design (a client system may post an authorization
    // request, a browser-based client calls the token endpoint from its own origin) and protect
    // themselves: PKCE, state and client authentication, and a signed xsrf token in the provider's forms.
    if (request.url.startsWith("/oidc/")) return;
    const site = request.headers["sec-fetch-site"];
    if (site === "cross-site") throw csrfRejected();
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      const host = request.headers["x-forwarded-host"] ?? request.headers.host;
      if (new URL(origin).host !== host) throw csrfRejected();
    }
    const isBrowser = Object.keys(request.cookies).length > 0 || typeof site === "string";
    if (!isBrowser) return;
    const cookieToken = request.cookies[CSRF_COOKIE];
    const headerToken = request.headers["x-csrf-token"];
    if (!cookieToken || typeof headerToken !== "string" || !sameValue(cookieToken, headerToken)) {
      throw csrfRejected();
    }
  });

  app.addHook("onSend", async (request, reply) => {
    if (request.cookies[CSRF_COOKIE]) return;
    reply.setCookie(CSRF_COOKIE, randomBytes(24).toString("base64url"), {
      path: "/",
      sameSite: "strict",
      httpOnly: false,
      secure: isSecureRequest(request, options.cookieSecure),
    });
  });
}

function csrfRejected(): DomainError {
  return new DomainError("forbidden", "CSRF_REJECTED", "请求来源校验失败，请刷新页面后重试");
}
