import type { LightMyRequestResponse } from "fastify";
import type { TestApp } from "../../test/test-app.ts";

/** A minimal valid PDF (the magic bytes are what the upload checks). */
export const pdfBytes = (text = "material") => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/** An HTTP client for one signed-in user (or a visitor), with the calls the case API uses. */
export async function caseClient(t: TestApp, username?: string) {
  const { cookie, csrf } = username ? await t.login(username) : await t.anonymous();
  const headers = { cookie, "x-csrf-token": csrf };
  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url: string) => call("GET", url),
    post: (url: string, payload: unknown = {}) => call("POST", url, payload),
    put: (url: string, payload: unknown) => call("PUT", url, payload),
    delete: (url: string) => call("DELETE", url),
    act: (id: string, action: string, payload: unknown = {}) =>
      call("POST", `/api/cases/${id}/actions/${action}`, payload),
    upload: (id: string, materialId: string, name: string, bytes: Buffer) =>
      t.app.inject({
        method: "POST",
        url: `/api/cases/${id}/materials?materialId=${encodeURIComponent(materialId)}&name=${encodeURIComponent(name)}`,
        headers: { ...headers, "content-type": "application/octet-stream" },
        payload: bytes,
      }),
  };
}
export type CaseClient = Awaited<ReturnType<typeof caseClient>>;

/**
 * A window clerk at the city's 政务服务中心 (region 320200), who pre-checks online applications for
 * city-level items; the demo clerk works in 梁溪区 and reaches only cases handled there.
 */
export async function addCityClerk(t: TestApp, username = "city-clerk"): Promise<string> {
  const db = t.database.db;
  const template = await db
    .selectFrom("account")
    .selectAll()
    .where("username", "=", "clerk")
    .executeTakeFirstOrThrow();
  const department = await db
    .selectFrom("department")
    .select("id")
    .where("ref", "=", "dept-zwfw")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("account")
    .values({
      kind: "staff",
      username,
      display_name: "王芳",
      password_hash: template.password_hash,
      roles: ["window-clerk"],
      region_code: "320200",
      department_id: department.id,
      totp_secret_enc: template.totp_secret_enc,
      totp_enabled_at: template.totp_enabled_at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of a seeded item by its ref. */
export async function itemId(t: TestApp, ref: string): Promise<string> {
  const row = await t.database.db
    .selectFrom("item")
    .select("id")
    .where("ref", "=", ref)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Fails with the response body when the status is not the expected one (readable test failures). */
export function expectStatus(res: LightMyRequestResponse, status: number) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Uploads a PDF for every required material on the case's checklist. */
export async function uploadChecklist(client: CaseClient, id: string, skip: string[] = []) {
  const detail = expectStatus(await client.get(`/api/cases/${id}`), 200);
  for (const material of detail.checklist.materials as { id: string; required: boolean }[]) {
    if (!material.required || skip.includes(material.id)) continue;
    expectStatus(await client.upload(id, material.id, `${material.id}.pdf`, pdfBytes(material.id)), 201);
  }
}

/** The form every test application uses. */
export const form = { contactName: "陈晓明", contactPhone: "13800510001" };
