import { randomBytes } from "node:crypto";
import type { Actor } from "../../platform/actor.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { Deps } from "../../platform/deps.ts";
import { conflict, forbidden, notFound } from "../../platform/errors.ts";
import { isDemoProvider } from "../../platform/payments/create-provider.ts";
import { scopeOf } from "../cases/guard.ts";
import { isApplicant } from "../cases/policy.ts";
import type { CaseRow } from "../cases/queries.ts";
import { type OrderRow, orderContext } from "./queries.ts";
import { type NotificationResult, receiveNotification } from "./receive-notification.ts";
import type { DemoCheckout } from "./schemas.ts";
import { loadVisibleOrder } from "./view-payment.ts";

/** Only the applicant (or their company's agent) pays; staff who may read the case see the order only. */
function mustBeApplicant(actor: Actor, row: CaseRow): void {
  if (!isApplicant(actor, scopeOf(row))) throw forbidden("PAYMENT_APPLICANT_ONLY", "只有申请人可以缴费");
}

function mustBePending(order: OrderRow): void {
  if (order.status !== "pending")
    throw conflict("PAYMENT_NOT_PENDING", order.status === "paid" ? "该缴款单已缴费" : "该缴款单已作废");
}

/**
 * Starts paying an order (去缴费): asks the provider for its checkout page and remembers the provider's
 * reference, reusing an earlier one so a second click never opens a second payment.
 */
export async function startCheckout(
  deps: Deps,
  actor: Actor,
  input: { orderId: string; requestId?: string },
): Promise<{ checkoutUrl: string }> {
  return deps.db.transaction().execute(async (tx) => {
    const { order, row } = await loadVisibleOrder(tx, actor, input.orderId);
    mustBeApplicant(actor, row);
    mustBePending(order);
    const locked = await tx
      .selectFrom("payment_order")
      .select(["provider", "provider_ref"])
      .where("id", "=", order.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const reuse = locked.provider === deps.payments.name ? locked.provider_ref : null;
    const checkout = await deps.payments.createCheckout({
      number: order.number,
      amountFen: order.amount_fen,
      description: `${row.content.name}（办件编号 ${row.number ?? ""}）`,
      providerRef: reuse,
    });
    if (checkout.providerRef !== reuse) {
      await tx
        .updateTable("payment_order")
        .set({ provider: deps.payments.name, provider_ref: checkout.providerRef })
        .where("id", "=", order.id)
        .execute();
      await recordAudit(tx, actor, {
        action: "payment.checkout",
        subjectType: "payment_order",
        subjectId: order.id,
        requestId: input.requestId ?? null,
        details: {
          orderNumber: order.number,
          provider: deps.payments.name,
          providerRef: checkout.providerRef,
        },
      });
    }
    return { checkoutUrl: checkout.checkoutUrl };
  });
}

/** The demo provider's page, or nothing when another provider is configured. */
function demoProvider(deps: Deps) {
  if (!isDemoProvider(deps.payments)) throw notFound("PAYMENT_PROVIDER_UNKNOWN", "未启用演示支付渠道");
  return deps.payments;
}

/** The order behind a demo checkout reference, for its applicant. */
async function loadDemoOrder(deps: Deps, actor: Actor, ref: string) {
  demoProvider(deps);
  const found = await deps.db
    .selectFrom("payment_order")
    .select("id")
    .where("provider", "=", "demo")
    .where("provider_ref", "=", ref)
    .executeTakeFirst();
  if (!found) throw notFound("PAYMENT_ORDER_NOT_FOUND", "缴款单不存在");
  const loaded = await loadVisibleOrder(deps.db, actor, found.id);
  mustBeApplicant(actor, loaded.row);
  return loaded;
}

/** What the demo checkout page shows: the order, its lines and the payee (the implementing department). */
export async function demoCheckoutView(deps: Deps, actor: Actor, ref: string): Promise<DemoCheckout> {
  const { order, row } = await loadDemoOrder(deps, actor, ref);
  const context = await orderContext(deps.db, order.case_id);
  return {
    orderNumber: order.number,
    status: order.status,
    amountFen: order.amount_fen,
    lines: order.lines,
    payee: context.payee_name,
    itemName: row.content.name,
    caseId: row.id,
    caseNumber: row.number,
  };
}

/**
 * "确认支付（演示）": the demo provider signs a notification for the order's amount and delivers it to
 * the same handler a real provider's callback reaches, so the demo walks the real path.
 */
export async function payDemo(
  deps: Deps,
  actor: Actor,
  input: { ref: string; requestId?: string },
): Promise<NotificationResult> {
  const { order } = await loadDemoOrder(deps, actor, input.ref);
  mustBePending(order);
  const signed = demoProvider(deps).sign({
    providerRef: input.ref,
    amountFen: order.amount_fen,
    paidAt: new Date(),
    transactionId: `demo-tx-${randomBytes(9).toString("base64url")}`,
  });
  return receiveNotification(deps, {
    provider: "demo",
    headers: signed.headers,
    rawBody: signed.body,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
}
