import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  openCaseWorld,
  submitFoodCase,
} from "../cases/fixtures.ts";
import { sweepDeadlines } from "../cases/sweep-deadlines.ts";
import { setCaseTodayForTests } from "../cases/today.ts";

interface SiteMessage {
  id: string;
  template: string;
  body: string;
  caseId: string | null;
  readAt: string | null;
}

describe.each(databaseKinds)("the in-app inbox and case notices (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let clerk: CaseClient;
  let reviewer: CaseClient;
  let chief: CaseClient;
  let admin: CaseClient;
  let food: string;

  const inbox = async (client: CaseClient, query = "") =>
    expectStatus(await client.get(`/api/messages${query}`), 200) as {
      total: number;
      unread: number;
      items: SiteMessage[];
    };
  const aboutCase = async (client: CaseClient, caseId: string) =>
    (await inbox(client, "?pageSize=100")).items.filter((m) => m.caseId === caseId);

  beforeAll(async () => {
    ({ t, citizen, cityClerk, clerk, reviewer, chief, food } = await openCaseWorld(kind));
    admin = await caseClient(t, "admin");
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  it("tells the applicant every step on the site and texts the correction notice", async () => {
    const submitted = await submitFoodCase(citizen, food);
    const [told] = await aboutCase(citizen, submitted.id);
    expect(told).toMatchObject({ template: "case.submit", readAt: null });
    expect(told?.body).toContain(`办件编号 ${submitted.number}，查询码 ${submitted.queryCode}`);
    // Submissions reach the window clerks of the case's region, not those of another district.
    expect((await aboutCase(cityClerk, submitted.id)).map((m) => m.template)).toEqual(["case.submit"]);
    expect(await aboutCase(clerk, submitted.id)).toEqual([]);

    expectStatus(
      await cityClerk.act(submitted.id, "request-correction", {
        materials: [{ materialId: "m2", problem: "扫描件模糊" }],
      }),
      200,
    );
    const notices = await aboutCase(citizen, submitted.id);
    expect(notices[0]).toMatchObject({ template: "case.request-correction" });
    expect(notices[0]?.body).toMatch(/需补正材料：.+（扫描件模糊）/);
    // The clerk took the step: they are not told about it.
    expect(await aboutCase(cityClerk, submitted.id)).toHaveLength(1);

    const outbox = expectStatus(await admin.get("/api/admin/outbox?mobile=13800510001"), 200) as {
      items: { channel: string; template: string; body: string; recipientMasked: string }[];
    };
    const texts = outbox.items.filter((m) => m.channel === "sms" && m.body.includes(submitted.number));
    // Only the correction notice is texted; the submission receipt stays on the site.
    expect(texts.map((m) => m.template)).toEqual(["case.request-correction"]);
    expect(texts[0]?.body).toMatch(/^【通办】您申请的「.+」（办件编号 \d*[0-9A-Z]+）需补正材料/);
    expect(texts[0]?.recipientMasked).toBe("138****0001");
  });

  it("counts unread messages, marks one or all read, and keeps each inbox to its owner", async () => {
    const before = await inbox(citizen);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    expect(before.total).toBeGreaterThanOrEqual(before.unread);
    const [newest, next] = before.items;
    expect(newest && next && newest.id !== next.id).toBe(true);

    const read = await citizen.post(`/api/messages/${newest?.id}/read`);
    expect(read.statusCode).toBe(204);
    const after = await inbox(citizen);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((m) => m.id === newest?.id)?.readAt).not.toBeNull();
    // Reading again changes nothing.
    expect((await citizen.post(`/api/messages/${newest?.id}/read`)).statusCode).toBe(204);
    expect((await inbox(citizen)).unread).toBe(after.unread);
    expect((await inbox(citizen, "?unread=true")).items.every((m) => m.readAt === null)).toBe(true);

    // Someone else's message looks missing; visitors have no inbox.
    const other = await caseClient(t, "13800510002");
    expect((await other.post(`/api/messages/${next?.id}/read`)).json().code).toBe("MESSAGE_NOT_FOUND");
    expect((await inbox(other)).items.some((m) => m.id === next?.id)).toBe(false);
    const visitor = await caseClient(t);
    expect((await visitor.get("/api/messages")).statusCode).toBe(401);

    const all = expectStatus(await citizen.post("/api/messages/read-all"), 200);
    expect(all.changed).toBe(after.unread);
    expect((await inbox(citizen)).unread).toBe(0);
    expect(expectStatus(await citizen.post("/api/messages/read-all"), 200).changed).toBe(0);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "message.%")
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["message.read", "message.read-all"]);
  });

  it("tells the department's reviewers and decision makers and the region's clerks when a case is overdue", async () => {
    const submitted = await submitFoodCase(citizen, food);
    const accepted = expectStatus(await cityClerk.act(submitted.id, "accept"), 200);
    expect(accepted.clock.promised.due).toBe("2026-03-05");
    // Acceptance puts the case in the department's review queue.
    expect((await aboutCase(reviewer, submitted.id)).map((m) => m.template)).toEqual(["case.accept"]);

    expect(await sweepDeadlines(t, t.database.db, "2026-03-06")).toMatchObject({ overdue: 1 });
    for (const staff of [reviewer, chief, cityClerk]) {
      const overdue = (await aboutCase(staff, submitted.id)).filter((m) => m.template === "case.overdue");
      expect(overdue).toHaveLength(1);
      expect(overdue[0]?.body).toContain(`办件 ${submitted.number}`);
      expect(overdue[0]?.body).toContain("已超期，办理期限 2026-03-05");
    }
    // Outside the case's region, and the applicant, hear nothing of it.
    expect(await aboutCase(clerk, submitted.id)).toEqual([]);
    expect((await aboutCase(citizen, submitted.id)).some((m) => m.template === "case.overdue")).toBe(false);
  });
});
