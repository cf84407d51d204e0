import { itemTypes, regionPrefix, themes } from "@tongban/core";
import { type ExpressionBuilder, sql } from "kysely";
import type { Queryable } from "../../platform/db/database.ts";
import type { Database } from "../../platform/db/schema.ts";
import { OpeningHours } from "../organisations/opening-hours.ts";
import { itemDelegations } from "../organisations/queries.ts";
import { parseContent } from "./item-row.ts";
import { CatalogFacets, type ItemDetail, type ItemQuery, ItemSummary, TimeLimit } from "./schemas.ts";

const typeOf = (type: string) => itemTypes[type as keyof typeof itemTypes];
const Hours = OpeningHours.nullable();

/** Only active items whose version has taken effect are public. */
const isPublic = (today: string) => (eb: ExpressionBuilder<Database, "item">) =>
  eb.and([eb("item.status", "=", "active"), eb("item.effective_from", "<=", today)]);

/** Departments that implement at least one public item, with their item counts. */
export async function listDepartments(q: Queryable, today: string) {
  return q
    .selectFrom("department")
    .innerJoin("item", "item.department_id", "department.id")
    .where(isPublic(today))
    .select(["department.id", "department.ref", "department.name", "department.kind"])
    .select(sql<number>`count(item.id)::int`.as("itemCount"))
    .groupBy(["department.id", "department.ref", "department.name", "department.kind"])
    .orderBy("department.name")
    .execute();
}

/** Escapes LIKE wildcards so the words match literally. */
export const likeWords = (words: string) => `%${words.replace(/[\\%_]/g, "\\$&")}%`;

