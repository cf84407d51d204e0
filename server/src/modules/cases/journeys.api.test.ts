import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  foodAnswers,
  form,
  openCaseWorld,
  pdfBytes,
  submitFoodCase,
  uploadChecklist,
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

describe.each(databaseKinds)("case journeys (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let clerk: CaseClient;
  let reviewer: CaseClient;
  let chief: CaseClient;
  let food: string;
  let relief: string;

  beforeAll(async () => {
    ({ t, citizen, cityClerk, clerk, reviewer, chief, food, relief } = await openCaseWorld(kind));
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  it("online: apply with uploads → correction notice → re-upload → accept → review → approve → complete", async () => {
    const created = expectStatus(
      await citizen.post("/api/cases", { itemId: food, answers: foodAnswers, form }),
      201,
    );
    expect(created).toMatchObject({ status: "draft", statusName: "草稿", channel: "web", number: null });
    expect(created.abilities.submit).toBe(true);
    const id: string = created.id;
    await uploadChecklist(citizen, id);
    const submitted = expectStatus(await citizen.act(id, "submit"), 200);
    expect(submitted.status).toBe("submitted");
    expect(submitted.number).toMatch(/^[0-9A-Z]{31}20260302\d{6}$/);
    expect(submitted.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);

    // 一次性告知: the city window clerk names the faulty material.
    const noticed = expectStatus(
      await cityClerk.act(id, "request-correction", {
        materials: [{ materialId: "m2", problem: "扫描件模糊" }],
      }),
      200,
    );
    expect(noticed.status).toBe("correction-requested");
    const mine = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(mine.notice.items).toEqual([
      { materialId: "m2", name: expect.any(String), problem: "扫描件模糊" },
    ]);
    expect(mine.abilities.resubmit).toBe(true);
    const before = mine.materials.find((m: { materialId: string }) => m.materialId === "m2");
    expectStatus(await citizen.upload(id, "m2", "清晰版.pdf", pdfBytes("clear")), 201);
    const after = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(after.materials.filter((m: { materialId: string }) => m.materialId === "m2")).toHaveLength(1);
    expect(after.materials.find((m: { materialId: string }) => m.materialId === "m2").id).not.toBe(before.id);
    expect(expectStatus(await citizen.act(id, "resubmit"), 200).status).toBe("submitted");

    // A second notice may only concern files uploaded since the first one.
    const again = await cityClerk.act(id, "request-correction", {
      materials: [{ materialId: "m1", problem: "上次漏说了" }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("CASE_NOTICE_ONCE");

    const accepted = expectStatus(await cityClerk.act(id, "accept"), 200);
    expect(accepted).toMatchObject({ status: "accepted", acceptedOn: "2026-03-02" });
    // 承诺时限 3 working days, 法定 10 working days, counted from the day after acceptance.
    expect(accepted.clock.promised.due).toBe("2026-03-05");
    expect(accepted.clock.statutory.due).toBe("2026-03-16");
    expect(expectStatus(await reviewer.act(id, "start-review"), 200).status).toBe("under-review");
    const decided = expectStatus(
      await chief.act(id, "decide", { outcome: "approved", comment: "符合条件，准予许可" }),
      200,
    );
    expect(decided).toMatchObject({ status: "decided", outcome: "approved" });
    const done = expectStatus(
      await cityClerk.act(id, "complete", { delivery: { method: "electronic" } }),
      200,
    );
    expect(done).toMatchObject({
      status: "completed",
      statusName: "已办结",
      delivery: { method: "electronic" },
    });
    expect(
      done.events.map((e: { action: string }) => e.action).filter((a: string) => a !== "upload"),
    ).toEqual([
      "create",
      "submit",
      "request-correction",
      "resubmit",
      "accept",
      "start-review",
      "decide",
      "complete",
    ]);
    expect(Object.values(done.abilities).some(Boolean)).toBe(false);

    // Every step committed with its audit record, and the applicant got one message per step.
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case.submit", "case.accept", "case.complete"]),
    );
    const messages = await t.database.db
      .selectFrom("notification")
      .select("template")
      .where("recipient_index", "=", t.vault.index(`site:${created.applicant.id}`))
      .execute();
    expect(messages.map((m) => m.template)).toEqual(
      expect.arrayContaining([
        "case.submit",
        "case.request-correction",
        "case.accept",
        "case.decide",
        "case.complete",
      ]),
    );

    const list = expectStatus(await citizen.get("/api/cases"), 200);
    expect(list.items.some((c: { id: string }) => c.id === id)).toBe(true);
  });

  it("window: a clerk files for a walk-in applicant; events record on whose behalf", async () => {
    const found = expectStatus(await clerk.get("/api/workbench/applicants?mobile=13800510002"), 200);
    expect(found.items).toHaveLength(1);
    expect(found.items[0].name).toBe("周**");
    const applicantId: string = found.items[0].id;
    const created = expectStatus(
      await clerk.post("/api/cases", {
        itemId: food,
        answers: { s1: "餐饮服务", s2: "否", agent: "否" },
        form: { contactName: "周丽华", contactPhone: "13800510002" },
        applicant: { accountId: applicantId },
      }),
      201,
    );
    expect(created).toMatchObject({
      channel: "window",
      applicant: { id: applicantId },
      actedBy: { name: "李敏" },
    });
    await uploadChecklist(clerk, created.id);
    const submitted = expectStatus(await clerk.act(created.id, "submit"), 200);
    const submit = submitted.events.find((e: { action: string }) => e.action === "submit");
    expect(submit.onBehalfOfId).toBe(applicantId);
    expect(submit.channel).toBe("window");
    expect(expectStatus(await clerk.act(created.id, "accept"), 200).status).toBe("accepted");
    // The department's reviewer reaches the 梁溪 window case of a city item; the applicant sees it too.
    expect(
      expectStatus(await reviewer.get(`/api/workbench/cases?queue=review`), 200).items.map(
        (c: { id: string }) => c.id,
      ),
    ).toContain(created.id);
    const theirs = await caseClient(t, "13800510002");
    expect(expectStatus(await theirs.get(`/api/cases/${created.id}`), 200).queryCode).toBe(
      submitted.queryCode,
    );
  });

  it("容缺受理: accept with a material owed, then supply it", async () => {
    const walkIn = expectStatus(await clerk.get("/api/workbench/applicants?mobile=13800510003"), 200).items[0]
      .id;
    const created = expectStatus(
      await clerk.post("/api/cases", {
        itemId: relief,
        answers: { s1: "否", agent: "否" },
        form: { contactName: "吴思远", contactPhone: "13800510003" },
        applicant: { accountId: walkIn },
      }),
      201,
    );
    await uploadChecklist(clerk, created.id);
    expectStatus(await clerk.act(created.id, "submit"), 200);
    const noDate = await clerk.act(created.id, "accept-pending", {
      materials: [{ materialId: "m3", problem: "原件待补" }],
    });
    expect(noDate.json().code).toBe("CASE_DUE_DATE_REQUIRED");
    const pending = expectStatus(
      await clerk.act(created.id, "accept-pending", {
        materials: [{ materialId: "m3", problem: "收入证明原件待补" }],
        dueDate: "2026-03-09",
      }),
      200,
    );
    expect(pending).toMatchObject({
      status: "accepted-pending",
      pendingDueOn: "2026-03-09",
      acceptedOn: "2026-03-02",
    });
    expect(pending.notice.items[0].materialId).toBe("m3");
    const early = await clerk.act(created.id, "supply-pending");
    expect(early.json().code).toBe("CASE_PENDING_NOT_SUPPLIED");
    expectStatus(await clerk.upload(created.id, "m3", "收入证明.pdf", pdfBytes("income")), 201);
    const supplied = expectStatus(await clerk.act(created.id, "supply-pending"), 200);
    expect(supplied).toMatchObject({ status: "accepted", pendingDueOn: null });
  });

  it("容缺受理 is offered only for items tagged tolerant-acceptance", async () => {
    const submitted = await submitFoodCase(citizen, food);
    const refused = await cityClerk.act(submitted.id, "accept-pending", {
      materials: [{ materialId: "m1", problem: "x" }],
      dueDate: "2026-03-09",
    });
    expect(refused.statusCode).toBe(403);
  });
});
