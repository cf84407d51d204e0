import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../seed/seed-demo.ts";
import type { TestApp } from "../../test/test-app.ts";
import { hashPassword } from "../identity/password.ts";

/** Adds a staff account (with the demo password and authenticator) for scope tests; returns its id. */
export async function addStaff(
  t: TestApp,
  input: { username: string; roles: string[]; regionCode: string; departmentRef?: string },
): Promise<string> {
  const department = input.departmentRef
    ? await t.database.db
        .selectFrom("department")
        .select("id")
        .where("ref", "=", input.departmentRef)
        .executeTakeFirstOrThrow()
    : undefined;
  const row = await t.database.db
    .insertInto("account")
    .values({
      kind: "staff",
      username: input.username,
      display_name: input.username,
      password_hash: await hashPassword(DEMO_PASSWORD),
      roles: input.roles,
      region_code: input.regionCode,
      department_id: department?.id ?? null,
      totp_secret_enc: t.vault.encrypt(DEMO_TOTP_SECRET),
      totp_enabled_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An HTTP client for one signed-in user over the test app. */
export async function clientFor(t: TestApp, username: string) {
  const { cookie, csrf } = await t.login(username);
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrf },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    get: (url: string) => call("GET", url),
    post: (url: string, payload: unknown) => call("POST", url, payload),
    patch: (url: string, payload: unknown) => call("PATCH", url, payload),
    delete: (url: string) => call("DELETE", url),
  };
}
export type Client = Awaited<ReturnType<typeof clientFor>>;

/** The audit rows of one action on one subject. */
export function auditRows(t: TestApp, action: string, subjectId?: string) {
  let query = t.database.db.selectFrom("audit_log").selectAll().where("action", "=", action);
  if (subjectId !== undefined) query = query.where("subject_id", "=", subjectId);
  return query.execute();
}

/** Weekday office hours in the API's structured form. */
export const officeHours = {
  periods: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, open: "08:30", close: "12:00" },
    { weekday, open: "13:30", close: "17:30" },
  ]),
  notes: ["延时服务：工作日 17:30-19:00"],
};
