import { sql } from "kysely";
import type { Db } from "./database.ts";

interface TableInfo {
  name: string;
  columns: { name: string; json: boolean }[];
  dependsOn: string[];
  selfReferences: { column: string; parentColumn: string }[];
}

async function describeTables(db: Db): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const fks = await sql<{ child: string; parent: string; child_column: string; parent_column: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
      a.attname as child_column, af.attname as parent_column
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(db);
  const names = [...new Set(columns.rows.map((c) => c.table_name))].filter((t) => t !== "schema_migrations");
  return names.map((name) => ({
    name,
    columns: columns.rows
      .filter((c) => c.table_name === name)
      .map((c) => ({ name: c.column_name, json: c.data_type === "jsonb" || c.data_type === "json" })),
    dependsOn: fks.rows.filter((f) => f.child === name && f.parent !== name).map((f) => f.parent),
    selfReferences: fks.rows
      .filter((f) => f.child === name && f.parent === name)
      .map((f) => ({ column: f.child_column, parentColumn: f.parent_column })),
  }));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return;
    if (path.has(t.name)) throw new Error(`foreign-key cycle through ${t.name}`);
    path.add(t.name);
    for (const parent of t.dependsOn) {
      const p = tables.find((x) => x.name === parent);
      if (p) visit(p, path);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/** Rows ordered parents-first for a table that references itself (such as the region tree). */
function parentsFirst(
  rows: Record<string, unknown>[],
  refs: TableInfo["selfReferences"],
): Record<string, unknown>[] {
  const ref = refs[0];
  if (!ref) return rows;
  const byKey = new Map(rows.map((r) => [r[ref.parentColumn], r]));
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  const place = (row: Record<string, unknown>) => {
    const key = row[ref.parentColumn];
    if (placed.has(key)) return;
    placed.add(key);
    const parent = byKey.get(row[ref.column]);
    if (parent && parent !== row) place(parent);
    out.push(row);
  };
  for (const row of rows) place(row);
  return out;
}

/**
 * Copies every table of `source` into the empty, migrated `target` in one transaction, parents
 * before children, keeping ids, then moves identity sequences past the copied ids.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  onProgress: (message: string) => void = () => {},
): Promise<Record<string, number>> {
  const tables = dependencyOrder(await describeTables(source));
  const counts: Record<string, number> = {};
  await target.transaction().execute(async (tx) => {
    for (const table of tables) {
      const existing = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(tx);
      if ((existing.rows[0]?.n ?? 0) > 0) {
        throw new Error(`target table ${table.name} is not empty; migrate into a fresh database`);
      }
    }
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
        source,
      );
      const ordered = parentsFirst(rows, table.selfReferences);
      const cols = table.columns;
      for (let i = 0; i < ordered.length; i += 200) {
        const chunk = ordered.slice(i, i + 200);
        const values = chunk.map(
          (row) =>
            sql`(${sql.join(cols.map((c) => (c.json && row[c.name] !== null ? JSON.stringify(row[c.name]) : row[c.name])))})`,
        );
        await sql`insert into ${sql.table(table.name)} (${sql.join(cols.map((c) => sql.id(c.name)))})
          overriding system value values ${sql.join(values)}`.execute(tx);
      }
      counts[table.name] = ordered.length;
      onProgress(`copied ${table.name}: ${ordered.length} rows`);
      const identity = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table.name} and is_identity = 'YES'`.execute(tx);
      for (const { column_name } of identity.rows) {
        await sql`select setval(pg_get_serial_sequence(${table.name}, ${column_name}),
          greatest(1, (select coalesce(max(${sql.id(column_name)}), 0) from ${sql.table(table.name)})),
          (select count(*) > 0 from ${sql.table(table.name)}))`.execute(tx);
      }
    }
  });
  return counts;
}
