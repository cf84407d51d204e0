import { buildChecklist, pledgeCheckStatusNames, pledgeText } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, invalid, notFound } from "../../platform/errors.ts";
import { loadCaseFor, scopeOf } from "./guard.ts";
import type { CasePledges } from "./pledge-schemas.ts";
import { mayTake } from "./policy.ts";
import type { CaseRow } from "./queries.ts";
import { recordStep } from "./record-event.ts";
import { caseToday } from "./today.ts";

// 告知承诺 (国办发〔2020〕42号): for a proof the item marks pledgeable, the applicant signs the standard
// commitment instead of uploading it. Commitments are made and withdrawn only while the application
// can still change (draft, correction); after acceptance they are what the post-verification checks.

/** The standing (not withdrawn) commitments of a case, oldest first. */
export function listPledges(q: Queryable, caseId: string) {
  return q
    .selectFrom("case_pledge as p")
    .innerJoin("account as a", "a.id", "p.pledged_by")
    .select([
      "p.id",
      "p.material_id",
      "p.material_name",
      "p.text",
      "p.pledged_by",
      "p.pledged_at",
      "a.display_name as pledged_by_name",
    ])
    .where("p.case_id", "=", caseId)
    .where("p.withdrawn_at", "is", null)
    .orderBy("p.pledged_at")
    .execute();
}

/** The material ids a standing commitment replaces: submit and accept count them as supplied. */
export async function pledgedMaterialIds(q: Queryable, caseId: string): Promise<Set<string>> {
  const rows = await q
    .selectFrom("case_pledge")
    .select("material_id")
    .where("case_id", "=", caseId)
    .where("withdrawn_at", "is", null)
    .execute();
  return new Set(rows.map((row) => row.material_id));
}

/** The commitment text for one material of the case, as the applicant agrees to it. */
function textFor(row: CaseRow, materialName: string): string {
  return pledgeText({ applicantName: row.applicant_name, itemName: row.content.name, materialName });
}

/** The pledgeable materials on the case's checklist; none unless the item practises 告知承诺. */
function pledgeableOf(row: CaseRow) {
  if (!row.content.tags.includes("pledge")) return [];
  return buildChecklist(row.content, row.answers).materials.filter((m) => m.pledgeable);
}

/** The case's commitments as the applicant and in-scope staff see them, with its pledge check. */
export async function presentPledges(q: Queryable, actor: Actor, row: CaseRow): Promise<CasePledges> {
  const pledges = await listPledges(q, row.id);
  const pledged = new Set(pledges.map((p) => p.material_id));
  const check = await q
    .selectFrom("pledge_check as k")
    .leftJoin("account as a", "a.id", "k.resolved_by")
    .selectAll("k")
    .select("a.display_name as resolved_by_name")
    .where("k.case_id", "=", row.id)
    .executeTakeFirst();
  const offered = row.content.tags.includes("pledge");
  return {
    offered,
    mayPledge: offered && mayTake(actor, scopeOf(row), "save"),
    materials: pledgeableOf(row).map((m) => ({
      materialId: m.id,
      name: m.name,
      pledged: pledged.has(m.id),
      text: textFor(row, m.name),
    })),
    pledges: pledges.map((p) => ({
      id: p.id,
      materialId: p.material_id,
      name: p.material_name,
      text: p.text,
      pledgedBy: { id: p.pledged_by, name: p.pledged_by_name },
      pledgedAt: new Date(p.pledged_at).toISOString(),
    })),
    check: check
      ? {
          id: check.id,
          caseId: check.case_id,
          status: check.status,
          statusName: pledgeCheckStatusNames[check.status],
          materials: check.materials.map(({ materialId, name }) => ({ materialId, name })),
          openedOn: check.opened_on,
          dueOn: check.due_on,
          note: check.note,
          resolvedBy: check.resolved_by
            ? { id: check.resolved_by, name: check.resolved_by_name ?? "" }
            : null,
          resolvedAt: check.resolved_at ? new Date(check.resolved_at).toISOString() : null,
        }
      : null,
  };
}

/**
 * Signs the standard commitment for one pledgeable material of a draft or a case under correction
 * (the applicant, their agent, or the clerk filing for a walk-in applicant): the proof is then not owed.
 */
export async function pledgeMaterial(
  deps: Deps,
  actor: Actor,
  input: { id: string; materialId: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, "save");
    if (!row.content.tags.includes("pledge"))
      throw invalid("PLEDGE_NOT_OFFERED", "该事项未实行告知承诺制，请上传申请材料");
    const material = row.content.materials.find((m) => m.id === input.materialId);
    if (!material)
      throw invalid("CASE_MATERIAL_UNKNOWN", "该事项没有这项材料", { materialId: input.materialId });
    if (!material.pledgeable)
      throw invalid("PLEDGE_NOT_ALLOWED", `「${material.name}」不能以告知承诺代替，请上传该材料`, {
        materialId: material.id,
      });
    if (!pledgeableOf(row).some((m) => m.id === material.id))
      throw invalid("PLEDGE_NOT_ON_CHECKLIST", `按您的情形，本次申请不需要「${material.name}」`, {
        materialId: material.id,
      });
    const existing = await pledgedMaterialIds(tx, row.id);
    if (existing.has(material.id))
      throw conflict("PLEDGE_EXISTS", `已就「${material.name}」作出承诺`, { materialId: material.id });
    const inserted = await tx
      .insertInto("case_pledge")
      .values({
        case_id: row.id,
        material_id: material.id,
        material_name: material.name,
        text: textFor(row, material.name),
        pledged_by: actor.id as string,
        pledged_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordStep(deps, tx, actor, row, {
      action: "pledge",
      to: row.status,
      today: caseToday(),
      requestId: input.requestId,
      details: { materialId: material.id, name: material.name, pledgeId: inserted.id },
      quiet: true,
    });
  });
}

/** Withdraws the commitment for one material while the application can still change; the proof is owed again. */
export async function withdrawPledge(
  deps: Deps,
  actor: Actor,
  input: { id: string; materialId: string; requestId?: string },
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadCaseFor(tx, actor, input.id, "save");
    const withdrawn = await tx
      .updateTable("case_pledge")
      .set({ withdrawn_at: new Date(), withdrawn_by: actor.id as string })
      .where("case_id", "=", row.id)
      .where("material_id", "=", input.materialId)
      .where("withdrawn_at", "is", null)
      .returning(["id", "material_name"])
      .executeTakeFirst();
    if (!withdrawn) throw notFound("PLEDGE_NOT_FOUND", "该材料没有告知承诺");
    await recordStep(deps, tx, actor, row, {
      action: "withdraw-pledge",
      to: row.status,
      today: caseToday(),
      requestId: input.requestId,
      details: { materialId: input.materialId, name: withdrawn.material_name, pledgeId: withdrawn.id },
      quiet: true,
    });
  });
}