/** One page of public items by department, region, theme, audience, tag, type and name words, with the total. */
export async function listItems(q: Queryable, query: ItemQuery, today: string) {
  let base = q
    .selectFrom("item")
    .innerJoin("department", "department.id", "item.department_id")
    .where(isPublic(today));
  if (query.department) base = base.where("item.department_id", "=", query.department);
  if (query.region) base = base.where("item.region_code", "like", `${regionPrefix(query.region)}%`);
  if (query.q) base = base.where("item.name", "ilike", likeWords(query.q));
  if (query.type) base = base.where("item.type", "=", query.type);
  if (query.theme) base = base.where(sql<boolean>`${query.theme} = any(item.themes)`);
  if (query.tag) base = base.where(sql<boolean>`${query.tag} = any(item.tags)`);
  if (query.audience) base = base.where(sql<boolean>`${query.audience} = any(item.audience)`);
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    base
      .select([
        "item.id",
        "item.ref",
        "item.name",
        "item.type",
        "item.region_code",
        "item.audience",
        "item.themes",
        "item.tags",
        "item.processing",
        "item.online_depth",
        "item.max_visits",
        sql<unknown>`item.content -> 'promisedLimit'`.as("promised_limit"),
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
    items: rows.map((r) =>
      ItemSummary.parse({
        id: r.id,
        ref: r.ref,
        name: r.name,
        type: r.type,
        typeName: typeOf(r.type)?.name ?? r.type,
        typeCode: typeOf(r.type)?.code ?? "",
        department: { id: r.department_id, name: r.department_name },
        regionCode: r.region_code,
        audience: r.audience,
        themes: r.themes,
        tags: r.tags,
        processing: r.processing,
        promisedLimit: TimeLimit.parse(r.promised_limit ?? null),
        onlineDepth: r.online_depth,
        maxVisits: r.max_visits,
      }),
    ),
  };
}

/**
 * Every element of one item's guide with the names and places it refers to, or undefined when there
 * is no such item — or, unless `anyStatus`, when it is cancelled or not yet in effect.
 */
export async function findItem(
  q: Queryable,
  id: string,
  options: { today: string; anyStatus?: boolean },
): Promise<ItemDetail | undefined> {
  let query = q
    .selectFrom("item")
    .innerJoin("department", "department.id", "item.department_id")
    .innerJoin("region", "region.code", "item.region_code")
    .select([
      "item.id",
      "item.ref",
      "item.version",
      "item.effective_from",
      "item.status",
      "item.content",
      "department.id as department_id",
      "department.name as department_name",
      "region.code as region_code",
      "region.name as region_name",
    ])
    .where("item.id", "=", id);
  if (!options.anyStatus) query = query.where(isPublic(options.today));
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const content = parseContent(row.content);
  return {
    id: row.id,
    ref: row.ref,
    version: row.version,
    effectiveFrom: row.effective_from,
    status: row.status,
    department: { id: row.department_id, name: row.department_name },
    region: { code: row.region_code, name: row.region_name },
    content,
    ...(await resolveReferences(q, content)),
    delegations: (await itemDelegations(q, row.id, options.today)).map((d) => ({
      place: { id: d.place_id, name: d.place_name },
      validFrom: d.valid_from,
      validTo: d.valid_to,
    })),
  };
}

/** The licence type names and windows (with place, address and hours) a document refers to. */
export async function resolveReferences(q: Queryable, content: ItemDetail["content"]) {
  const licenceRefs = [
    ...new Set(
      [...content.materials.map((m) => m.licenceTypeRef), content.result?.licenceTypeRef ?? null].filter(
        (r): r is string => r !== null,
      ),
    ),
  ];
  const licences =
    licenceRefs.length > 0
      ? await q.selectFrom("licence_type").select(["ref", "name"]).where("ref", "in", licenceRefs).execute()
      : [];
  const windowRows =
    content.windowIds.length > 0
      ? await q
          .selectFrom("service_window")
          .innerJoin("service_place", "service_place.id", "service_window.place_id")
          .select([
            "service_window.id",
            "service_window.number",
            "service_window.name",
            "service_window.kind",
            "service_window.opening_hours",
            "service_place.id as place_id",
            "service_place.name as place_name",
            "service_place.address",
            "service_place.phone",
            "service_place.opening_hours as place_hours",
          ])
          .where("service_window.id", "in", content.windowIds)
          .where("service_window.is_active", "=", true)
          .execute()
      : [];
  const order = new Map(content.windowIds.map((id, index) => [id, index]));
  return {
    licenceTypes: Object.fromEntries(licences.map((l) => [l.ref, l.name])),
    windows: windowRows
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((w) => ({
        id: w.id,
        number: w.number,
        name: w.name,
        kind: w.kind,
        openingHours: Hours.parse(w.opening_hours),
        place: {
          id: w.place_id,
          name: w.place_name,
          address: w.address,
          phone: w.phone,
          openingHours: OpeningHours.parse(w.place_hours),
        },
      })),
  };
}

/** Counts for the portal's browse pages: by department, theme, feature tag and type. */
export async function catalogFacets(q: Queryable, today: string) {
  const base = q.selectFrom("item").where(isPublic(today));
  const [departments, themeRows, tagRows, typeRows] = await Promise.all([
    listDepartments(q, today),
    base
      .select([sql<string>`unnest(item.themes)`.as("value")])
      .execute()
      .then(countValues),
    base
      .select([sql<string>`unnest(item.tags)`.as("value")])
      .execute()
      .then(countValues),
    base.select(["item.type as value"]).execute().then(countValues),
  ]);
  const audienceOf = (theme: string) =>
    (themes.company as readonly string[]).includes(theme) ? ("company" as const) : ("citizen" as const);
  return CatalogFacets.parse({
    departments: departments.map((d) => ({ id: d.id, name: d.name, itemCount: d.itemCount })),
    themes: [...themes.citizen, ...themes.company]
      .filter((theme) => themeRows.has(theme))
      .map((theme) => ({ theme, audience: audienceOf(theme), itemCount: themeRows.get(theme) ?? 0 })),
    tags: [...tagRows].map(([tag, itemCount]) => ({ tag, itemCount })),
    types: [...typeRows].map(([type, itemCount]) => ({ type, name: typeOf(type)?.name ?? type, itemCount })),
  });
}

function countValues(rows: { value: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { value } of rows) counts.set(value, (counts.get(value) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
