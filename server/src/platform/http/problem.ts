import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError, type ErrorKind } from "../errors.ts";

/** RFC 9457 problem details, with our stable `code` and a Chinese `title`. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

const statusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "rate-limited": 429,
};

/**
 * The one error mapper: every failure leaves the server as application/problem+json.
 * With a web bundle, unknown non-API GETs get the single-page app's index.html (client-side routes).
 */
export function registerProblemHandler(app: FastifyInstance, options: { webDist: string | undefined }): void {
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0] ?? "";
    const isApi = /^\/(api|healthz|readyz|metrics)(\/|$)/.test(pathname);
    // A missing asset (say, a file name from a newer build) must be a 404, not the app's HTML.
    const isFile = /\.[a-z0-9]+$/i.test(pathname);
    if (options.webDist && !isApi && !isFile && (request.method === "GET" || request.method === "HEAD")) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    const body: Problem = {
      type: "about:blank",
      title: "请求的资源不存在",
      status: 404,
      code: "ROUTE_NOT_FOUND",
      detail: `${request.method} ${request.url.split("?")[0]}`,
      requestId: request.id,
    };
    return reply.code(404).type("application/problem+json").send(body);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error);
    body.requestId = request.id;
    if (body.status >= 500) request.log.error({ err: error }, "unhandled error");
    else request.log.info({ code: body.code }, "request refused");
    return reply.code(body.status).type("application/problem+json").send(body);
  });
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof DomainError) {
    const status = statusOf[error.kind];
    return {
      type: "about:blank",
      title: error.message,
      status,
      code: error.code,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      type: "about:blank",
      title: "请求参数不正确",
      status: 400,
      code: "VALIDATION_FAILED",
      errors: error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid",
      })),
    };
  }
  if (isResponseSerializationError(error)) {
    return { type: "about:blank", title: "服务器内部错误", status: 500, code: "INTERNAL" };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return { type: "about:blank", title: "请求过于频繁，请稍后再试", status, code: "RATE_LIMITED" };
  }
  if (status === 413) {
    return { type: "about:blank", title: "请求内容过大", status, code: "PAYLOAD_TOO_LARGE" };
  }
  if (status === 415) {
    return { type: "about:blank", title: "不支持的内容类型", status, code: "UNSUPPORTED_MEDIA_TYPE" };
  }
  if (status >= 400 && status < 500) {
    return {
      type: "about:blank",
      title: "请求格式不正确",
      status,
      code: "BAD_REQUEST",
      detail: error.message,
    };
  }
  return { type: "about:blank", title: "服务器内部错误", status: 500, code: "INTERNAL" };
}
