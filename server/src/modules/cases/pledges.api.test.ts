import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

// 公共场所卫生许可 (卫生健康委员会, city level) practises 告知承诺: its 卫生检测或者评价报告 (m4) may be
// replaced by the standard commitment. The demo reviewer 林静 (weijian) works in its department.
const HYGIENE = "gonggong-changsuo-weisheng-xuke";
const answers = { s1: "否", s2: "是", agent: "否" };
const REPORT = "m4";

describe.each(databaseKinds)("告知承诺 and its post-verification (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let reviewer: CaseClient;
  let weijian: CaseClient;
  let hygiene: string;
  let food: string;
  let relief: string;

  beforeAll(async () => {
    ({ t, citizen, cityClerk, reviewer, food, relief } = await openCaseWorld(kind));
    weijian = await caseClient(t, "weijian");
    hygiene = await itemId(t, HYGIENE);
  });
  afterAll(() => closeCaseWorld(t));

  /** A hygiene application with every required file but the report, and the report pledged. */
  const pledgedCase = async () => {
    const created = expectStatus(await citizen.post("/api/cases", { itemId: hygiene, answers, form }), 201);
    await uploadChecklist(citizen, created.id, [REPORT]);
    expectStatus(await citizen.post(`/api/cases/${created.id}/pledges`, { materialId: REPORT }), 201);
    expectStatus(await citizen.act(created.id, "submit"), 200);
    return created.id as string;
  };

  const openChecks = async (client: CaseClient, filter = "open") =>
    expectStatus(await client.get(`/api/workbench/pledge-checks?filter=${filter}&pageSize=100`), 200);

  it("a commitment replaces the upload at submit; it can be withdrawn only while the application can change", async () => {
    setCaseTodayForTests("2026-03-02");
    const created = expectStatus(await citizen.post("/api/cases", { itemId: hygiene, answers, form }), 201);
    const id: string = created.id;
    const offer = expectStatus(await citizen.get(`/api/cases/${id}/pledges`), 200);
    expect(offer).toMatchObject({ offered: true, mayPledge: true, pledges: [], check: null });
    expect(offer.materials.map((m: { materialId: string }) => m.materialId)).toEqual(["m4", "m6"]);
    expect(offer.materials[0].text).toContain("「公共场所卫生检测或者评价报告」");
    expect(offer.materials[0].text).toContain("依法撤销");

    await uploadChecklist(citizen, id, [REPORT]);
    const missing = await citizen.act(id, "submit");
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: "CASE_MATERIALS_MISSING",
      details: { materials: [REPORT] },
    });

    // Only the materials the item marks pledgeable, and only by someone who may edit the application.
    const licence = await citizen.post(`/api/cases/${id}/pledges`, { materialId: "m1" });
    expect(licence.statusCode).toBe(400);
    expect(licence.json().code).toBe("PLEDGE_NOT_ALLOWED");
    expect((await cityClerk.post(`/api/cases/${id}/pledges`, { materialId: REPORT })).statusCode).toBe(403);
    const stranger = await caseClient(t, "13800510002");
    expect((await stranger.post(`/api/cases/${id}/pledges`, { materialId: REPORT })).statusCode).toBe(404);

    const pledged = expectStatus(await citizen.post(`/api/cases/${id}/pledges`, { materialId: REPORT }), 201);
    expect(pledged.pledges).toEqual([
      expect.objectContaining({ materialId: REPORT, name: "公共场所卫生检测或者评价报告" }),
    ]);
    expect(pledged.pledges[0].text).toBe(offer.materials[0].text);
    expect(pledged.materials[0].pledged).toBe(true);
    const twice = await citizen.post(`/api/cases/${id}/pledges`, { materialId: REPORT });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("PLEDGE_EXISTS");

    // Withdrawn, the proof is owed again.
    const withdrawn = expectStatus(await citizen.delete(`/api/cases/${id}/pledges/${REPORT}`), 200);
    expect(withdrawn.pledges).toEqual([]);
    expect((await citizen.act(id, "submit")).statusCode).toBe(400);
    expect((await citizen.delete(`/api/cases/${id}/pledges/${REPORT}`)).statusCode).toBe(404);

    expectStatus(await citizen.post(`/api/cases/${id}/pledges`, { materialId: REPORT }), 201);
    const submitted = expectStatus(await citizen.act(id, "submit"), 200);
    expect(submitted.status).toBe("submitted");
    expect(submitted.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["pledge", "withdraw-pledge", "submit"]),
    );
    const locked = await citizen.delete(`/api/cases/${id}/pledges/${REPORT}`);
    expect(locked.statusCode).toBe(409);
    expect((await citizen.get(`/api/cases/${id}/pledges`)).json().mayPledge).toBe(false);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["case.pledge", "case.withdraw-pledge"]),
    );
  });

  it("refuses commitments on an item that does not practise 告知承诺", async () => {
    const created = expectStatus(
      await citizen.post("/api/cases", { itemId: relief, answers: {}, form }),
      201,
    );
    const offer = expectStatus(await citizen.get(`/api/cases/${created.id}/pledges`), 200);
    expect(offer).toMatchObject({ offered: false, mayPledge: false, materials: [] });
    const refused = await citizen.post(`/api/cases/${created.id}/pledges`, { materialId: "m1" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("PLEDGE_NOT_OFFERED");
  });

  it("acceptance opens one pledge check, due 20 working days later across 国庆节", async () => {
    // Accepted Monday 2026-09-28: 10-01…10-07 are days off and Saturday 10-10 is a make-up workday.
    setCaseTodayForTests("2026-09-28");
    const id = await pledgedCase();
    const accepted = expectStatus(await cityClerk.act(id, "accept"), 200);
    expect(accepted.events.map((e: { action: string }) => e.action)).toContain("pledge.check-opened");
    const { check } = expectStatus(await citizen.get(`/api/cases/${id}/pledges`), 200);
    expect(check).toMatchObject({
      status: "open",
      statusName: "待核查",
      openedOn: "2026-09-28",
      dueOn: "2026-10-30",
      materials: [{ materialId: REPORT, name: "公共场所卫生检测或者评价报告" }],
      resolvedBy: null,
    });

    // A case accepted on uploads alone gets no task.
    const plain = await submitFoodCase(citizen, food);
    expectStatus(await cityClerk.act(plain.id, "accept"), 200);
    expect(expectStatus(await citizen.get(`/api/cases/${plain.id}/pledges`), 200).check).toBeNull();
  });

  it("the department's reviewers list and resolve checks; a failed one is recorded and told to the applicant", async () => {
    setCaseTodayForTests("2026-03-02");
    const id = await pledgedCase();
    expectStatus(await cityClerk.act(id, "accept"), 200);
    const mine = (await openChecks(weijian)).items.find((c: { caseId: string }) => c.caseId === id);
    expect(mine).toMatchObject({
      status: "open",
      dueOn: "2026-03-30",
      overdue: false,
      itemName: "公共场所卫生许可",
    });
    expect(mine.applicantName).toBe("陈**");

    // Other departments do not see it, and may not resolve it; clerks and applicants have no such list.
    expect((await openChecks(reviewer)).items.some((c: { caseId: string }) => c.caseId === id)).toBe(false);
    const foreign = await reviewer.post(`/api/workbench/pledge-checks/${mine.id}/resolve`, {
      result: "verified",
      note: "已核查",
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (
        await cityClerk.post(`/api/workbench/pledge-checks/${mine.id}/resolve`, {
          result: "verified",
          note: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect((await cityClerk.get("/api/workbench/pledge-checks")).statusCode).toBe(403);
    expect((await citizen.get("/api/workbench/pledge-checks")).statusCode).toBe(403);

    // Past the due date the open task is overdue.
    setCaseTodayForTests("2026-03-31");
    const overdue = (await openChecks(weijian, "overdue")).items.find(
      (c: { caseId: string }) => c.caseId === id,
    );
    expect(overdue).toMatchObject({ overdue: true });
    setCaseTodayForTests("2026-03-20");
    expect(
      (await openChecks(weijian, "overdue")).items.some((c: { caseId: string }) => c.caseId === id),
    ).toBe(false);

    const blank = await weijian.post(`/api/workbench/pledge-checks/${mine.id}/resolve`, {
      result: "failed",
      note: " ",
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().code).toBe("PLEDGE_NOTE_REQUIRED");
    const failed = expectStatus(
      await weijian.post(`/api/workbench/pledge-checks/${mine.id}/resolve`, {
        result: "failed",
        note: "现场核查：未取得卫生检测报告，检测机构无该场所检测记录",
      }),
      200,
    );
    expect(failed).toMatchObject({ status: "failed", statusName: "承诺不实", resolvedBy: { name: "林静" } });
    const again = await weijian.post(`/api/workbench/pledge-checks/${mine.id}/resolve`, {
      result: "verified",
      note: "改为属实",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("PLEDGE_CHECK_RESOLVED");
    expect((await openChecks(weijian)).items.some((c: { caseId: string }) => c.caseId === id)).toBe(false);

    const detail = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    const event = detail.events.find((e: { action: string }) => e.action === "pledge.failed");
    expect(event).toMatchObject({
      fromStatus: "accepted",
      toStatus: "accepted",
      actor: { name: "林静" },
      comment: "现场核查：未取得卫生检测报告，检测机构无该场所检测记录",
    });
    expect(detail.status).toBe("accepted");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", id)
      .where("action", "=", "pledge.failed")
      .execute();
    expect(audit).toHaveLength(1);
    const messages = await t.database.db
      .selectFrom("notification")
      .select(["template", "body"])
      .where("case_id", "=", id)
      .where("template", "=", "pledge.failed")
      .execute();
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toContain("承诺不实");
    expect(messages[0]?.body).toContain("依法撤销");

    // A verified check is recorded the same way.
    const other = await pledgedCase();
    expectStatus(await cityClerk.act(other, "accept"), 200);
    const task = (await openChecks(weijian)).items.find((c: { caseId: string }) => c.caseId === other);
    expectStatus(
      await weijian.post(`/api/workbench/pledge-checks/${task.id}/resolve`, {
        result: "verified",
        note: "检测机构出具的报告与承诺一致",
      }),
      200,
    );
    const verified = expectStatus(await citizen.get(`/api/cases/${other}`), 200);
    expect(verified.events.map((e: { action: string }) => e.action)).toContain("pledge.verified");
  });
});
