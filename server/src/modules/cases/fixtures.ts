import type { LightMyRequestResponse } from "fastify";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { setCaseTodayForTests } from "./today.ts";

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

/** The 情形引导 answers of a food shop (食品经营许可) application that needs no agent. */
export const foodAnswers = { s1: "食品销售", s2: "否", agent: "否" };

/** The app and the people and items the case API tests act with. */
export interface CaseWorld {
  t: TestApp;
  citizen: CaseClient;
  cityClerk: CaseClient;
  clerk: CaseClient;
  reviewer: CaseClient;
  chief: CaseClient;
  /** 食品经营许可 (shipin-jingying-xuke), the usual online application. */
  food: string;
  /** 临时救助 (linshi-jiuzhu), an item tagged for 容缺受理. */
  relief: string;
}

/** A seeded app with the city clerk added and the demo citizen and staff signed in. */
export async function openCaseWorld(kind: "pglite" | "postgres"): Promise<CaseWorld> {
  const t = await createTestApp(kind);
  await addCityClerk(t);
  return {
    t,
    citizen: await caseClient(t, "13800510001"),
    cityClerk: await caseClient(t, "city-clerk"),
    clerk: await caseClient(t, "clerk"),
    reviewer: await caseClient(t, "reviewer"),
    chief: await caseClient(t, "chief"),
    food: await itemId(t, "shipin-jingying-xuke"),
    relief: await itemId(t, "linshi-jiuzhu"),
  };
}

/** Resets the case date a test may have fixed, then closes the app. */
export async function closeCaseWorld(t: TestApp): Promise<void> {
  setCaseTodayForTests(null);
  await t.close();
}

/** Files a complete food shop application as the citizen and submits it; returns the submitted case. */
export async function submitFoodCase(citizen: CaseClient, food: string) {
  const created = expectStatus(
    await citizen.post("/api/cases", { itemId: food, answers: foodAnswers, form }),
    201,
  );
  await uploadChecklist(citizen, created.id);
  return expectStatus(await citizen.act(created.id, "submit"), 200);
}
