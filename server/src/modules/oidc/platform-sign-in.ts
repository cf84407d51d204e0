import { createHash } from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import type { Deps } from "../../platform/deps.ts";
import { resolveSession } from "../identity/sessions.ts";

/** A person fully signed in to Tongban, and when that sign-in happened (the id token's auth_time). */
export interface PlatformSignIn {
  actor: Actor & { id: string };
  authTime: number;
}

/**
 * Who the `tb_session` token signs in, when the session is active (second factor done): the provider
 * signs people in to client systems as whoever is signed in to Tongban, never anyone else.
 */
export async function platformSignIn(
  deps: Deps,
  token: string | undefined,
): Promise<PlatformSignIn | undefined> {
  if (!token) return undefined;
  const session = await resolveSession(deps.db, token, {
    idleMinutes: deps.config.SESSION_IDLE_MINUTES,
    absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
  });
  const id = session?.actor.id;
  if (session?.stage !== "active" || !id) return undefined;
  // Sessions are stored by the SHA-256 of their token (identity/sessions.ts).
  const row = await deps.db
    .selectFrom("session")
    .select("created_at")
    .where("id_hash", "=", createHash("sha256").update(token).digest("hex"))
    .executeTakeFirst();
  if (!row) return undefined;
  return { actor: { ...session.actor, id }, authTime: Math.floor(row.created_at.getTime() / 1000) };
}
