import { sql } from "kysely";
import { z } from "zod";
import type { Queryable } from "../../platform/db/database.ts";
import { itemDelegations } from "../organisations/queries.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import { Fee, type ItemDetail, type ItemQuery, StoredMaterial } from "./schemas.ts";

const Limit = z.object({ days: z.number().int(), unit: z.string(), text: z.string().optional() }).nullable();
const LegalBasis = z.array(z.object({ law: z.string(), article: z.string().nullable() }));
const Situations = z.array(z.object({ question: z.string(), options: z.array(z.string()) }));

/** Departments that implement at least one item, with their item counts. */
export async function listDepartments(q: Queryable) {
  const rows = await q
    .selectFrom("department")
    .leftJoin("item", "item.department_id", "department.id")
    .select(["department.id", "department.ref", "department.name", "department.kind"])
    .select(sql<number>`count(item.id)::int`.as("itemCount"))
    .groupBy(["department.id", "department.ref", "department.name", "department.kind"])
    .having(sql`count(item.id)`, ">", 0)
    .orderBy("department.name")
    .execute();
  return rows;
}

/** One page of items, filtered by department and name words, with the total for paging. */
export async function listItems(q: Queryable, query: ItemQuery) {
  let base = q.selectFrom("item").innerJoin("department", "department.id", "item.department_id");
  if (query.department) base = base.where("item.department_id", "=", query.department);
  if (query.q) base = base.where("item.name", "ilike", `%${query.q.replace(/[\\%_]/g, "\\$&")}%`);
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    base
      .select([
        "item.id",
        "item.ref",
        "item.name",
        "item.type_name",
        "item.type_code",
        "item.audience",
        "item.tags",
        "item.promised_limit",
        "item.online_depth",
        "department.id as department_id",
        "department.name as department_name",
      ])
      .orderBy("department.name")
      .orderBy("item.name")
      .orderBy("item.id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return {
    total: count.n,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      name: r.name,
      type: r.type_name,
      typeCode: r.type_code,
      department: { id: r.department_id, name: r.department_name },
      audience: r.audience,
      tags: r.tags,
      promisedLimit: Limit.parse(r.promised_limit),
      onlineDepth: r.online_depth,
    })),
  };
}

/** Every element of one item's guide, or undefined when there is no such item. */
export async function findItem(q: Queryable, id: string): Promise<ItemDetail | undefined> {
  const row = await q
    .selectFrom("item")
    .innerJoin("department", "department.id", "item.department_id")
    .selectAll("item")
    .select(["department.name as department_name"])
    .where("item.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const materials = z.array(StoredMaterial).parse(row.materials);
  const licenceRefs = [...new Set(materials.flatMap((m) => (m.sourceLicence ? [m.sourceLicence] : [])))];
  const licences =
    licenceRefs.length > 0
      ? await q.selectFrom("licence_type").select(["ref", "name"]).where("ref", "in", licenceRefs).execute()
      : [];
  const licenceName = new Map(licences.map((l) => [l.ref, l.name]));
  const delegations = await itemDelegations(q, row.id, todayInShanghai());
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    type: row.type_name,
    typeCode: row.type_code,
    basicCode: row.basic_code,
    implementationCode: row.implementation_code,
    department: { id: row.department_id, name: row.department_name },
    audience: row.audience,
    themes: row.themes,
    tags: row.tags,
    legalBasis: LegalBasis.parse(row.legal_basis),
    conditions: z.array(z.string()).parse(row.conditions),
    materials: materials.map((m) => ({
      ...m,
      sourceLicence: m.sourceLicence
        ? { ref: m.sourceLicence, name: licenceName.get(m.sourceLicence) ?? m.sourceLicence }
        : null,
    })),
    situations: Situations.parse(row.situations),
    statutoryLimit: Limit.parse(row.statutory_limit),
    promisedLimit: Limit.parse(row.promised_limit),
    fee: Fee.parse(row.fee),
    onlineDepth: row.online_depth,
    maxVisits: row.max_visits,
    delegations: delegations.map((d) => ({
      place: { id: d.place_id, name: d.place_name },
      validFrom: d.valid_from,
      validTo: d.valid_to,
    })),
  };
}
