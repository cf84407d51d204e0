import { type Actor, systemActor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, forbidden, notFound } from "../../platform/errors.ts";
import { type PaymentNotification, PaymentSignatureError } from "../../platform/payments/provider.ts";
import { maskName } from "../cases/record-event.ts";
import { caseToday } from "../cases/today.ts";
import { sendMessage } from "../notifications/send-message.ts";
import { paymentNumber } from "./fees.ts";
import { lockOrderByRef, nextPaymentSequence, orderContext } from "./queries.ts";
import { recordPaymentEvent, yuan } from "./record-payment-event.ts";

/** What a notification did: paid the order now, or found it paid by this same transaction before. */
export interface NotificationResult {
  orderId: string;
  caseId: string;
  outcome: "paid" | "already-paid";
}

type Refusal = { code: string; message: string; details: Record<string, unknown> };

/**
 * Handles a payment provider's notification: verifies its signature, then, in one transaction, marks
 * the order paid with its 电子票据号, appends payment.paid to the case timeline, writes the audit
 * record and tells the applicant. A repeated notification of the same transaction changes nothing.
 * An amount other than the order's is refused and the order stays pending; the refusal itself is
 * audited (committed before the refusal is answered).
 */
export async function receiveNotification(
  deps: Deps,
  input: {
    provider: string;
    headers: Record<string, string | string[] | undefined>;
    rawBody: Buffer;
    requestId?: string;
  },
): Promise<NotificationResult> {
  if (input.provider !== deps.payments.name) throw notFound("PAYMENT_PROVIDER_UNKNOWN", "未启用该支付渠道");
  let note: PaymentNotification;
  try {
    note = deps.payments.parseNotification(input.headers, input.rawBody);
  } catch (error) {
    if (!(error instanceof PaymentSignatureError)) throw error;
    deps.log.warn(
      { provider: input.provider, requestId: input.requestId },
      "payment notification refused: bad signature",
    );
    throw forbidden("PAYMENT_SIGNATURE_INVALID", "支付通知验签失败");
  }
  const provider: Actor = { ...systemActor, displayName: `支付渠道 ${deps.payments.name}` };
  const result = await deps.db.transaction().execute(async (tx): Promise<NotificationResult | Refusal> => {
    const order = await lockOrderByRef(tx, note.providerRef);
    if (!order || order.provider !== deps.payments.name)
      return { code: "PAYMENT_ORDER_NOT_FOUND", message: "缴款单不存在", details: {} };
    const seen = { orderId: order.id, caseId: order.case_id };
    const refuse = async (code: string, message: string, details: Record<string, unknown>) => {
      await recordAudit(tx, provider, {
        action: "payment.refused",
        subjectType: "payment_order",
        subjectId: order.id,
        requestId: input.requestId ?? null,
        details: { code, orderNumber: order.number, transactionId: note.transactionId, ...details },
      });
      return { code, message, details };
    };
    if (order.status === "paid") {
      if (order.provider_transaction_id === note.transactionId) return { ...seen, outcome: "already-paid" };
      return refuse("PAYMENT_ALREADY_PAID", "该缴款单已缴费", { paidBy: order.provider_transaction_id });
    }
    if (order.status !== "pending") return refuse("PAYMENT_NOT_PENDING", "该缴款单已作废", {});
    if (note.amountFen !== order.amount_fen)
      return refuse("PAYMENT_AMOUNT_MISMATCH", "支付金额与缴款单金额不一致，已拒绝", {
        expectedFen: order.amount_fen,
        notifiedFen: note.amountFen,
      });
    const today = caseToday();
    const receiptNumber = paymentNumber("receipt", today, await nextPaymentSequence(tx, "receipt", today));
    await tx
      .updateTable("payment_order")
      .set({
        status: "paid",
        receipt_number: receiptNumber,
        paid_at: note.paidAt,
        provider_transaction_id: note.transactionId,
      })
      .where("id", "=", order.id)
      .execute();
    const context = await orderContext(tx, order.case_id);
    const details = { orderNumber: order.number, receiptNumber, amountFen: order.amount_fen, on: today };
    await recordPaymentEvent(tx, context, { action: "payment.paid", actorId: null, details });
    await recordAudit(tx, provider, {
      action: "payment.paid",
      subjectType: "payment_order",
      subjectId: order.id,
      requestId: input.requestId ?? null,
      details: { ...details, caseId: order.case_id, transactionId: note.transactionId },
    });
    await sendMessage(deps, tx, {
      channel: "site",
      recipient: context.applicant_id,
      recipientMasked: maskName(context.payer_name, context.payer_kind),
      template: "payment.paid",
      body: `您已为「${context.item_name}」（办件编号 ${context.number ?? ""}）缴费 ${yuan(order.amount_fen)} 元，电子票据号 ${receiptNumber}。`,
    });
    return { ...seen, outcome: "paid" };
  });
  if ("code" in result) {
    if (result.code === "PAYMENT_ORDER_NOT_FOUND") throw notFound(result.code, result.message);
    throw conflict(result.code, result.message, result.details);
  }
  return result;
}
