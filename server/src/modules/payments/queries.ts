import { sql } from "kysely";
import type { Queryable, Tx } from "../../platform/db/database.ts";

/** The next order or receipt number of the day, atomically even under concurrent payments. */
export async function nextPaymentSequence(tx: Tx, kind: "order" | "receipt", day: string): Promise<number> {
  const row = await tx
    .insertInto("payment_sequence")
    .values({ kind, day, last: 1 })
    .onConflict((oc) =>
      oc.columns(["kind", "day"]).doUpdateSet({ last: sql<number>`payment_sequence.last + 1` }),
    )
    .returning("last")
    .executeTakeFirstOrThrow();
  return row.last;
}

/** One order by id. */
export function findOrder(q: Queryable, id: string) {
  return q.selectFrom("payment_order").selectAll().where("id", "=", id).executeTakeFirst();
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

/** The case's latest order, if it was ever charged. */
export function latestOrder(q: Queryable, caseId: string) {
  return q
    .selectFrom("payment_order")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The case's order still waiting to be paid (at most one, by a unique index). */
export function pendingOrder(q: Queryable, caseId: string) {
  return q
    .selectFrom("payment_order")
    .select(["id", "number", "amount_fen"])
    .where("case_id", "=", caseId)
    .where("status", "=", "pending")
    .executeTakeFirst();
}

/** The order a provider's reference names, locked for the notification that pays it. */
export function lockOrderByRef(tx: Tx, providerRef: string) {
  return tx
    .selectFrom("payment_order")
    .selectAll()
    .where("provider_ref", "=", providerRef)
    .forUpdate()
    .executeTakeFirst();
}

/** What a receipt and the checkout page show besides the order: the case, its item, payer and payee. */
export function orderContext(q: Queryable, caseId: string) {
  return q
    .selectFrom("cases as c")
    .innerJoin("item as i", "i.id", "c.item_id")
    .innerJoin("department as d", "d.id", "c.department_id")
    .innerJoin("account as a", "a.id", "c.applicant_id")
    .select([
      "c.id",
      "c.number",
      "c.status",
      "c.channel",
      "c.applicant_id",
      "i.name as item_name",
      "d.name as payee_name",
      "d.credit_code as payee_credit_code",
      "a.display_name as payer_name",
      "a.kind as payer_kind",
    ])
    .where("c.id", "=", caseId)
    .executeTakeFirstOrThrow();
}
