import { regionPrefix } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { authorize } from "../identity/policy.ts";
import type { SheetName } from "./import-format.ts";
import { formatWeeklyText, OpeningPeriod } from "./opening-hours.ts";
import { canManage } from "./present.ts";
import { windowKindNames } from "./rules.ts";

const periodsOf = (value: unknown) =>
  OpeningPeriod.array().parse((value as { periods?: unknown })?.periods ?? []);
const notesOf = (value: unknown) => ((value as { notes?: string[] })?.notes ?? []).join("；");

/**
 * The regions, departments, places and windows inside the actor's region, as rows of the import format,
 * so that an export edited in a spreadsheet can be imported again. Recorded as a data export.
 */
export async function exportOrganisations(
  deps: Deps,
  actor: Actor,
  input: { format: "json" | "xlsx"; requestId?: string },
): Promise<Record<SheetName, Record<string, string>[]>> {
  authorize(actor, "organisation.manage");
  const scope = `${regionPrefix(actor.regionCode ?? "-")}%`;
  const db = deps.db;
  const [regions, departments, places, windows] = await Promise.all([
    db.selectFrom("region").selectAll().where("code", "like", scope).orderBy("code").execute(),
    db
      .selectFrom("department")
      .selectAll()
      .where("region_code", "like", scope)
      .orderBy("region_code")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("service_place")
      .selectAll()
      .where("region_code", "like", scope)
      .orderBy("region_code")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("service_window")
      .innerJoin("service_place", "service_place.id", "service_window.place_id")
      .leftJoin("department", "department.id", "service_window.department_id")
      .selectAll("service_window")
      .select([
        "service_place.name as place_name",
        "service_place.region_code",
        "department.ref as department_ref",
      ])
      .where("service_place.region_code", "like", scope)
      .orderBy("service_place.region_code")
      .orderBy("service_place.name")
      .orderBy("service_window.number")
      .execute(),
  ]);
  // The SQL prefix narrows the reads; the policy has the last word on every row.
  const rows: Record<SheetName, Record<string, string>[]> = {
    regions: regions
      .filter((r) => canManage(actor, r.code))
      .map((r) => ({
        code: r.code,
        name: r.name,
        parentCode: r.parent_code ?? "",
        validFrom: r.valid_from ?? "",
        validTo: r.valid_to ?? "",
      })),
    departments: departments
      .filter((d) => canManage(actor, d.region_code))
      .map((d) => ({
        ref: d.ref,
        name: d.name,
        kind: d.kind,
        creditCode: d.credit_code ?? "",
        regionCode: d.region_code,
      })),
    places: places
      .filter((p) => canManage(actor, p.region_code))
      .map((p) => ({
        regionCode: p.region_code,
        name: p.name,
        address: p.address,
        phone: p.phone ?? "",
        hours: formatWeeklyText(periodsOf(p.opening_hours)),
        notes: notesOf(p.opening_hours),
      })),
    windows: windows
      .filter((w) => canManage(actor, w.region_code))
      .map((w) => ({
        regionCode: w.region_code,
        placeName: w.place_name,
        number: w.number,
        name: w.name,
        kind: windowKindNames[w.kind],
        department: w.department_ref ?? "",
        hours: w.opening_hours ? formatWeeklyText(periodsOf(w.opening_hours)) : "",
        notes: w.opening_hours ? notesOf(w.opening_hours) : "",
        active: w.is_active ? "是" : "否",
      })),
  };
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, actor, {
      action: "organisation.exported",
      subjectType: "organisation-export",
      requestId: input.requestId ?? null,
      details: {
        format: input.format,
        regions: rows.regions.length,
        departments: rows.departments.length,
        places: rows.places.length,
        windows: rows.windows.length,
      },
    }),
  );
  return rows;
}
