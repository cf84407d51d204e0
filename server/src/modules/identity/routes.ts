import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { unauthenticated } from "../../platform/errors.ts";
import { Problem } from "../../platform/http/problem.ts";
import { isSecureRequest } from "../../platform/http/security.ts";
import { SESSION_COOKIE } from "./authenticate.ts";
import { actForCompany } from "./company-agents.ts";
import { logIn } from "./log-in.ts";
import { logOut } from "./log-out.ts";
import { presentSession } from "./queries.ts";
import { requestCode } from "./register-citizen.ts";
import { CodeRequest, Enrolment, LoginRequest, SessionResponse, TotpCode } from "./schemas.ts";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "./second-factor.ts";
import { deleteAllSessions, resolveSession } from "./sessions.ts";

/** Sets the session cookie and answers with the session as the browser should see it. */
export async function startBrowserSession(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): Promise<z.infer<typeof SessionResponse>> {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureRequest(request, deps.config.COOKIE_SECURE),
    maxAge: deps.config.SESSION_ABSOLUTE_HOURS * 3600,
  });
  const session = await resolveSession(deps.db, token, {
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
  });
  if (!session) throw unauthenticated("LOGIN_FAILED", "账号或密码错误");
  return presentSession(deps, session);
}

const tokenOf = (request: FastifyRequest) => {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw unauthenticated("UNAUTHENTICATED", "请先登录");
  return token;
};

/** Sign in (password or SMS code, then a second factor for staff), see the session, sign out. */
export function sessionRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["session"];
  const strict = { rateLimit: { max: deps.config.AUTH_RATE_LIMIT_MAX, timeWindow: "1 minute" } };
  const sessionReply = {
    200: SessionResponse,
    400: Problem,
    401: Problem,
    403: Problem,
    409: Problem,
    429: Problem,
  };

  r.post(
    "/api/session",
    {
      schema: {
        tags,
        summary: "Sign in with a password or an SMS code",
        body: LoginRequest,
        response: sessionReply,
      },
      config: strict,
    },
    async (request, reply) => {
      const body = request.body;
      const credentials =
        "password" in body
          ? { login: body.login, password: body.password }
          : { mobile: body.mobile, code: body.code };
      const { token } = await logIn(deps, { ...credentials, requestId: request.id });
      return startBrowserSession(deps, request, reply, token);
    },
  );

  r.post(
    "/api/session/codes",
    {
      schema: {
        tags,
        summary:
          "Send an SMS code for registration or sign-in (the answer is the same whether or not the number has an account)",
        body: CodeRequest,
        response: { 202: z.object({ sent: z.literal(true) }), 400: Problem, 429: Problem },
      },
      config: strict,
    },
    async (request, reply) => {
      await requestCode(deps, request.body);
      return reply.code(202).send({ sent: true });
    },
  );

  r.post(
    "/api/session/totp",
    {
      schema: {
        tags,
        summary: "Complete a staff sign-in with the authenticator code",
        body: TotpCode,
        response: sessionReply,
      },
      config: strict,
    },
    async (request, reply) => {
      const token = await verifySecondFactor(deps, request.session, {
        token: tokenOf(request),
        code: request.body.code,
        requestId: request.id,
      });
      return startBrowserSession(deps, request, reply, token);
    },
  );

  r.post(
    "/api/session/totp/enrolment",
    {
      schema: {
        tags,
        summary: "Start setting up an authenticator (staff without one)",
        response: { 200: Enrolment, 401: Problem },
      },
    },
    async (request) => startEnrolment(deps, request.session),
  );

  r.post(
    "/api/session/totp/enrolment/confirm",
    {
      schema: {
        tags,
        summary: "Confirm the authenticator with its first code",
        body: TotpCode,
        response: sessionReply,
      },
      config: strict,
    },
    async (request, reply) => {
      const token = await confirmEnrolment(deps, request.session, {
        token: tokenOf(request),
        code: request.body.code,
        requestId: request.id,
      });
      return startBrowserSession(deps, request, reply, token);
    },
  );

  r.get(
    "/api/session",
    {
      schema: {
        tags,
        summary: "The current session",
        security: [{ session: [] }],
        response: { 200: SessionResponse, 401: Problem },
      },
    },
    async (request) => {
      if (!request.session) throw unauthenticated("UNAUTHENTICATED", "请先登录");
      return presentSession(deps, request.session);
    },
  );

  r.put(
    "/api/session/acting-for",
    {
      schema: {
        tags,
        summary: "Act for a company you are an agent (经办人) of, or for yourself (null)",
        body: z.object({ companyId: z.uuid().nullable() }),
        response: sessionReply,
      },
    },
    async (request, reply) => {
      const token = await actForCompany(deps, request.actor, {
        token: tokenOf(request),
        companyId: request.body.companyId,
        requestId: request.id,
      });
      return startBrowserSession(deps, request, reply, token);
    },
  );

  r.delete(
    "/api/session",
    { schema: { tags, summary: "Sign out", response: { 204: z.undefined(), 403: Problem } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logOut(deps, request.actor, { token, requestId: request.id });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  r.delete(
    "/api/sessions",
    {
      schema: {
        tags,
        summary: "Sign out everywhere (every device)",
        response: { 204: z.undefined(), 401: Problem },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor.id) throw unauthenticated("UNAUTHENTICATED", "请先登录");
      const accountId = actor.id;
      await deps.db.transaction().execute(async (tx) => {
        const ended = await deleteAllSessions(tx, accountId);
        await recordAudit(tx, actor, {
          action: "session.logout-everywhere",
          subjectType: "account",
          subjectId: accountId,
          requestId: request.id,
          details: { ended },
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );
}
