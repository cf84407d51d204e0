import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { invalid } from "../../platform/errors.ts";
import { authorize } from "../identity/policy.ts";
import { type ParsedFile, readJsonFile, readWorkbook, sheetNames } from "./import-format.ts";
import { type ImportPlan, planImport } from "./import-plan.ts";
import { regionLevelOf, regionLevels, todayInShanghai } from "./rules.ts";
import type { ImportRequest, ImportResult } from "./schemas.ts";

/** At most this many row errors travel back; the total is reported too. */
const MAX_REPORTED_ERRORS = 500;

/**
 * Imports regions, departments, places and windows from a JSON or Excel file, all or nothing: every row
 * is checked (format, the same rules as single edits, references within the file and the database, the
 * actor's scope), and unless every row passes nothing is written. Existing records are matched by region
 * code, department ref (or credit code), place region + name and window number, and updated.
 */
export async function importOrganisations(
  deps: Deps,
  actor: Actor,
  input: ImportRequest & { requestId?: string },
): Promise<ImportResult> {
  authorize(actor, "organisation.manage");
  const file: ParsedFile =
    input.format === "json"
      ? readJsonFile(input.content)
      : await readWorkbook(Buffer.from(input.content, "base64"));
  const rowCount = sheetNames.reduce((n, sheet) => n + file.rows[sheet].length, 0);
  if (file.errors.length === 0 && rowCount === 0) {
    throw invalid("IMPORT_EMPTY", "文件中没有可导入的数据行（请使用模板中的“区划”“部门”“场所”“窗口”表）");
  }
  return deps.db.transaction().execute(async (tx) => {
    const plan = await planImport(tx, actor, file, todayInShanghai());
    if (plan.errors.length > 0) {
      throw invalid(
        "IMPORT_INVALID",
        `文件有 ${plan.errors.length} 处错误，未导入任何数据；请修改后重新导入`,
        {
          total: plan.errors.length,
          rows: plan.errors.slice(0, MAX_REPORTED_ERRORS),
        },
      );
    }
    const result = await applyPlan(tx, plan);
    await recordAudit(tx, actor, {
      action: "organisation.imported",
      subjectType: "organisation-import",
      subjectId: null,
      requestId: input.requestId ?? null,
      details: {
        fileName: input.fileName,
        format: input.format,
        sha256: createHash("sha256").update(input.content).digest("hex"),
        ...result,
      },
    });
    return result;
  });
}

const depth = (code: string) => regionLevels.indexOf(regionLevelOf(code) ?? "village");
const json = (value: unknown) => JSON.stringify(value);

async function applyPlan(tx: Tx, plan: ImportPlan): Promise<ImportResult> {
  const result: ImportResult = {
    regions: { created: 0, updated: 0 },
    departments: { created: 0, updated: 0 },
    places: { created: 0, updated: 0 },
    windows: { created: 0, updated: 0 },
  };
  // Parents before children, whatever order the file used.
  for (const r of [...plan.regions].sort(
    (a, b) => depth(a.code) - depth(b.code) || a.code.localeCompare(b.code),
  )) {
    const level = regionLevelOf(r.code);
    if (!level) continue;
    if (r.existing) {
      const updated = await tx
        .updateTable("region")
        .set({ name: r.name, valid_from: r.validFrom, valid_to: r.validTo })
        .where("code", "=", r.code)
        .where((eb) =>
          eb.or([
            eb("name", "<>", r.name),
            eb("valid_from", "is distinct from", r.validFrom),
            eb("valid_to", "is distinct from", r.validTo),
          ]),
        )
        .executeTakeFirst();
      result.regions.updated += Number(updated.numUpdatedRows);
    } else {
      await tx
        .insertInto("region")
        .values({
          code: r.code,
          name: r.name,
          level,
          parent_code: r.parentCode,
          valid_from: r.validFrom,
          valid_to: r.validTo,
        })
        .execute();
      result.regions.created++;
    }
  }

  const departmentIds = new Map<string, string>();
  for (const d of plan.departments) {
    const values = { name: d.name, kind: d.kind, credit_code: d.creditCode, region_code: d.regionCode };
    if (d.id) {
      const updated = await tx
        .updateTable("department")
        .set(values)
        .where("id", "=", d.id)
        .where((eb) =>
          eb.or([
            eb("name", "<>", d.name),
            eb("kind", "<>", d.kind),
            eb("credit_code", "is distinct from", d.creditCode),
            eb("region_code", "<>", d.regionCode),
          ]),
        )
        .executeTakeFirst();
      result.departments.updated += Number(updated.numUpdatedRows);
      departmentIds.set(d.key, d.id);
    } else {
      const ref = d.ref ?? `dept-${(d.creditCode ?? crypto.randomUUID().slice(0, 8)).toLowerCase()}`;
      const row = await tx
        .insertInto("department")
        .values({ ...values, ref })
        .returning("id")
        .executeTakeFirstOrThrow();
      departmentIds.set(d.key, row.id);
      result.departments.created++;
    }
  }

  const placeIds = new Map<string, string>();
  for (const p of plan.places) {
    if (p.id) {
      const updated = await tx
        .updateTable("service_place")
        .set({ address: p.address, phone: p.phone, opening_hours: json(p.hours), updated_at: new Date() })
        .where("id", "=", p.id)
        .where((eb) =>
          eb.or([
            eb("address", "<>", p.address),
            eb("phone", "is distinct from", p.phone),
            sql<boolean>`opening_hours <> ${json(p.hours)}::jsonb`,
          ]),
        )
        .executeTakeFirst();
      result.places.updated += Number(updated.numUpdatedRows);
      placeIds.set(p.key, p.id);
    } else {
      const row = await tx
        .insertInto("service_place")
        .values({
          name: p.name,
          kind: p.kind,
          region_code: p.regionCode,
          address: p.address,
          phone: p.phone,
          opening_hours: json(p.hours),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      placeIds.set(p.key, row.id);
      result.places.created++;
    }
  }

  for (const w of plan.windows) {
    const departmentId =
      w.departmentKey === null ? null : (departmentIds.get(w.departmentKey) ?? w.departmentKey);
    const values = {
      name: w.name,
      kind: w.kind,
      department_id: departmentId,
      opening_hours: w.hours === null ? null : json(w.hours),
      is_active: w.isActive,
    };
    if (w.id) {
      const updated = await tx
        .updateTable("service_window")
        .set({ ...values, updated_at: new Date() })
        .where("id", "=", w.id)
        .where((eb) =>
          eb.or([
            eb("name", "<>", w.name),
            eb("kind", "<>", w.kind),
            eb("department_id", "is distinct from", departmentId),
            sql<boolean>`opening_hours is distinct from ${values.opening_hours}::jsonb`,
            eb("is_active", "<>", w.isActive),
          ]),
        )
        .executeTakeFirst();
      result.windows.updated += Number(updated.numUpdatedRows);
    } else {
      const placeId = placeIds.get(w.placeKey) ?? (await placeIdOf(tx, w.placeKey));
      await tx
        .insertInto("service_window")
        .values({ ...values, place_id: placeId, number: w.number })
        .execute();
      result.windows.created++;
    }
  }
  return result;
}

/** The id of a place the file names but does not list (it exists already). */
async function placeIdOf(tx: Tx, key: string): Promise<string> {
  const [regionCode = "", name = ""] = key.split("|");
  const row = await tx
    .selectFrom("service_place")
    .select("id")
    .where("region_code", "=", regionCode)
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}
