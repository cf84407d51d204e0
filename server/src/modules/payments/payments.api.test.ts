import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { createPaymentProvider, isDemoProvider } from "../../platform/payments/create-provider.ts";
import { type DemoPaymentProvider, demoPaymentProvider } from "../../platform/payments/demo-provider.ts";
import type { PaymentNotification } from "../../platform/payments/provider.ts";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  form,
  itemId,
  openCaseWorld,
  submitFoodCase,
  uploadChecklist,
} from "../cases/fixtures.ts";
import { setCaseTodayForTests } from "../cases/today.ts";

// 普通护照签发 charges one fee (工本费 120 元); 居民身份证换领 names two alternatives (20 元, or 40 元
// when the card is damaged). Both belong to 公安局, whose demo reviewer and decision maker is `police`.
const PASSPORT = { ref: "huzhao-shenling", answers: { s1: "首次申领", s2: "否", s3: "否", agent: "否" } };
const ID_CARD = { ref: "sfz-huanling", answers: { s1: "证件严重损坏", s2: "否", agent: "否" } };

describe.each(databaseKinds)("payments (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let stranger: CaseClient;
  let cityClerk: CaseClient;
  let reviewer: CaseClient;
  let chief: CaseClient;
  let police: CaseClient;
  let food: string;
  let demo: DemoPaymentProvider;

  beforeAll(async () => {
    ({ t, citizen, cityClerk, reviewer, chief, food } = await openCaseWorld(kind));
    stranger = await caseClient(t, "13800510002");
    police = await caseClient(t, "police");
    // The same provider the app built: the key derives from the app's secrets (the test keys).
    const provider = createPaymentProvider(loadConfig({}), t.vault);
    if (!isDemoProvider(provider)) throw new Error("demo provider expected");
    demo = provider;
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  /** Files, accepts and reviews a case of a 公安局 item; returns its id, under review. */
  async function reviewedCase(item: { ref: string; answers: Record<string, string> }): Promise<string> {
    const created = expectStatus(
      await citizen.post("/api/cases", { itemId: await itemId(t, item.ref), answers: item.answers, form }),
      201,
    );
    await uploadChecklist(citizen, created.id);
    expectStatus(await citizen.act(created.id, "submit"), 200);
    expectStatus(await cityClerk.act(created.id, "accept"), 200);
    expectStatus(await police.act(created.id, "start-review"), 200);
    return created.id;
  }

  const approve = (id: string, extra: Record<string, unknown> = {}) =>
    police.act(id, "decide", { outcome: "approved", comment: "符合条件，准予", ...extra });

  async function approvedPassport(): Promise<{ id: string; orderId: string; ref: string }> {
    const id = await reviewedCase(PASSPORT);
    expectStatus(await approve(id), 200);
    const { order } = expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200);
    const { checkoutUrl } = expectStatus(await citizen.post(`/api/payments/${order.id}/checkout`), 200);
    return { id, orderId: order.id, ref: decodeURIComponent(checkoutUrl.split("/").pop()) };
  }

  const notify = (signed: { headers: Record<string, string>; body: Buffer }, provider = "demo") =>
    t.app.inject({
      method: "POST",
      url: `/api/payments/notify/${provider}`,
      headers: signed.headers,
      payload: signed.body,
    });
  const note = (ref: string, amountFen: number, transactionId = "tx-1"): PaymentNotification => ({
    providerRef: ref,
    amountFen,
    paidAt: new Date("2026-03-02T03:04:05Z"),
    transactionId,
  });
  const eventsOf = async (id: string) =>
    (expectStatus(await citizen.get(`/api/cases/${id}`), 200).events as { action: string }[]).map(
      (e) => e.action,
    );

  it("approval opens an order for the catalog's amount; complete waits for it; the demo checkout pays it", async () => {
    const { id, orderId, ref } = await approvedPassport();
    const mine = expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200);
    expect(mine.fees).toEqual([{ index: 0, name: "工本费", amountFen: 12000 }]);
    expect(mine.order).toMatchObject({
      id: orderId,
      status: "pending",
      amountFen: 12000,
      lines: [{ name: "工本费", amountFen: 12000 }],
      number: expect.stringMatching(/^JK20260302\d{6}$/),
      receiptNumber: null,
      mayPay: true,
    });
    // Staff who may read the case see the order but never pay it.
    expect(expectStatus(await police.get(`/api/cases/${id}/payment`), 200).order.mayPay).toBe(false);
    expect((await police.post(`/api/payments/${orderId}/checkout`)).json().code).toBe(
      "PAYMENT_APPLICANT_ONLY",
    );

    const unpaid = await cityClerk.act(id, "complete", { delivery: { method: "electronic" } });
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().code).toBe("CASE_UNPAID");
    expect((await citizen.get(`/api/payments/${orderId}/receipt`)).json().code).toBe("PAYMENT_NOT_PAID");

    // A second click reuses the provider's reference rather than opening a second payment.
    expect(expectStatus(await citizen.post(`/api/payments/${orderId}/checkout`), 200).checkoutUrl).toBe(
      `/pay/demo/${ref}`,
    );
    const page = expectStatus(await citizen.get(`/api/payments/demo/${ref}`), 200);
    expect(page).toMatchObject({ amountFen: 12000, status: "pending", payee: "无锡市公安局", caseId: id });
    expect(expectStatus(await citizen.post(`/api/payments/demo/${ref}/pay`), 200)).toEqual({
      caseId: id,
      orderId,
    });

    const paid = expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order;
    expect(paid).toMatchObject({ status: "paid", mayPay: false });
    expect(paid.receiptNumber).toMatch(/^PJ20260302\d{6}$/);
    const receipt = expectStatus(await citizen.get(`/api/payments/${orderId}/receipt`), 200);
    expect(receipt).toMatchObject({
      receiptNumber: paid.receiptNumber,
      orderNumber: paid.number,
      itemName: "普通护照签发",
      payer: { name: "陈晓明" },
      payee: { name: "无锡市公安局" },
      lines: [{ name: "工本费", amountFen: 12000 }],
      amountFen: 12000,
      provider: "demo",
    });
    expect(expectStatus(await police.get(`/api/payments/${orderId}/receipt`), 200).receiptNumber).toBe(
      paid.receiptNumber,
    );
    const detail = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(detail.status).toBe("decided");
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["decide", "payment.ordered", "payment.paid"]),
    );
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", orderId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["payment.order", "payment.checkout", "payment.paid"]);
    const messages = await t.database.db
      .selectFrom("notification")
      .select("template")
      .where("recipient_index", "=", t.vault.index(`site:${detail.applicant.id}`))
      .execute();
    expect(messages.map((m) => m.template)).toEqual(
      expect.arrayContaining(["payment.ordered", "payment.paid"]),
    );
    expect((await citizen.post(`/api/payments/demo/${ref}/pay`)).json().code).toBe("PAYMENT_NOT_PENDING");

    // Paid: completion goes ahead, and delivery by mail records the parcel.
    const noTracking = await cityClerk.act(id, "complete", {
      delivery: {
        method: "mail",
        recipient: "陈晓明",
        phone: "13800510001",
        address: "无锡市梁溪区中山路1号",
      },
    });
    expect(noTracking.json()).toMatchObject({
      code: "CASE_MAIL_INCOMPLETE",
      details: { fields: ["carrier", "trackingNumber"] },
    });
    const mail = {
      method: "mail",
      recipient: "陈晓明",
      phone: "13800510001",
      address: "无锡市梁溪区中山路1号",
      carrier: "EMS",
      trackingNumber: "1186523456789",
    };
    const done = expectStatus(await cityClerk.act(id, "complete", { delivery: mail }), 200);
    expect(done).toMatchObject({ status: "completed", delivery: mail });
    const progress = expectStatus(
      await stranger.get(`/api/progress?number=${done.number}&queryCode=${done.queryCode}`),
      200,
    );
    expect(progress.tracking).toEqual({ carrier: "EMS", number: "1186523456789" });
    expect(progress.events.map((e: { action: string }) => e.action)).toContain("已缴费");
  });

  it("with several charged fees, the decision picks the ones that apply, at the catalog's amounts", async () => {
    const id = await reviewedCase(ID_CARD);
    const unpicked = await approve(id);
    expect(unpicked.statusCode).toBe(400);
    expect(unpicked.json()).toMatchObject({ code: "PAYMENT_FEES_REQUIRED" });
    expect((await approve(id, { fees: [7] })).json().code).toBe("PAYMENT_FEE_UNKNOWN");
    // Refused approvals changed nothing: still under review, no order.
    expect(expectStatus(await citizen.get(`/api/cases/${id}`), 200).status).toBe("under-review");
    expect(expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order).toBeNull();

    expectStatus(await approve(id, { fees: [1] }), 200);
    const { order } = expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200);
    expect(order).toMatchObject({
      amountFen: 4000,
      lines: [{ name: "工本费（损坏换领）", amountFen: 4000 }],
    });
    // One open order per case, enforced by the database too.
    const row = await t.database.db
      .selectFrom("payment_order")
      .select(["case_id", "lines"])
      .where("id", "=", order.id)
      .executeTakeFirstOrThrow();
    await expect(
      t.database.db
        .insertInto("payment_order")
        .values({ case_id: row.case_id, number: "JK20260302999999", amount_fen: 1, lines: "[]" })
        .execute(),
    ).rejects.toThrow(/payment_order_one_pending/);
  });

  it("refuses forged notifications and amounts other than the order's; a repeated notification changes nothing", async () => {
    const { id, orderId, ref } = await approvedPassport();
    const forged = demoPaymentProvider(Buffer.alloc(32, 1)).sign(note(ref, 12000));
    expect((await notify(forged)).json().code).toBe("PAYMENT_SIGNATURE_INVALID");
    const genuine = demo.sign(note(ref, 12000));
    const altered = {
      headers: genuine.headers,
      body: Buffer.from(genuine.body.toString().replace("12000", "1")),
    };
    expect((await notify(altered)).statusCode).toBe(403);
    expect((await notify(genuine, "alipay")).statusCode).toBe(404);

    const cheaper = await notify(demo.sign(note(ref, 100)));
    expect(cheaper.statusCode).toBe(409);
    expect(cheaper.json()).toMatchObject({
      code: "PAYMENT_AMOUNT_MISMATCH",
      details: { expectedFen: 12000, notifiedFen: 100 },
    });
    expect(expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order).toMatchObject({
      status: "pending",
      receiptNumber: null,
    });
    expect(await eventsOf(id)).not.toContain("payment.paid");
    const refusals = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", orderId)
      .where("action", "=", "payment.refused")
      .execute();
    expect(refusals).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ code: "PAYMENT_AMOUNT_MISMATCH" }) }),
    ]);

    expect(expectStatus(await notify(genuine), 200)).toEqual({ outcome: "paid" });
    const first = expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order;
    expect(first.paidAt).toBe("2026-03-02T03:04:05.000Z");
    expect(expectStatus(await notify(genuine), 200)).toEqual({ outcome: "already-paid" });
    expect((await notify(demo.sign(note(ref, 12000, "tx-2")))).json().code).toBe("PAYMENT_ALREADY_PAID");
    expect(expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order.receiptNumber).toBe(
      first.receiptNumber,
    );
    expect((await eventsOf(id)).filter((a) => a === "payment.paid")).toHaveLength(1);
  });

  it("a stranger, or staff outside the case's department, cannot see or pay the order", async () => {
    const { id, orderId, ref } = await approvedPassport();
    for (const outsider of [stranger, reviewer]) {
      expect((await outsider.get(`/api/cases/${id}/payment`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/payments/${orderId}/receipt`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/payments/${orderId}/checkout`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/payments/demo/${ref}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/payments/demo/${ref}/pay`)).statusCode).toBe(404);
    }
    const anonymous = await caseClient(t);
    expect((await anonymous.get(`/api/cases/${id}/payment`)).statusCode).toBe(401);
    expect(expectStatus(await citizen.get(`/api/cases/${id}/payment`), 200).order.status).toBe("pending");
  });

  it("a free item's approval opens no order, and pickup records the window", async () => {
    const submitted = await submitFoodCase(citizen, food);
    expectStatus(await cityClerk.act(submitted.id, "accept"), 200);
    expectStatus(await reviewer.act(submitted.id, "start-review"), 200);
    expectStatus(await chief.act(submitted.id, "decide", { outcome: "approved", comment: "准予" }), 200);
    expect(expectStatus(await citizen.get(`/api/cases/${submitted.id}/payment`), 200)).toEqual({
      fees: [],
      order: null,
    });
    const noWindow = await cityClerk.act(submitted.id, "complete", { delivery: { method: "pickup" } });
    expect(noWindow.json().code).toBe("CASE_WINDOW_REQUIRED");
    const done = expectStatus(
      await cityClerk.act(submitted.id, "complete", {
        delivery: { method: "pickup", window: "3号窗口", trackingNumber: "ignored-123" },
      }),
      200,
    );
    expect(done.delivery).toEqual({ method: "pickup", window: "3号窗口" });
  });
});
