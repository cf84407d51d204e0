import { sql } from "kysely";
import type { Tx } from "../../../platform/db/database.ts";

// One key for the advisory lock, so two requests of the same day never take the same number.
const CHANGE_NUMBER_LOCK = 7_420_260_005;

/** The next change number of the day: BG + yyyymmdd + 4-digit sequence, e.g. BG202611230001. */
export async function nextChangeNumber(tx: Tx, today: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(${CHANGE_NUMBER_LOCK})`.execute(tx);
  const prefix = `BG${today.replaceAll("-", "")}`;
  const last = await tx
    .selectFrom("change_request")
    .select("number")
    .where("number", "like", `${prefix}%`)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  const sequence = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(sequence).padStart(4, "0")}`;
}
