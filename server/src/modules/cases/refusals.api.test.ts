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

describe.each(databaseKinds)("case refusals and lookups (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let clerk: CaseClient;
  let chief: CaseClient;
  let food: string;
  const answers = foodAnswers;

  beforeAll(async () => {
    ({ t, citizen, cityClerk, clerk, chief, food } = await openCaseWorld(kind));
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  const submittedCase = () => submitFoodCase(citizen, food);

  it("refuses to submit while a required material is missing", async () => {
    const created = expectStatus(await citizen.post("/api/cases", { itemId: food, answers, form }), 201);
    await uploadChecklist(citizen, created.id, ["m3"]);
    const res = await citizen.act(created.id, "submit");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "CASE_MATERIALS_MISSING", details: { materials: ["m3"] } });
    const unanswered = expectStatus(
      await citizen.post("/api/cases", { itemId: food, answers: {}, form }),
      201,
    );
    expect((await citizen.act(unanswered.id, "submit")).json().code).toBe("CASE_UNANSWERED");
  });

  it("autosaves a draft, and refuses to edit a submitted case", async () => {
    const created = expectStatus(await citizen.post("/api/cases", { itemId: food, answers: {}, form }), 201);
    const saved = expectStatus(
      await citizen.put(`/api/cases/${created.id}`, { answers, form: { ...form, note: "下午联系" } }),
      200,
    );
    expect(saved).toMatchObject({ answers, form: { note: "下午联系" }, status: "draft" });
    expect(saved.checklist.unanswered).toEqual([]);
    const submitted = await submittedCase();
    expect((await citizen.put(`/api/cases/${submitted.id}`, { answers })).statusCode).toBe(409);
    expect((await cityClerk.put(`/api/cases/${submitted.id}`, { answers })).statusCode).toBe(409);
  });

  it("refuses a disguised executable and a file of an unknown material", async () => {
    const created = expectStatus(await citizen.post("/api/cases", { itemId: food, answers, form }), 201);
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64)]);
    const disguised = await citizen.upload(created.id, "m1", "营业执照.pdf", exe);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().code).toBe("CASE_FILE_TYPE");
    const zipNotOfd = Buffer.from("PK\x03\x04not an ofd", "latin1");
    expect((await citizen.upload(created.id, "m1", "a.ofd", zipNotOfd)).json().code).toBe("CASE_FILE_TYPE");
    expect((await citizen.upload(created.id, "nope", "a.pdf", pdfBytes())).json().code).toBe(
      "CASE_MATERIAL_UNKNOWN",
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = expectStatus(await citizen.upload(created.id, "m1", "执照.png", png), 201);
    expect(ok.mediaType).toBe("image/png");
    const file = await citizen.get(`/api/cases/${created.id}/materials/${ok.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("image/png");
    const stranger = await caseClient(t, "13800510002");
    expect((await stranger.get(`/api/cases/${created.id}/materials/${ok.id}/file`)).statusCode).toBe(404);
    expect((await citizen.delete(`/api/cases/${created.id}/materials/${ok.id}`)).statusCode).toBe(204);
    expect(expectStatus(await citizen.get(`/api/cases/${created.id}`), 200).materials).toHaveLength(0);
  });

  it("不予受理: a clerk may not refuse; a decision maker must give reasons", async () => {
    const submitted = await submittedCase();
    const byClerk = await cityClerk.act(submitted.id, "refuse", { reason: "不符合条件" });
    expect(byClerk.statusCode).toBe(403);
    expect((await chief.act(submitted.id, "refuse", {})).json().code).toBe("CASE_REASON_REQUIRED");
    const refused = expectStatus(
      await chief.act(submitted.id, "refuse", { reason: "申请事项不属于本机关职权范围" }),
      200,
    );
    expect(refused.status).toBe("not-accepted");
    expect(refused.events.at(-1).details.reason).toBe("申请事项不属于本机关职权范围");
    // Closed: nothing more happens, and the wrong status is a conflict.
    expect((await cityClerk.act(submitted.id, "accept")).statusCode).toBe(409);
  });

  it("withdraw by the applicant; never by staff", async () => {
    const submitted = await submittedCase();
    expect((await cityClerk.act(submitted.id, "withdraw")).statusCode).toBe(403);
    expect(expectStatus(await citizen.act(submitted.id, "withdraw"), 200).status).toBe("withdrawn");
    expect((await citizen.act(submitted.id, "withdraw")).statusCode).toBe(409);
  });

  it("hides cases from staff and applicants outside their reach (404)", async () => {
    const submitted = await submittedCase();
    for (const username of ["clerk", "editor", "13800510002"]) {
      const outsider = await caseClient(t, username);
      expect((await outsider.get(`/api/cases/${submitted.id}`)).statusCode).toBe(404);
      expect((await outsider.act(submitted.id, "accept")).statusCode).toBe(404);
    }
    const anonymous = await caseClient(t);
    expect((await anonymous.get(`/api/cases/${submitted.id}`)).statusCode).toBe(401);
    // The 梁溪 clerk's queue does not list a city case; the city clerk's does.
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((c) => c.id);
    expect(ids(await clerk.get("/api/workbench/cases?queue=precheck"))).not.toContain(submitted.id);
    const queue = expectStatus(await cityClerk.get("/api/workbench/cases?queue=precheck"), 200);
    expect(queue.items.find((c: { id: string }) => c.id === submitted.id)).toMatchObject({
      applicantName: "陈**",
    });
    expect((await citizen.get("/api/workbench/cases")).statusCode).toBe(403);
  });

  it("public progress lookup needs the number and its query code", async () => {
    const submitted = await submittedCase();
    const anonymous = await caseClient(t);
    const found = expectStatus(
      await anonymous.get(
        `/api/progress?number=${submitted.number}&queryCode=${submitted.queryCode.toLowerCase()}`,
      ),
      200,
    );
    expect(found).toMatchObject({ number: submitted.number, status: "submitted", statusName: "待预审" });
    expect(found.events.map((e: { action: string }) => e.action)).toEqual(["提交申请"]);
    const wrong = submitted.queryCode === "ABCDEF" ? "ABCDEG" : "ABCDEF";
    expect(
      (await anonymous.get(`/api/progress?number=${submitted.number}&queryCode=${wrong}`)).statusCode,
    ).toBe(404);
    expect(
      (await anonymous.get(`/api/progress?number=nope&queryCode=${submitted.queryCode}`)).statusCode,
    ).toBe(404);
  });
});
