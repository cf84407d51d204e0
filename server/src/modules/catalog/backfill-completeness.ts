import { completeness, ItemContentSchema } from "@tongban/core";
import type { Db } from "../../platform/db/database.ts";

const BATCH = 200;

/**
 * Scores the items whose stored completeness is still NULL (rows older than migration 0007, or all of
 * them after a migration resets the column because completeness() changed). Runs once at start-up,
 * before the platform serves, so list filters see every row. The score is a derived copy of the
 * content, not a change of the item, so it carries no audit record. Returns how many rows it scored.
 */
export async function backfillCompleteness(db: Db): Promise<number> {
  let scored = 0;
  // Rows whose content no longer parses stay NULL; remembering them keeps the loop from revisiting them.
  const unreadable: string[] = [];
  for (;;) {
    let pending = db.selectFrom("item").select(["id", "content"]).where("completeness", "is", null);
    if (unreadable.length > 0) pending = pending.where("id", "not in", unreadable);
    const rows = await pending.orderBy("id").limit(BATCH).execute();
    if (rows.length === 0) return scored;
    await db.transaction().execute(async (tx) => {
      for (const row of rows) {
        const content = ItemContentSchema.safeParse(row.content);
        if (!content.success) {
          unreadable.push(row.id);
          continue;
        }
        await tx
          .updateTable("item")
          .set({ completeness: completeness(content.data).score })
          .where("id", "=", row.id)
          .execute();
        scored++;
      }
    });
  }
}
