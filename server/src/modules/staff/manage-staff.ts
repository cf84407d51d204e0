import { randomBytes } from "node:crypto";
import { can, isWithinRegion, type StaffRole } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { hashPassword } from "../identity/password.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import type { StaffMember } from "./schemas.ts";

/** Staff accounts within the administrator's region, each with what the administrator may do to it. */
export async function listStaff(deps: Deps, actor: Actor, query: { q?: string }): Promise<StaffMember[]> {
  authorize(actor, "staff.manage");
  let q = deps.db
    .selectFrom("account")
    .leftJoin("department", "department.id", "account.department_id")
    .select([
      "account.id",
      "account.username",
      "account.display_name",
      "account.roles",
      "account.region_code",
      "account.totp_enabled_at",
      "account.disabled_at",
      "department.id as department_id",
      "department.name as department_name",
    ])
    .where("account.kind", "=", "staff")
    .orderBy("account.username");
  if (query.q)
    q = q.where((eb) =>
      eb.or([
        eb("account.username", "ilike", `%${query.q}%`),
        eb("account.display_name", "ilike", `%${query.q}%`),
      ]),
    );
  const rows = await q.execute();
  return rows
    .filter((r) => r.region_code && can(actor, "staff.manage", { regionCode: r.region_code }))
    .map((r) => ({
      id: r.id,
      username: r.username ?? "",
      displayName: r.display_name,
      roles: r.roles,
      regionCode: r.region_code,
      department:
        r.department_id && r.department_name ? { id: r.department_id, name: r.department_name } : null,
      hasAuthenticator: r.totp_enabled_at !== null,
      disabled: r.disabled_at !== null,
      abilities: { update: r.id !== actor.id },
    }));
}

async function checkPlacement(
  deps: Deps,
  actor: Actor,
  regionCode: string,
  departmentId: string | null | undefined,
) {
  if (!can(actor, "staff.manage", { regionCode }))
    throw forbidden("REGION_OUT_OF_SCOPE", "只能在本人管辖的行政区划内设置工作人员");
  const region = await deps.db
    .selectFrom("region")
    .select("code")
    .where("code", "=", regionCode)
    .executeTakeFirst();
  if (!region) throw invalid("REGION_UNKNOWN", "行政区划不存在");
  if (departmentId) {
    const department = await deps.db
      .selectFrom("department")
      .select(["id", "region_code"])
      .where("id", "=", departmentId)
      .executeTakeFirst();
    if (!department) throw invalid("DEPARTMENT_UNKNOWN", "部门不存在");
    if (
      !isWithinRegion(regionCode, department.region_code) &&
      !isWithinRegion(department.region_code, regionCode)
    ) {
      throw invalid("DEPARTMENT_REGION_MISMATCH", "部门与行政区划不一致");
    }
  }
}

/** Creates a staff account with a one-time temporary password; the person enrols an authenticator at first sign-in. */
export async function createStaff(
  deps: Deps,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    roles: StaffRole[];
    regionCode: string;
    departmentId: string | null;
    requestId?: string;
  },
): Promise<{ id: string; temporaryPassword: string }> {
  authorize(actor, "staff.manage");
  await checkPlacement(deps, actor, input.regionCode, input.departmentId);
  const temporaryPassword = `Tb-${randomBytes(9).toString("base64url")}`;
  const passwordHash = await hashPassword(temporaryPassword);
  return deps.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom("account")
      .select("id")
      .where("username", "=", input.username)
      .executeTakeFirst();
    if (taken) throw conflict("USERNAME_TAKEN", "用户名已被使用");
    const row = await tx
      .insertInto("account")
      .values({
        kind: "staff",
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        roles: input.roles,
        region_code: input.regionCode,
        department_id: input.departmentId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: "staff.created",
      subjectType: "account",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: {
        username: input.username,
        roles: input.roles,
        regionCode: input.regionCode,
        departmentId: input.departmentId,
      },
    });
    return { id: row.id, temporaryPassword };
  });
}

async function loadStaff(deps: Deps, actor: Actor, id: string) {
  const row = await deps.db
    .selectFrom("account")
    .select(["id", "roles", "region_code", "department_id", "display_name", "disabled_at"])
    .where("id", "=", id)
    .where("kind", "=", "staff")
    .executeTakeFirst();
  if (!row) throw notFound("STAFF_NOT_FOUND", "工作人员不存在");
  hideUnlessAllowed(
    actor,
    "staff.manage",
    { regionCode: row.region_code },
    notFound("STAFF_NOT_FOUND", "工作人员不存在"),
  );
  if (row.id === actor.id)
    throw forbidden("STAFF_SELF_CHANGE", "不能修改自己的角色和状态，请由其他管理员操作");
  return row;
}

/** Changes a staff member's roles, placement, name or status; role changes and disabling are audited with before and after. */
export async function updateStaff(
  deps: Deps,
  actor: Actor,
  input: {
    id: string;
    displayName?: string | undefined;
    roles?: StaffRole[] | undefined;
    regionCode?: string | undefined;
    departmentId?: string | null | undefined;
    disabled?: boolean | undefined;
    requestId?: string;
  },
): Promise<void> {
  const before = await loadStaff(deps, actor, input.id);
  if (input.regionCode !== undefined || input.departmentId !== undefined) {
    await checkPlacement(
      deps,
      actor,
      input.regionCode ?? before.region_code ?? "",
      input.departmentId ?? before.department_id,
    );
  }
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("account")
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.roles !== undefined ? { roles: input.roles } : {}),
        ...(input.regionCode !== undefined ? { region_code: input.regionCode } : {}),
        ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
        ...(input.disabled !== undefined ? { disabled_at: input.disabled ? new Date() : null } : {}),
      })
      .where("id", "=", input.id)
      .execute();
    // New roles or a disabled account take effect at once: the person signs in again.
    if (
      input.roles !== undefined ||
      input.disabled ||
      input.regionCode !== undefined ||
      input.departmentId !== undefined
    ) {
      await tx.deleteFrom("session").where("account_id", "=", input.id).execute();
    }
    await recordAudit(tx, actor, {
      action: input.roles !== undefined ? "staff.roles-changed" : "staff.updated",
      subjectType: "account",
      subjectId: input.id,
      requestId: input.requestId ?? null,
      details: {
        before: {
          roles: before.roles,
          regionCode: before.region_code,
          departmentId: before.department_id,
          disabled: before.disabled_at !== null,
        },
        after: {
          roles: input.roles,
          regionCode: input.regionCode,
          departmentId: input.departmentId,
          disabled: input.disabled,
        },
      },
    });
  });
}

/** Clears a staff member's authenticator (lost phone); they enrol a new one at their next sign-in. */
export async function resetSecondFactor(
  deps: Deps,
  actor: Actor,
  input: { id: string; requestId?: string },
): Promise<void> {
  await loadStaff(deps, actor, input.id);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("account")
      .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null })
      .where("id", "=", input.id)
      .execute();
    await tx.deleteFrom("session").where("account_id", "=", input.id).execute();
    await recordAudit(tx, actor, {
      action: "staff.totp-reset",
      subjectType: "account",
      subjectId: input.id,
      requestId: input.requestId ?? null,
    });
  });
}
