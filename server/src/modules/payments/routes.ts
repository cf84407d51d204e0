import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps.ts";
import { Problem } from "../../platform/http/problem.ts";
import { demoCheckoutView, payDemo, startCheckout } from "./checkout.ts";
import { receiveNotification } from "./receive-notification.ts";
import {
  CaseParams,
  CasePayment,
  CheckoutResponse,
  DemoCheckout,
  DemoPayResponse,
  DemoRefParams,
  NotifyResponse,
  OrderParams,
  ProviderParams,
  Receipt,
} from "./schemas.ts";
import { casePayment, paymentReceipt } from "./view-payment.ts";

const refused = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Fees (缴费): a case's order, checkout through the provider, its signed callback, the electronic receipt. */
export async function paymentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["payments"];
  const security = [{ session: [] }];

  r.get(
    "/api/cases/:id/payment",
    {
      schema: {
        tags,
        security,
        summary:
          "A case's charged fees and its latest payment order (缴款单), for the applicant and staff in scope",
        params: CaseParams,
        response: { 200: CasePayment, ...refused },
      },
    },
    async (request) => casePayment(deps.db, request.actor, request.params.id),
  );

  r.post(
    "/api/payments/:orderId/checkout",
    {
      schema: {
        tags,
        security,
        summary: "Start paying an order: the payment provider's checkout address (applicants)",
        params: OrderParams,
        response: { 200: CheckoutResponse, ...refused },
      },
    },
    async (request) =>
      startCheckout(deps, request.actor, { orderId: request.params.orderId, requestId: request.id }),
  );

  r.get(
    "/api/payments/:orderId/receipt",
    {
      schema: {
        tags,
        security,
        summary:
          "The electronic receipt (电子票据) of a paid order: payer, payee, lines, amount, number, time",
        params: OrderParams,
        response: { 200: Receipt, ...refused },
      },
    },
    async (request) => paymentReceipt(deps.db, request.actor, request.params.orderId),
  );

  r.get(
    "/api/payments/demo/:ref",
    {
      schema: {
        tags,
        security,
        summary: "The demo provider's checkout page data: order, lines, payee (the order's applicant)",
        params: DemoRefParams,
        response: { 200: DemoCheckout, ...refused },
      },
    },
    async (request) => demoCheckoutView(deps, request.actor, request.params.ref),
  );

  r.post(
    "/api/payments/demo/:ref/pay",
    {
      schema: {
        tags,
        security,
        summary:
          "Demo provider: pay the order; a signed notification goes through the provider callback's handler",
        params: DemoRefParams,
        response: { 200: DemoPayResponse, ...refused },
      },
    },
    async (request) => {
      const paid = await payDemo(deps, request.actor, { ref: request.params.ref, requestId: request.id });
      return { caseId: paid.caseId, orderId: paid.orderId };
    },
  );

  // Own scope: the signature covers the exact bytes the provider sent, so the body is kept raw.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/payments/notify/:provider",
      {
        schema: {
          tags,
          summary:
            "The payment provider's callback: a signed notification that an order was paid; a wrong signature " +
            "is 403, an amount other than the order's is 409 PAYMENT_AMOUNT_MISMATCH, a repeat is answered again",
          params: ProviderParams,
          body: z.unknown().meta({ description: "The provider's notification, exactly as signed" }),
          response: { 200: NotifyResponse, ...refused },
        },
      },
      async (request) => {
        const result = await receiveNotification(deps, {
          provider: request.params.provider,
          headers: request.headers,
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          requestId: request.id,
        });
        return { outcome: result.outcome };
      },
    );
  });
}
