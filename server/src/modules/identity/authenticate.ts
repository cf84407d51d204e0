import type { FastifyInstance } from "fastify";
import { type Actor, anonymousActor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { type ResolvedSession, resolveSession } from "./sessions.ts";

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = "tb_session";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is acting: only fully signed-in sessions count; everyone else is anonymous. */
    actor: Actor;
    /** The session behind the cookie at whatever stage (second-factor routes need the pending ones). */
    session: ResolvedSession | undefined;
  }
}

/** Resolves the session cookie (if any) before any API route runs. */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("actor", null as unknown as Actor);
  app.decorateRequest("session", undefined);
  app.addHook("onRequest", async (request) => {
    request.actor = anonymousActor;
    request.session = undefined;
    if (!request.url.startsWith("/api/") && !request.url.startsWith("/oidc/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(deps.db, token, {
      idleMinutes: deps.config.SESSION_IDLE_MINUTES,
      absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
    });
    request.session = session;
    if (session?.stage === "active") request.actor = session.actor;
  });
}
