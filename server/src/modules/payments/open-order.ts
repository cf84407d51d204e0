import type { LocalDate } from "@tongban/core";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db/database.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict } from "../../platform/errors.ts";
import type { CaseRow } from "../cases/queries.ts";
import { maskName } from "../cases/record-event.ts";
import { sendMessage } from "../notifications/send-message.ts";
import { orderLines, paymentNumber, totalFen } from "./fees.ts";
import { nextPaymentSequence, pendingOrder } from "./queries.ts";
import { recordPaymentEvent, yuan } from "./record-payment-event.ts";

/**
 * Opens the payment order (缴款单) of an approved case inside the decision's transaction, when its
 * pinned item version charges: the catalog's lines and amounts only, with its event, audit record and
 * a message telling the applicant what to pay. Free items get no order.
 */
export async function openPaymentOrder(
  deps: Deps,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  input: { fees?: readonly number[]; today: LocalDate; requestId?: string },
): Promise<void> {
  const lines = orderLines(row.content, input.fees);
  if (!lines) return;
  const amountFen = totalFen(lines);
  const number = paymentNumber("order", input.today, await nextPaymentSequence(tx, "order", input.today));
  const order = await tx
    .insertInto("payment_order")
    .values({ case_id: row.id, number, amount_fen: amountFen, lines: JSON.stringify(lines) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const details = { orderNumber: number, amountFen, on: input.today };
  await recordPaymentEvent(
    tx,
    { id: row.id, status: "decided", channel: row.channel },
    {
      action: "payment.ordered",
      actorId: actor.id,
      details,
    },
  );
  await recordAudit(tx, actor, {
    action: "payment.order",
    subjectType: "payment_order",
    subjectId: order.id,
    requestId: input.requestId ?? null,
    details: { caseId: row.id, caseNumber: row.number, orderNumber: number, amountFen, lines },
  });
  await sendMessage(deps, tx, {
    channel: "site",
    recipient: row.applicant_id,
    recipientMasked: maskName(row.applicant_name, row.applicant_kind),
    template: "payment.ordered",
    body: `您申请的「${row.content.name}」（办件编号 ${row.number ?? ""}）已准予，请缴纳费用 ${yuan(amountFen)} 元（缴款单号 ${number}）。`,
  });
}

/** Completion (办结) waits for the fee: refused while the case's order is unpaid. */
export async function refuseIfUnpaid(tx: Tx, caseId: string): Promise<void> {
  const pending = await pendingOrder(tx, caseId);
  if (pending)
    throw conflict("CASE_UNPAID", "尚未缴费，不能办结", {
      orderNumber: pending.number,
      amountFen: pending.amount_fen,
    });
}
