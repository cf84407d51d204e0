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
  uploadChecklist,
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

// 委托受理 in the demo seed: 高龄津贴 (民政局, city level) is delegated to 崇安寺, 清名桥 and 广益 街道;
// `township` works at 崇安寺街道便民服务中心, `township2` at 清名桥, `minzheng` reviews for 民政局.
// 高龄津贴's application form (forms as data): the identity fields, the household address and how it is paid.
const allowanceForm = {
  ...form,
  applicantName: "陈晓明",
  idNumber: "320202198503120130",
  householdAddress: "无锡市梁溪区中山路1号",
  payTo: "社会保障卡",
  socialCard: "W32020219850312",
};

describe.each(databaseKinds)("case routing and 转办 (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let township: CaseClient;
  let township2: CaseClient;
  let minzheng: CaseClient;
  let reviewer: CaseClient;
  let cityClerk: CaseClient;
  let clerk: CaseClient;
  let allowance: string;
  let food: string;
  let caseId = "";
  let number = "";
  const place = async (name: string) =>
    (
      await t.database.db
        .selectFrom("service_place")
        .select("id")
        .where("name", "=", name)
        .executeTakeFirstOrThrow()
    ).id;
  const department = async (ref: string) =>
    (
      await t.database.db
        .selectFrom("department")
        .select("id")
        .where("ref", "=", ref)
        .executeTakeFirstOrThrow()
    ).id;
  const routing = () =>
    t.database.db
      .selectFrom("cases")
      .select(["place_id", "region_code", "department_id"])
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
  const queue = async (client: CaseClient, name: string) =>
    (
      expectStatus(await client.get(`/api/workbench/cases?queue=${name}`), 200).items as { number: string }[]
    ).map((row) => row.number);

  beforeAll(async () => {
    ({ t, citizen, clerk, reviewer, food } = await openCaseWorld(kind));
    setCaseTodayForTests("2026-03-02");
    township = await caseClient(t, "township");
    township2 = await caseClient(t, "township2");
    minzheng = await caseClient(t, "minzheng");
    cityClerk = await caseClient(t, "window");
    allowance = await itemId(t, "gaoling-jintie");
  });
  afterAll(() => closeCaseWorld(t));

  it("files a delegated item at a township place into that place's queue and region", async () => {
    const me = expectStatus(await citizen.get("/api/session"), 200);
    const created = expectStatus(
      await township.post("/api/cases", {
        itemId: allowance,
        answers: { agent: "否" },
        form: allowanceForm,
        applicant: { accountId: me.user.id },
      }),
      201,
    );
    caseId = created.id;
    expect(created.channel).toBe("window");
    expect(await routing()).toEqual({
      place_id: await place("崇安寺街道便民服务中心"),
      region_code: "320213021000",
      department_id: await department("dept-minzheng"),
    });
    await uploadChecklist(township, caseId);
    number = expectStatus(await township.act(caseId, "submit"), 200).number;

    expect(await queue(township, "precheck")).toContain(number);
    // Another township's clerk neither lists nor opens it.
    expect(await queue(township2, "precheck")).not.toContain(number);
    expect(await queue(township2, "all")).not.toContain(number);
    expect((await township2.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it("refuses an item the township place holds no delegation for", async () => {
    const me = expectStatus(await citizen.get("/api/session"), 200);
    const refused = await township.post("/api/cases", {
      itemId: food,
      answers: {},
      form,
      applicant: { accountId: me.user.id },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: "CASE_NOT_DELEGATED" });
    expect(refused.json().title).toContain("崇安寺街道便民服务中心");
    // 残疾人证 is delegated to 硕放街道 only.
    const elsewhere = await township.post("/api/cases", {
      itemId: await itemId(t, "canjiren-zheng"),
      answers: {},
      form,
      applicant: { accountId: me.user.id },
    });
    expect(elsewhere.json()).toMatchObject({ status: 403, code: "CASE_NOT_DELEGATED" });
  });

  it("lets the place accept and the department's reviewer review (委托受理: the place accepts, the department decides)", async () => {
    const accepted = expectStatus(await township.act(caseId, "accept"), 200);
    expect(accepted.status).toBe("accepted");
    // The market regulator's reviewer is another department: the case does not exist for them.
    expect((await reviewer.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(await queue(minzheng, "review")).toContain(number);
    const detail = expectStatus(await minzheng.get(`/api/cases/${caseId}`), 200);
    expect(detail.abilities["start-review"]).toBe(true);
    expect(expectStatus(await minzheng.act(caseId, "start-review"), 200).status).toBe("under-review");
    // The township clerk has no review rights, and the place's scope offers them nowhere to send it.
    expect(expectStatus(await township.get(`/api/cases/${caseId}`), 200).abilities.decide).toBe(false);
  });

  it("reassigns (转办) within the actor's scope, audited, to places that can handle the item", async () => {
    const options = expectStatus(await cityClerk.get(`/api/workbench/cases/${caseId}/reassign-targets`), 200)
      .items as { kind: string; name: string; id: string }[];
    const names = options.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(["广益街道便民服务中心", "无锡市民政局", "无锡市政务服务中心"]),
    );
    expect(names).not.toContain("崇安寺街道便民服务中心"); // where it is now
    expect(names).not.toContain("华士镇便民服务中心"); // 高龄津贴 is not delegated there

    const guangyi = await place("广益街道便民服务中心");
    expect(
      expectStatus(await cityClerk.act(caseId, "reassign", { target: { placeId: guangyi } }), 400).code,
    ).toBe("CASE_REASON_REQUIRED");
    expect(expectStatus(await cityClerk.act(caseId, "reassign", { reason: "就近办理" }), 400).code).toBe(
      "CASE_TARGET_REQUIRED",
    );
    const moved = expectStatus(
      await cityClerk.act(caseId, "reassign", {
        target: { placeId: guangyi },
        reason: "申请人居住在广益街道",
      }),
      200,
    );
    expect(moved.status).toBe("under-review");
    expect(await routing()).toMatchObject({ place_id: guangyi, region_code: "320213025000" });
    const event = moved.events.at(-1);
    expect(event).toMatchObject({ action: "reassign", actionName: "转办", fromStatus: "under-review" });
    expect(event.details).toMatchObject({
      reason: "申请人居住在广益街道",
      from: { placeId: await place("崇安寺街道便民服务中心"), regionCode: "320213021000" },
      to: { placeId: guangyi, name: "广益街道便民服务中心" },
    });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "case.reassign")
      .where("subject_id", "=", caseId)
      .execute();
    expect(audit).toHaveLength(1);
    // The department's reviewer still has it; it is back at the department after a second 转办.
    expect(await queue(minzheng, "review")).toContain(number);
    const back = expectStatus(
      await cityClerk.act(caseId, "reassign", {
        target: { departmentId: await department("dept-minzheng") },
        reason: "退回实施机关",
      }),
      200,
    );
    expect(back.events.at(-1).details.to).toMatchObject({ placeId: null, regionCode: "320200" });
    expect(await routing()).toMatchObject({ place_id: null, region_code: "320200" });
  });

  it("refuses 转办 outside the actor's scope or to a place or department that cannot handle the item", async () => {
    // 梁溪区's clerk reaches neither the city-level case nor, through it, the city department.
    const county = await clerk.act(caseId, "reassign", {
      target: { placeId: await place("广益街道便民服务中心") },
      reason: "x",
    });
    expect(county.statusCode).toBe(404);
    // The township clerk no longer reaches the case's actions at all.
    expect(
      (
        await township.act(caseId, "reassign", {
          target: { placeId: await place("崇安寺街道便民服务中心") },
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      expectStatus(
        await cityClerk.act(caseId, "reassign", {
          target: { placeId: await place("华士镇便民服务中心") },
          reason: "x",
        }),
        400,
      ).code,
    ).toBe("CASE_TARGET_CANNOT_HANDLE");
    expect(
      expectStatus(
        await cityClerk.act(caseId, "reassign", {
          target: { departmentId: await department("dept-shichang") },
          reason: "x",
        }),
        400,
      ).code,
    ).toBe("CASE_TARGET_CANNOT_HANDLE");
    expect(
      expectStatus(
        await cityClerk.act(caseId, "reassign", {
          target: { departmentId: await department("dept-minzheng") },
          reason: "x",
        }),
        409,
      ).code,
    ).toBe("CASE_SAME_TARGET");
  });

  it("keeps a 梁溪区 centre clerk's 转办 inside 梁溪区", async () => {
    // A case the county clerk may handle: sent to 崇安寺 by the city clerk, then tried outward by the county one.
    expectStatus(
      await cityClerk.act(caseId, "reassign", {
        target: { placeId: await place("崇安寺街道便民服务中心") },
        reason: "就近办理",
      }),
      200,
    );
    const outward = await clerk.act(caseId, "reassign", {
      target: { departmentId: await department("dept-minzheng") },
      reason: "退回",
    });
    expect(outward.json()).toMatchObject({ status: 403, code: "CASE_TARGET_OUT_OF_SCOPE" });
    const inward = await clerk.act(caseId, "reassign", {
      target: { placeId: await place("广益街道便民服务中心") },
      reason: "申请人居住在广益街道",
    });
    expect(inward.statusCode).toBe(200);
    expect(await routing()).toMatchObject({ region_code: "320213025000" });
  });
});
