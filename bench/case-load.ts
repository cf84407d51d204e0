import { sql } from "kysely";
import { loadConfig } from "../server/src/config.ts";
import { sweepDeadlines } from "../server/src/modules/cases/sweep-deadlines.ts";
import { caseToday } from "../server/src/modules/cases/today.ts";
import type { Db } from "../server/src/platform/db/database.ts";
import { createVault, loadVaultKeys } from "../server/src/platform/vault.ts";
import { openPlatformDatabase } from "../server/src/start.ts";

// The generator writes open cases straight into the database with INSERT … SELECT generate_series, so
// a million rows load in one round trip per batch on either engine (PGlite has no COPY FROM STDIN).

const BATCH = 50_000;

/** What loading and sweeping took. */
export interface LoadFigures {
  cases: number;
  loadSeconds: number;
  /** The first sweep raises the due-soon/overdue events the loaded data calls for. */
  firstSweep: { seconds: number; dueSoon: number; overdue: number };
  /** The next day's sweep with nothing new to raise: the cost of looking. */
  quietSweep: { seconds: number; dueSoon: number; overdue: number };
  /** The plan of the sweep's candidate query, to show it reads the partial index. */
  plan: string;
}

/**
 * Loads `count` open cases (accepted, under review, 容缺 pending) of one item spread over the demo
 * applicants, each with its acceptance event, with due dates spread over the next 997 days and about
 * 0.1 % overdue (so a sweep has real work), then times the deadline sweep twice.
 */
export async function loadCasesAndSweep(
  env: Record<string, string>,
  count: number,
  log: (message: string) => void,
): Promise<LoadFigures> {
  const config = loadConfig(env);
  const { database, release } = await openPlatformDatabase(config);
  try {
    const db = database.db;
    const started = performance.now();
    await insertCases(db, count, log);
    const loadSeconds = (performance.now() - started) / 1000;
    if (database.kind === "postgres") await sql`ANALYZE cases`.execute(db);
    const vault = createVault(await loadVaultKeys(config));
    const today = caseToday();
    const first = await timed(() => sweepDeadlines({ vault }, db, today));
    log(
      `first sweep: ${first.seconds.toFixed(1)} s, ${first.value.dueSoon} due soon, ${first.value.overdue} overdue`,
    );
    const quiet = await timed(() => sweepDeadlines({ vault }, db, today));
    log(`quiet sweep: ${quiet.seconds.toFixed(2)} s`);
    const plan = await sweepPlan(db);
    return {
      cases: count,
      loadSeconds,
      firstSweep: { seconds: first.seconds, ...first.value },
      quietSweep: { seconds: quiet.seconds, ...quiet.value },
      plan,
    };
  } finally {
    await release();
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { seconds: (performance.now() - started) / 1000, value };
}

async function insertCases(db: Db, count: number, log: (message: string) => void): Promise<void> {
  const item = await db
    .selectFrom("item")
    .select(["id", "version", "department_id", "region_code"])
    .where("ref", "=", "shipin-jingying-xuke")
    .executeTakeFirstOrThrow();
  const applicants = await db
    .selectFrom("account")
    .select("id")
    .where("kind", "in", ["citizen", "company"])
    .orderBy("username")
    .execute();
  const ids = applicants.map((a) => a.id);
  const idArray = sql`${sql.raw(`ARRAY[${ids.map((id) => `'${id}'::uuid`).join(",")}]`)}`;
  const today = caseToday();
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    // Every 1000th case is 1–30 days overdue; the rest fall due over the next 997 days.
    await sql`
      WITH created AS (
        INSERT INTO cases (number, query_code, item_id, item_version, applicant_id, channel, status,
          answers, form, department_id, region_code, accepted_on, due_on, statutory_due_on, pending_due_on,
          submitted_at)
        SELECT 'BENCH' || lpad(g::text, 12, '0'), 'BENCH2', ${item.id}, ${item.version},
          (${idArray})[1 + g % ${ids.length}], 'web',
          (ARRAY['accepted', 'under-review', 'under-review', 'accepted-pending'])[1 + g % 4],
          '{"s1":"食品销售","s2":"否","agent":"否"}', '{"contactName":"陈晓明","contactPhone":"13800510001"}',
          ${item.department_id}, ${item.region_code},
          d.due - 20, d.due, d.due + 10, CASE WHEN g % 4 = 3 THEN d.due ELSE NULL END, now()
        FROM generate_series(${from}::int, ${to}::int) AS g,
          LATERAL (SELECT CASE WHEN g % 1000 = 0 THEN ${today}::date - (1 + g % 30)
                               ELSE ${today}::date + (g % 997) END AS due) AS d
        RETURNING id, status
      )
      INSERT INTO case_event (case_id, action, from_status, to_status, channel, details)
      SELECT id, 'accept', 'submitted', status, 'web', '{}' FROM created`.execute(db);
    if (to % 200_000 === 0 || to === count) log(`loaded ${to.toLocaleString("en")} cases`);
  }
}

async function sweepPlan(db: Db): Promise<string> {
  const rows = await sql<{ "QUERY PLAN": string }>`
    EXPLAIN SELECT c.id, c.due_on FROM cases c
    WHERE c.status IN ('accepted', 'accepted-pending', 'under-review')
      AND c.due_on >= CURRENT_DATE AND c.due_on <= CURRENT_DATE + 3
      AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.action = 'case.due-soon')`.execute(
    db,
  );
  return rows.rows.map((r) => r["QUERY PLAN"]).join("\n");
}
