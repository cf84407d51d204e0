/// <reference path="./oidc-provider.d.ts" />
import { AsyncLocalStorage } from "node:async_hooks";
import type { Adapter, AdapterFactory, AdapterPayload, ClientMetadata } from "oidc-provider";
import { systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Db, Queryable, Tx } from "../../platform/db/database.ts";

// A transaction opened by one of our use cases (consent), which the provider's writes join: the grant,
// the interaction's result and the audit record then commit or roll back together.
const currentTx = new AsyncLocalStorage<Tx>();

/** Runs `work` in one transaction that the provider's own writes inside it take part in. */
export function withProviderTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((tx) => currentTx.run(tx, () => work(tx)));
}

/**
 * oidc-provider's persistence over the `oidc_payload` table, one adapter per model; the `Client`
 * model reads the registered client systems from `oidc_client` instead (disabled ones do not exist).
 */
export function createAdapterFactory(db: Db): AdapterFactory {
  return (model) => (model === "Client" ? clientAdapter(db) : payloadAdapter(db, model));
}

const epoch = (date: Date) => Math.floor(date.getTime() / 1000);
const unsupported = () => Promise.reject(new Error("client systems are registered by administrators only"));

function payloadAdapter(db: Db, model: string): Adapter {
  const q = (): Queryable => currentTx.getStore() ?? db;

  const findWhere = async (column: "id" | "uid" | "user_code", value: string) => {
    const row = await q()
      .selectFrom("oidc_payload")
      .select(["payload", "consumed_at"])
      .where("model", "=", model)
      .where(column, "=", value)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", new Date())]))
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...row.payload,
      ...(row.consumed_at ? { consumed: epoch(row.consumed_at) } : {}),
    } as AdapterPayload;
  };

  const write = async (tx: Queryable, id: string, payload: AdapterPayload, expiresIn: number) => {
    const values = {
      payload: JSON.stringify(payload),
      grant_id: payload.grantId ?? null,
      uid: payload.uid ?? null,
      user_code: payload.userCode ?? null,
      expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    await tx
      .insertInto("oidc_payload")
      .values({ model, id, ...values })
      .onConflict((oc) => oc.columns(["model", "id"]).doUpdateSet(values))
      .execute();
  };

  return {
    async upsert(id, payload, expiresIn) {
      if (model !== "AccessToken") return write(q(), id, payload, expiresIn);
      // Handing a client system a token releases the person's data to it: audited with the token.
      const issue = async (tx: Tx) => {
        await write(tx, id, payload, expiresIn);
        await recordAudit(tx, systemActor, {
          action: "oidc.token-issued",
          subjectType: "oidc-client",
          subjectId: payload.clientId ?? null,
          onBehalfOf: payload.accountId ?? null,
          details: { scope: payload.scope ?? "", grantId: payload.grantId ?? null, expiresIn },
        });
      };
      const open = currentTx.getStore();
      return open ? issue(open) : db.transaction().execute(issue);
    },
    find: (id) => findWhere("id", id),
    findByUid: (uid) => findWhere("uid", uid),
    findByUserCode: (userCode) => findWhere("user_code", userCode),
    async consume(id) {
      await q()
        .updateTable("oidc_payload")
        .set({ consumed_at: new Date() })
        .where("model", "=", model)
        .where("id", "=", id)
        .execute();
    },
    async destroy(id) {
      await q().deleteFrom("oidc_payload").where("model", "=", model).where("id", "=", id).execute();
    },
    async revokeByGrantId(grantId) {
      await q()
        .deleteFrom("oidc_payload")
        .where("model", "=", model)
        .where("grant_id", "=", grantId)
        .execute();
    },
  };
}

function clientAdapter(db: Db): Adapter {
  return {
    async find(id) {
      const row = await (currentTx.getStore() ?? db)
        .selectFrom("oidc_client")
        .select(["id", "name", "secret_hash", "redirect_uris", "scopes"])
        .where("id", "=", id)
        .where("disabled_at", "is", null)
        .executeTakeFirst();
      if (!row) return undefined;
      const metadata: ClientMetadata = {
        client_id: row.id,
        client_name: row.name,
        redirect_uris: row.redirect_uris,
        scope: row.scopes.join(" "),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        id_token_signed_response_alg: "RS256",
        // The provider compares the presented secret with this hash through compareClientSecret.
        ...(row.secret_hash
          ? { token_endpoint_auth_method: "client_secret_basic", client_secret: row.secret_hash }
          : { token_endpoint_auth_method: "none" }),
      };
      return metadata;
    },
    upsert: unsupported,
    findByUid: () => Promise.resolve(undefined),
    findByUserCode: () => Promise.resolve(undefined),
    consume: unsupported,
    destroy: unsupported,
    revokeByGrantId: unsupported,
  };
}
