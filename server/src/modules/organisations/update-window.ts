import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { notFound } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { hoursJson } from "./create-place.ts";
import { assertDepartmentExists, assertWindowNumberFree, managedPlace } from "./create-window.ts";
import { assertNoViolations, changes, uniquely } from "./guards.ts";
import { windowViolations } from "./rules.ts";
import type { UpdateWindowRequest } from "./schemas.ts";

/** Changes a window: number, name, kind, department, hours (null: the place's) or active flag. */
export async function updateWindow(
  deps: Deps,
  actor: Actor,
  input: UpdateWindowRequest & { placeId: string; windowId: string; requestId?: string },
): Promise<void> {
  authorize(actor, "organisation.manage");
  await deps.db.transaction().execute(async (tx) => {
    const place = await managedPlace(tx, actor, input.placeId);
    const current = await tx
      .selectFrom("service_window")
      .selectAll()
      .where("id", "=", input.windowId)
      .where("place_id", "=", place.id)
      .executeTakeFirst();
    if (!current) throw notFound("WINDOW_NOT_FOUND", "窗口不存在");
    const next = {
      number: input.number ?? current.number,
      name: input.name ?? current.name,
      kind: input.kind ?? current.kind,
      departmentId: input.departmentId === undefined ? current.department_id : input.departmentId,
      isActive: input.isActive ?? current.is_active,
    };
    assertNoViolations(windowViolations(next));
    if (input.departmentId !== undefined) await assertDepartmentExists(tx, input.departmentId);
    if (next.number !== current.number) await assertWindowNumberFree(tx, place.id, next.number, current.id);
    const changed = changes(
      {
        number: current.number,
        name: current.name,
        kind: current.kind,
        departmentId: current.department_id,
        openingHours: current.opening_hours,
        isActive: current.is_active,
      },
      {
        number: input.number,
        name: input.name,
        kind: input.kind,
        departmentId: input.departmentId,
        openingHours: input.openingHours,
        isActive: input.isActive,
      },
    );
    if (Object.keys(changed).length === 0) return;
    await uniquely(
      () =>
        tx
          .updateTable("service_window")
          .set({
            number: next.number,
            name: next.name,
            kind: next.kind,
            department_id: next.departmentId,
            is_active: next.isActive,
            ...(input.openingHours === undefined
              ? {}
              : { opening_hours: input.openingHours === null ? null : hoursJson(input.openingHours) }),
            updated_at: new Date(),
          })
          .where("id", "=", current.id)
          .execute(),
      "WINDOW_NUMBER_TAKEN",
      `该场所已有 ${next.number} 号窗口`,
    );
    await recordAudit(tx, actor, {
      action: "window.updated",
      subjectType: "window",
      subjectId: current.id,
      requestId: input.requestId ?? null,
      details: { placeId: place.id, changes: changed },
    });
  });
}
