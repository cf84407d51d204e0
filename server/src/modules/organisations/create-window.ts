import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, invalid, notFound } from "../../platform/errors.ts";
import { authorize, hideUnlessAllowed } from "../identity/policy.ts";
import { hoursJson } from "./create-place.ts";
import { assertNoViolations, uniquely } from "./guards.ts";
import { findPlace } from "./queries.ts";
import { windowViolations } from "./rules.ts";
import type { CreateWindowRequest } from "./schemas.ts";

/** The place a window belongs to, loaded for a manager; outside their region it looks missing. */
export async function managedPlace(tx: Tx, actor: Actor, placeId: string) {
  const missing = notFound("PLACE_NOT_FOUND", "场所不存在");
  const place = await findPlace(tx, placeId);
  if (!place) throw missing;
  hideUnlessAllowed(actor, "organisation.manage", { regionCode: place.region_code }, missing);
  return place;
}

/** Refuses a department that does not exist. */
export async function assertDepartmentExists(tx: Tx, departmentId: string | null): Promise<void> {
  if (departmentId === null) return;
  const found = await tx
    .selectFrom("department")
    .select("id")
    .where("id", "=", departmentId)
    .executeTakeFirst();
  if (!found) throw invalid("DEPARTMENT_NOT_FOUND", "部门不存在", { field: "departmentId" });
}

/** Refuses a number another window of the place already shows. */
export async function assertWindowNumberFree(tx: Tx, placeId: string, number: string, exceptId?: string) {
  let query = tx
    .selectFrom("service_window")
    .select("id")
    .where("place_id", "=", placeId)
    .where("number", "=", number);
  if (exceptId) query = query.where("id", "<>", exceptId);
  if (await query.executeTakeFirst()) throw conflict("WINDOW_NUMBER_TAKEN", `该场所已有 ${number} 号窗口`);
}

/** Adds a window (窗口) to a place; a specialised (专业) window names its department. */
export async function createWindow(
  deps: Deps,
  actor: Actor,
  input: CreateWindowRequest & { placeId: string; requestId?: string },
): Promise<string> {
  authorize(actor, "organisation.manage");
  return deps.db.transaction().execute(async (tx) => {
    const place = await managedPlace(tx, actor, input.placeId);
    assertNoViolations(windowViolations(input));
    await assertDepartmentExists(tx, input.departmentId);
    await assertWindowNumberFree(tx, place.id, input.number);
    const row = await uniquely(
      () =>
        tx
          .insertInto("service_window")
          .values({
            place_id: place.id,
            number: input.number,
            name: input.name,
            kind: input.kind,
            department_id: input.departmentId,
            opening_hours: input.openingHours ? hoursJson(input.openingHours) : null,
            is_active: input.isActive,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      "WINDOW_NUMBER_TAKEN",
      `该场所已有 ${input.number} 号窗口`,
    );
    await recordAudit(tx, actor, {
      action: "window.created",
      subjectType: "window",
      subjectId: row.id,
      requestId: input.requestId ?? null,
      details: { placeId: place.id, number: input.number, name: input.name, kind: input.kind },
    });
    return row.id;
  });
}
