import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  openCaseWorld,
  pdfBytes,
  uploadChecklist,
} from "./fixtures.ts";
import { deadlineSweepJob } from "./sweep-deadlines.ts";
import { PENDING_EXPIRED_REASON, sweepPending } from "./sweep-pending.ts";
import { setCaseTodayForTests } from "./today.ts";

/** A decision maker of the 民政局 (the relief item's department) in the city, for manual termination. */
async function addReliefChief(t: TestApp): Promise<void> {
  const db = t.database.db;
  const template = await db
    .selectFrom("account")
    .selectAll()
    .where("username", "=", "chief")
    .executeTakeFirstOrThrow();
  const department = await db
    .selectFrom("department")
    .select("id")
    .where("ref", "=", "dept-minzheng")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("account")
    .values({
      kind: "staff",
      username: "relief-chief",
      display_name: "刘洋",
      password_hash: template.password_hash,
      roles: ["decision-maker"],
      region_code: "320200",
      department_id: department.id,
      totp_secret_enc: template.totp_secret_enc,
      totp_enabled_at: template.totp_enabled_at,
    })
    .execute();
}

describe.each(databaseKinds)("容缺受理 follow-up: reminder and termination (%s)", (kind) => {
  let t: TestApp;
  let clerk: CaseClient;
  let reviewer: CaseClient;
  let reliefChief: CaseClient;
  let applicant: CaseClient;
  let admin: CaseClient;
  let relief: string;
  let walkIn: string;

  beforeAll(async () => {
    ({ t, clerk, reviewer, relief } = await openCaseWorld(kind));
    await addReliefChief(t);
    reliefChief = await caseClient(t, "relief-chief");
    applicant = await caseClient(t, "13800510003");
    admin = await caseClient(t, "admin");
    walkIn = expectStatus(await clerk.get("/api/workbench/applicants?mobile=13800510003"), 200).items[0].id;
  });
  afterAll(() => closeCaseWorld(t));

  /** A walk-in relief case accepted on `on` with material m3 owed until `dueDate`. */
  const pendingCase = async (on: string, dueDate: string): Promise<string> => {
    setCaseTodayForTests(on);
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
    expectStatus(
      await clerk.act(created.id, "accept-pending", {
        materials: [{ materialId: "m3", problem: "收入证明原件待补" }],
        dueDate,
      }),
      200,
    );
    return created.id;
  };
  const sweep = (today: string) => sweepPending(t, t.database.db, today);
  const events = async (id: string) =>
    (
      await t.database.db
        .selectFrom("case_event")
        .selectAll()
        .where("case_id", "=", id)
        .orderBy("id")
        .execute()
    ).map((e) => ({ action: e.action, actor: e.actor_id, to: e.to_status, details: e.details }));
  const texts = async (template: string) =>
    (
      expectStatus(await admin.get("/api/admin/outbox?mobile=13800510003&limit=200"), 200).items as {
        channel: string;
        template: string;
        body: string;
      }[]
    ).filter((m) => m.channel === "sms" && m.template === template);

  it("reminds once the working day before the date, and the system terminates the case after it", async () => {
    // Owed until Monday 2026-03-09: the working day before is Friday 03-06.
    const id = await pendingCase("2026-03-02", "2026-03-09");
    expect(await sweep("2026-03-05")).toEqual({ reminded: 0, terminated: 0 });
    expect(await sweep("2026-03-06")).toEqual({ reminded: 1, terminated: 0 });
    expect(await sweep("2026-03-06")).toEqual({ reminded: 0, terminated: 0 });
    expect(await sweep("2026-03-09")).toEqual({ reminded: 0, terminated: 0 });
    const reminders = await texts("case.pending.reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body).toContain("须于 2026-03-09 前补齐：");
    expect(reminders[0]?.body).toContain("（收入证明原件待补）");
    const inbox = expectStatus(await applicant.get("/api/messages?pageSize=100"), 200).items as {
      template: string;
      caseId: string;
    }[];
    expect(inbox.filter((m) => m.caseId === id).map((m) => m.template)).toContain("case.pending.reminder");

    // The date passed unmet: the platform stops the case, once.
    expect(await sweep("2026-03-10")).toEqual({ reminded: 0, terminated: 1 });
    expect(await sweep("2026-03-11")).toEqual({ reminded: 0, terminated: 0 });
    const detail = expectStatus(await applicant.get(`/api/cases/${id}`), 200);
    expect(detail.status).toBe("terminated");
    const timeline = await events(id);
    expect(timeline.filter((e) => e.action === "pending.reminder")).toHaveLength(1);
    expect(timeline.at(-1)).toMatchObject({
      action: "terminate",
      actor: null,
      to: "terminated",
      details: { reason: PENDING_EXPIRED_REASON, dueDate: "2026-03-09" },
    });
    expect((await texts("case.terminate"))[0]?.body).toContain(`已终止办理，原因：${PENDING_EXPIRED_REASON}`);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind"])
      .where("subject_id", "=", id)
      .where("action", "in", ["pending.reminder", "case.terminate"])
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "pending.reminder", actor_kind: "system" },
      { action: "case.terminate", actor_kind: "system" },
    ]);
    // A closed case takes no more steps.
    expect((await clerk.act(id, "supply-pending")).statusCode).toBe(409);
  });

  it("leaves a case alone whose owed material was supplied before the date", async () => {
    const id = await pendingCase("2026-03-02", "2026-03-04");
    expect(await sweep("2026-03-03")).toEqual({ reminded: 1, terminated: 0 });
    expectStatus(await clerk.upload(id, "m3", "收入证明.pdf", pdfBytes("income")), 201);
    expect(expectStatus(await clerk.act(id, "supply-pending"), 200).status).toBe("accepted");
    expect(await sweep("2026-03-05")).toEqual({ reminded: 0, terminated: 0 });
    expect(expectStatus(await applicant.get(`/api/cases/${id}`), 200).status).toBe("accepted");
  });

  it("runs in the daily sweep job", async () => {
    const id = await pendingCase("2026-03-02", "2026-03-03");
    setCaseTodayForTests("2026-03-04");
    const job = deadlineSweepJob(t);
    await job.handle({ db: t.database.db, log: pino({ level: "silent" }), jobId: 1, attempt: 1 }, {});
    expect(expectStatus(await applicant.get(`/api/cases/${id}`), 200).status).toBe("terminated");
  });

  it("lets a decision maker of the department terminate by hand, with a reason, only while materials are owed", async () => {
    const id = await pendingCase("2026-03-02", "2026-03-20");
    const detail = expectStatus(await reliefChief.get(`/api/cases/${id}`), 200);
    expect(detail.abilities.terminate).toBe(true);
    expect(expectStatus(await clerk.get(`/api/cases/${id}`), 200).abilities.terminate).toBe(false);
    expect((await clerk.act(id, "terminate", { reason: "x" })).statusCode).toBe(403);
    // The market regulator's reviewer is outside the case's department: it does not exist for them.
    expect((await reviewer.act(id, "terminate", { reason: "x" })).statusCode).toBe(404);
    expect((await reliefChief.act(id, "terminate")).json().code).toBe("CASE_REASON_REQUIRED");
    const done = expectStatus(await reliefChief.act(id, "terminate", { reason: "申请人书面放弃补齐" }), 200);
    expect(done.status).toBe("terminated");
    expect((await reliefChief.act(id, "terminate", { reason: "again" })).statusCode).toBe(409);
    expect((await texts("case.terminate")).some((m) => m.body.includes("申请人书面放弃补齐"))).toBe(true);
  });
});
