import { randomUUID } from "node:crypto";
import type { FastifyServerOptions, RawRequestDefaultExpression } from "fastify";

// Personal identifiers never reach the logs: 公民身份号码 (18 chars) and mainland mobile numbers are
// masked wherever they appear in a URL, and bodies and credentials are redacted by path.
const citizenIdPattern = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;
const mobilePattern = /\b(1[3-9]\d)\d{4}(\d{4})\b/g;

/** Masks identifiers and mobile numbers inside free text such as a URL. */
export function maskPersonalData(text: string): string {
  return text.replace(citizenIdPattern, "$1********$2").replace(mobilePattern, "$1****$2");
}

/** Pino settings for Fastify: levels, redaction, and request serializers that mask personal data. */
export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "req.headers['x-csrf-token']",
        'res.headers["set-cookie"]',
        "*.password",
        "*.citizenId",
        "*.mobile",
        "*.token",
      ],
      censor: "[REDACTED]",
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskPersonalData(req.url),
      }),
    },
  };
}

/** Keeps a caller's X-Request-Id when it looks sane, so one id follows a request across systems. */
export function requestIdOf(req: RawRequestDefaultExpression): string {
  const given = req.headers["x-request-id"];
  if (typeof given === "string" && /^[\w.-]{8,64}$/.test(given)) return given;
  return randomUUID();
}
