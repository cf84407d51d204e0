import { type ItemContent, ItemContentSchema } from "@tongban/core";
import { sql } from "kysely";
import type { Queryable, Tx } from "../../platform/db/database.ts";

/** One case with what every view and check needs: the pinned content, the item and the people. */
export async function findCase(q: Queryable, id: string) {
  const row = await q
    .selectFrom("cases as c")
    .innerJoin("item as i", "i.id", "c.item_id")
    .innerJoin("item_version as v", (join) =>
      join.onRef("v.item_id", "=", "c.item_id").onRef("v.version", "=", "c.item_version"),
    )
    .innerJoin("department as d", "d.id", "c.department_id")
    .innerJoin("account as a", "a.id", "c.applicant_id")
    .leftJoin("account as s", "s.id", "c.acted_by_id")
    .selectAll("c")
    .select([
      "v.content as content",
      "i.implementation_code as implementation_code",
      "d.name as department_name",
      "a.display_name as applicant_name",
      "a.kind as applicant_kind",
      "s.display_name as acted_by_name",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, content: ItemContentSchema.parse(row.content) as ItemContent } : undefined;
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Locks the case row for a state change, so two clerks never move one case at once. */
export async function lockCase(tx: Tx, id: string): Promise<boolean> {
  const locked = await tx
    .selectFrom("cases")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return locked !== undefined;
}

/** The case's timeline, oldest first, with the actors' names. */
export function listEvents(q: Queryable, caseId: string) {
  return q
    .selectFrom("case_event as e")
    .leftJoin("account as a", "a.id", "e.actor_id")
    .selectAll("e")
    .select("a.display_name as actor_name")
    .where("e.case_id", "=", caseId)
    .orderBy("e.id")
    .execute();
}
export type CaseEventRow = Awaited<ReturnType<typeof listEvents>>[number];

/** The case's current files (not superseded), in upload order. */
export function listMaterials(q: Queryable, caseId: string) {
  return q
    .selectFrom("case_material")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("superseded_at", "is", null)
    .orderBy("uploaded_at")
    .execute();
}
export type CaseMaterialRow = Awaited<ReturnType<typeof listMaterials>>[number];

/** The next number of the day for an implementation code, atomically even under concurrent submissions. */
export async function nextSequence(tx: Tx, implementationCode: string, day: string): Promise<number> {
  const row = await tx
    .insertInto("case_sequence")
    .values({ implementation_code: implementationCode, day, last: 1 })
    .onConflict((oc) =>
      oc.columns(["implementation_code", "day"]).doUpdateSet({ last: sql<number>`case_sequence.last + 1` }),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return row.last;
}

/** The signed-in applicant's cases, newest first. */
export async function listApplicantCases(
  q: Queryable,
  applicantId: string,
  options: { status?: string; page: number; pageSize: number },
) {
  let query = q
    .selectFrom("cases as c")
    .innerJoin("item as i", "i.id", "c.item_id")
    .where("c.applicant_id", "=", applicantId);
  if (options.status) query = query.where("c.status", "=", options.status as never);
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number>().as("total")).execute()) as [
    { total: number },
  ];
  const rows = await query
    .select([
      "c.id",
      "c.number",
      "c.status",
      "c.channel",
      "c.created_at",
      "c.submitted_at",
      "c.due_on",
      "i.name as item_name",
    ])
    .orderBy("c.created_at", "desc")
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return { total: Number(total), rows };
}

/** A case by its number, for the public progress lookup. */
export function findByNumber(q: Queryable, number: string) {
  return q
    .selectFrom("cases as c")
    .innerJoin("item as i", "i.id", "c.item_id")
    .select(["c.id", "c.number", "c.query_code", "c.status", "c.delivery", "i.name as item_name"])
    .where("c.number", "=", number)
    .executeTakeFirst();
}
