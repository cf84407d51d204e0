import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";

/** Session lifetimes: sliding idle timeout inside an absolute ceiling. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Where a sign-in stands: a staff member between password and second factor is not yet signed in. */
export type SessionStage = "active" | "mfa" | "enrol";

// A half-finished sign-in (password given, second factor pending) lives only a few minutes.
const PENDING_MINUTES = 10;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session and returns the bearer token (only its hash is stored). */
export async function createSession(
  q: Queryable,
  accountId: string,
  policy: SessionPolicy,
  stage: SessionStage = "active",
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const lifetime = stage === "active" ? policy.absoluteHours * 3600_000 : PENDING_MINUTES * 60_000;
  await q
    .insertInto("session")
    .values({
      id_hash: digest(token),
      account_id: accountId,
      stage,
      expires_at: new Date(Date.now() + lifetime),
    })
    .execute();
  return token;
}

/**
 * Replaces a session with a new token (after the second factor, or when the privilege changes) so a
 * token seen before the change is worthless afterwards (no session fixation).
 */
export async function rotateSession(
  q: Queryable,
  token: string,
  policy: SessionPolicy,
  changes: { stage?: SessionStage; actingFor?: string | null } = {},
): Promise<string> {
  const old = await q
    .deleteFrom("session")
    .where("id_hash", "=", digest(token))
    .returningAll()
    .executeTakeFirstOrThrow();
  const next = randomBytes(32).toString("base64url");
  const stage = changes.stage ?? old.stage;
  const expires =
    stage === "active" && old.stage !== "active"
      ? new Date(Date.now() + policy.absoluteHours * 3600_000)
      : old.expires_at;
  await q
    .insertInto("session")
    .values({
      id_hash: digest(next),
      account_id: old.account_id,
      stage,
      acting_for: changes.actingFor === undefined ? old.acting_for : changes.actingFor,
      created_at: old.created_at,
      expires_at: expires,
    })
    .execute();
  return next;
}

/** A resolved session: who, and how far the sign-in has got. */
export interface ResolvedSession {
  actor: Actor;
  stage: SessionStage;
}

/** Resolves a token to its actor, sliding the idle timeout; undefined when unknown, idle or expired. */
export async function resolveSession(
  q: Queryable,
  token: string,
  policy: SessionPolicy,
): Promise<ResolvedSession | undefined> {
  const idHash = digest(token);
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  const row = await q
    .selectFrom("session")
    .innerJoin("account", "account.id", "session.account_id")
    .leftJoin("account as company", "company.id", "session.acting_for")
    .select([
      "account.id",
      "account.kind",
      "account.username",
      "account.display_name",
      "account.roles",
      "account.region_code",
      "account.department_id",
      "account.place_id",
      "account.disabled_at",
      "session.stage",
      "session.last_seen_at",
      "session.expires_at",
      "company.id as company_id",
      "company.display_name as company_name",
    ])
    .where("session.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at < new Date() || row.last_seen_at < idleCutoff)
    return undefined;
  // Touch at most once a minute so reads do not turn every request into a write.
  if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    await q.updateTable("session").set({ last_seen_at: new Date() }).where("id_hash", "=", idHash).execute();
  }
  return {
    stage: row.stage,
    actor: {
      kind: row.kind,
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      regionCode: row.region_code,
      departmentId: row.department_id,
      placeId: row.place_id,
      actingFor: row.company_id && row.company_name ? { id: row.company_id, name: row.company_name } : null,
    },
  };
}

/** Ends one session. */
export async function deleteSession(q: Queryable, token: string): Promise<void> {
  await q.deleteFrom("session").where("id_hash", "=", digest(token)).execute();
}

/** Ends every session of an account (log out everywhere); returns how many ended. */
export async function deleteAllSessions(q: Queryable, accountId: string): Promise<number> {
  const result = await q.deleteFrom("session").where("account_id", "=", accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
