import type { Actor } from "../../platform/actor.ts";
import type { Queryable } from "../../platform/db/database.ts";
import { conflict, DomainError, notFound } from "../../platform/errors.ts";
import { loadVisibleCase, scopeOf } from "../cases/guard.ts";
import { isApplicant } from "../cases/policy.ts";
import type { CaseRow } from "../cases/queries.ts";
import { chargedFees } from "./fees.ts";
import { findOrder, latestOrder, type OrderRow, orderContext } from "./queries.ts";
import type { CasePayment, PaymentOrder, Receipt } from "./schemas.ts";

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const missing = () => notFound("PAYMENT_ORDER_NOT_FOUND", "缴款单不存在");

/** An order with the case it belongs to, if the actor may see that case; otherwise it does not exist. */
export async function loadVisibleOrder(
  q: Queryable,
  actor: Actor,
  orderId: string,
): Promise<{ order: OrderRow; row: CaseRow }> {
  const order = await findOrder(q, orderId);
  if (!order) throw missing();
  try {
    return { order, row: await loadVisibleCase(q, actor, order.case_id) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not-found") throw missing();
    throw error;
  }
}

/** One order as the applicant and in-scope staff see it. */
export function presentOrder(order: OrderRow, actor: Actor, row: CaseRow): PaymentOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    amountFen: order.amount_fen,
    lines: order.lines,
    createdAt: iso(order.created_at) as string,
    paidAt: iso(order.paid_at),
    receiptNumber: order.receipt_number,
    mayPay: order.status === "pending" && isApplicant(actor, scopeOf(row)),
  };
}

/** A case's fees and its latest order (GET /api/cases/{id}/payment). */
export async function casePayment(q: Queryable, actor: Actor, caseId: string): Promise<CasePayment> {
  const row = await loadVisibleCase(q, actor, caseId);
  const order = await latestOrder(q, row.id);
  return { fees: chargedFees(row.content), order: order ? presentOrder(order, actor, row) : null };
}

/** The electronic receipt (电子票据) of a paid order: payer, payee, lines, amount, number and time. */
export async function paymentReceipt(q: Queryable, actor: Actor, orderId: string): Promise<Receipt> {
  const { order, row } = await loadVisibleOrder(q, actor, orderId);
  if (order.status !== "paid" || !order.receipt_number || !order.paid_at)
    throw conflict("PAYMENT_NOT_PAID", "尚未缴费，没有电子票据");
  const context = await orderContext(q, order.case_id);
  return {
    receiptNumber: order.receipt_number,
    orderNumber: order.number,
    caseNumber: row.number,
    itemName: row.content.name,
    payer: { name: row.applicant_name },
    payee: { name: context.payee_name, creditCode: context.payee_credit_code },
    lines: order.lines,
    amountFen: order.amount_fen,
    paidAt: iso(order.paid_at) as string,
    provider: order.provider ?? "",
    transactionId: order.provider_transaction_id ?? "",
  };
}
