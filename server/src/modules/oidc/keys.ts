import { generateKeyPairSync, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";

// One constant key for pg_advisory_xact_lock, so instances starting together create the keys once.
const KEY_LOCK = 7_420_260_004;

/** What the provider is built from: private signing JWKs (newest first) and cookie-signing secrets. */
export interface ProviderKeys {
  jwks: Record<string, unknown>[];
  cookieKeys: string[];
}

/**
 * The provider's keys from the database, creating an RS256 key pair and a cookie key the first time.
 * Every instance reads the same rows, so tokens and cookies from one verify on another; private
 * halves are sealed with the platform's data key, so a copy of the database alone cannot sign tokens.
 */
export async function loadProviderKeys(deps: Pick<Deps, "db" | "vault">): Promise<ProviderKeys> {
  return deps.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${KEY_LOCK})`.execute(tx);
    const existing = await activeKeys(tx);
    if (!existing.some((k) => k.purpose === "signing")) await createSigningKey(tx, deps);
    if (!existing.some((k) => k.purpose === "cookie")) await createCookieKey(tx, deps);
    const rows = await activeKeys(tx);
    return {
      jwks: rows
        .filter((k) => k.purpose === "signing")
        .map((k) => JSON.parse(deps.vault.decrypt(k.secret_enc)) as Record<string, unknown>),
      cookieKeys: rows.filter((k) => k.purpose === "cookie").map((k) => deps.vault.decrypt(k.secret_enc)),
    };
  });
}

function activeKeys(tx: Tx) {
  return tx
    .selectFrom("oidc_key")
    .select(["id", "purpose", "secret_enc"])
    .where("retired_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

async function createSigningKey(tx: Tx, deps: Pick<Deps, "vault">): Promise<void> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomBytes(12).toString("base64url");
  const meta = { kid, alg: "RS256", use: "sig" };
  const privateJwk = { ...privateKey.export({ format: "jwk" }), ...meta };
  const publicJwk = { ...publicKey.export({ format: "jwk" }), ...meta };
  await tx
    .insertInto("oidc_key")
    .values({
      id: kid,
      purpose: "signing",
      alg: "RS256",
      public_jwk: JSON.stringify(publicJwk),
      secret_enc: deps.vault.encrypt(JSON.stringify(privateJwk)),
    })
    .execute();
  await recordAudit(tx, systemActor, {
    action: "oidc.key-created",
    subjectType: "oidc-key",
    subjectId: kid,
    details: { purpose: "signing", alg: "RS256" },
  });
}

async function createCookieKey(tx: Tx, deps: Pick<Deps, "vault">): Promise<void> {
  const id = `cookie-${randomBytes(6).toString("base64url")}`;
  await tx
    .insertInto("oidc_key")
    .values({
      id,
      purpose: "cookie",
      alg: null,
      public_jwk: null,
      secret_enc: deps.vault.encrypt(randomBytes(32).toString("base64url")),
    })
    .execute();
  await recordAudit(tx, systemActor, {
    action: "oidc.key-created",
    subjectType: "oidc-key",
    subjectId: id,
    details: { purpose: "cookie" },
  });
}
