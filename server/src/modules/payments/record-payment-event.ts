import type { Tx } from "../../platform/db/database.ts";

/**
 * Appends a payment step to the case's timeline. Payments are not lifecycle actions: the status stays
 * as it is (like the deadline sweep's alerts), so from and to are the case's current status.
 */
export async function recordPaymentEvent(
  tx: Tx,
  row: { id: string; status: string; channel: string },
  input: {
    action: "payment.ordered" | "payment.paid";
    actorId: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await tx
    .insertInto("case_event")
    .values({
      case_id: row.id,
      action: input.action,
      from_status: row.status,
      to_status: row.status,
      actor_id: input.actorId,
      on_behalf_of_id: null,
      channel: row.channel,
      comment: null,
      details: JSON.stringify(input.details),
      at: new Date(),
    })
    .execute();
}

/** Amounts as people read them: 12000 fen → "120.00". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
