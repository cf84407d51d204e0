import type { ItemContent } from "@tongban/core";
import { DEMO_TOTP_SECRET } from "../../seed/seed-demo.ts";
import type { TestApp } from "../../test/test-app.ts";

/**
 * The demo steward enrols an authenticator on first sign-in (the demo of enrolment); tests give the
 * account the shared demo authenticator instead, so it signs in like the other staff.
 */
export async function enrolDemoAuthenticator(t: TestApp, username: string): Promise<void> {
  await t.database.db
    .updateTable("account")
    .set({ totp_secret_enc: t.vault.encrypt(DEMO_TOTP_SECRET), totp_enabled_at: new Date() })
    .where("username", "=", username)
    .execute();
}

/** An HTTP client for one signed-in user, with the methods the catalog API uses. */
export async function catalogClient(t: TestApp, username: string) {
  const { cookie, csrf } = await t.login(username);
  const call = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => call("GET", url),
    post: (url: string, payload: unknown = {}) => call("POST", url, payload),
    put: (url: string, payload: unknown) => call("PUT", url, payload),
  };
}
export type CatalogClient = Awaited<ReturnType<typeof catalogClient>>;

/** The id and current document of a seeded item, by its ref. */
export async function seededItem(t: TestApp, ref: string): Promise<{ id: string; content: ItemContent }> {
  const row = await t.database.db
    .selectFrom("item")
    .select(["id", "content"])
    .where("ref", "=", ref)
    .executeTakeFirstOrThrow();
  return { id: row.id, content: row.content };
}

/** Drafts a change, submits it and has both reviewers approve it; returns the change's final view. */
export async function approveThrough(
  clients: { editor: CatalogClient; legal: CatalogClient; steward: CatalogClient },
  body: Record<string, unknown>,
) {
  const created = await clients.editor.post("/api/admin/catalog/changes", body);
  if (created.statusCode !== 201) throw new Error(`draft failed: ${created.body}`);
  const id: string = created.json().id;
  const submitted = await clients.editor.post(`/api/admin/catalog/changes/${id}/submit`);
  if (submitted.statusCode !== 200) throw new Error(`submit failed: ${submitted.body}`);
  await clients.legal.post(`/api/admin/catalog/changes/${id}/review`, { decision: "approve" });
  const last = await clients.steward.post(`/api/admin/catalog/changes/${id}/review`, { decision: "approve" });
  if (last.statusCode !== 200) throw new Error(`approval failed: ${last.body}`);
  return last.json();
}
