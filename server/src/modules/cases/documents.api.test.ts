import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../platform/pdf/read-pdf.ts";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  openCaseWorld,
  pdfBytes,
  submitFoodCase,
  uploadChecklist,
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

/** The document's text with line breaks removed, so wrapped sentences read whole. */
function pdfText(res: LightMyRequestResponse): string {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body}`);
  expect(res.headers["content-type"]).toBe("application/pdf");
  expect(res.headers["content-disposition"]).toMatch(/^inline; filename=".*\.pdf"; filename\*=UTF-8''/);
  return readPdf(res.rawPayload).text.replace(/\n/g, "");
}

const kindsOf = (detail: { documents: { kind: string }[] }) => detail.documents.map((d) => d.kind);

describe.each(databaseKinds)("case documents (%s)", (kind) => {
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

  const doc = (client: CaseClient, id: string, kind: string) =>
    client.get(`/api/cases/${id}/documents/${kind}`);

  it("online: correction notice, receipt, then the approval, each once its step is recorded", async () => {
    const submitted = await submitFoodCase(citizen, food);
    const id: string = submitted.id;
    expect(submitted.documents).toEqual([]);
    const early = await doc(citizen, id, "acceptance-receipt");
    expect(early.statusCode).toBe(404);
    expect(early.json()).toMatchObject({
      code: "CASE_DOCUMENT_UNAVAILABLE",
      title: "办件尚未受理，没有受理回执",
    });

    const noticed = expectStatus(
      await cityClerk.act(id, "request-correction", {
        materials: [{ materialId: "m2", problem: "扫描件模糊，请上传清晰的营业执照" }],
      }),
      200,
    );
    expect(noticed.documents).toEqual([{ kind: "correction-notice", name: "补正材料一次性告知书" }]);
    const notice = pdfText(await doc(citizen, id, "correction-notice"));
    expect(notice).toContain("补正材料一次性告知书");
    expect(notice).toContain(`编号：${submitted.number}-BZ1`);
    expect(notice).toContain("陈晓明：");
    expect(notice).toContain("营业执照：扫描件模糊，请上传清晰的营业执照");
    expect(notice).toContain("行政许可法》第三十二条第一款第（四）项");
    expect(notice).toContain("2026年3月2日");

    expectStatus(await citizen.upload(id, "m2", "营业执照-清晰.pdf", pdfBytes("clear")), 201);
    expectStatus(await citizen.act(id, "resubmit"), 200);
    const accepted = expectStatus(await cityClerk.act(id, "accept"), 200);
    expect(kindsOf(accepted)).toEqual(["acceptance-receipt", "correction-notice"]);
    const receiptRes = await doc(citizen, id, "acceptance-receipt");
    const receipt = pdfText(receiptRes);
    for (const part of [
      "受理回执",
      `办件编号：${submitted.number}`,
      `查询码：${submitted.queryCode}`,
      "申请事项：食品经营许可",
      "申请人：陈晓明",
      "申请方式：网上办理",
      "受理日期：2026年3月2日",
      "受理人：王芳",
      "承诺办结时限：3 个工作日",
      // The corrected upload is what the department held at acceptance; the blurred one is not listed.
      "营业执照（营业执照-清晰.pdf）",
      "/progress",
    ]) {
      expect(receipt).toContain(part);
    }
    expect(receipt).not.toContain("m2.pdf");
    expect(readPdf(receiptRes.rawPayload).info).toMatchObject({ Subject: "食品经营许可" });

    expectStatus(await reviewer.act(id, "start-review"), 200);
    const decided = expectStatus(
      await chief.act(id, "decide", { outcome: "approved", comment: "经现场核查，经营场所符合要求" }),
      200,
    );
    expect(decided.documents.at(-1)).toEqual({ kind: "decision", name: "准予行政许可决定书" });
    const decision = pdfText(await doc(reviewer, id, "decision"));
    expect(decision).toContain("准予行政许可决定书");
    expect(decision).toContain("经现场核查，经营场所符合要求");
    expect(decision).toContain("本机关决定准予行政许可");
    expect(decision).not.toContain("行政复议");

    // Reprinted after the case moved on, the receipt is the same file, byte for byte.
    expectStatus(await cityClerk.act(id, "complete", { delivery: { method: "electronic" } }), 200);
    expect((await doc(cityClerk, id, "acceptance-receipt")).rawPayload.equals(receiptRes.rawPayload)).toBe(
      true,
    );
  });

  it("a rejection states the reasons and the remedies; so does a refusal", async () => {
    const rejected = await submitFoodCase(citizen, food);
    expectStatus(await cityClerk.act(rejected.id, "accept"), 200);
    expectStatus(await reviewer.act(rejected.id, "start-review"), 200);
    const decided = expectStatus(
      await chief.act(rejected.id, "decide", { outcome: "rejected", comment: "经营场所与住宅未有效隔离" }),
      200,
    );
    expect(decided.documents.at(-1)).toEqual({ kind: "decision", name: "不予行政许可决定书" });
    const decision = pdfText(await doc(citizen, rejected.id, "decision"));
    expect(decision).toContain("不予行政许可决定书");
    expect(decision).toContain("经营场所与住宅未有效隔离");
    expect(decision).toContain("第三十八条第二款");
    expect(decision).toContain(
      "行政复议：对办理结果不服的，可以自知道该行政行为之日起六十日内依法申请行政复议",
    );
    expect(decision).toContain(
      "行政诉讼：可以自知道或者应当知道作出行政行为之日起六个月内依法向人民法院提起行政诉讼",
    );

    const refused = await submitFoodCase(citizen, food);
    expect((await doc(citizen, refused.id, "refusal-notice")).json().code).toBe("CASE_DOCUMENT_UNAVAILABLE");
    const done = expectStatus(
      await chief.act(refused.id, "refuse", { reason: "申请事项不属于本机关职权范围" }),
      200,
    );
    expect(kindsOf(done)).toEqual(["refusal-notice"]);
    const notice = pdfText(await doc(citizen, refused.id, "refusal-notice"));
    expect(notice).toContain("不予受理告知书");
    expect(notice).toContain(`编号：${refused.number}-BSL`);
    expect(notice).toContain("申请事项不属于本机关职权范围");
    expect(notice).toContain("依法申请行政复议或者提起行政诉讼");
    expect(notice).toContain("六十日内依法申请行政复议");
    expect((await doc(citizen, refused.id, "acceptance-receipt")).statusCode).toBe(404);
    expect((await doc(citizen, refused.id, "decision")).statusCode).toBe(404);
  });

  it("window: the clerk prints the 容缺受理 receipt with what is owed and by when", async () => {
    const found = expectStatus(await clerk.get("/api/workbench/applicants?mobile=13800510003"), 200);
    const created = expectStatus(
      await clerk.post("/api/cases", {
        itemId: relief,
        answers: { s1: "否", agent: "否" },
        form: { contactName: "吴思远", contactPhone: "13800510003" },
        applicant: { accountId: found.items[0].id },
      }),
      201,
    );
    await uploadChecklist(clerk, created.id);
    expectStatus(await clerk.act(created.id, "submit"), 200);
    const pending = expectStatus(
      await clerk.act(created.id, "accept-pending", {
        materials: [{ materialId: "m3", problem: "授权书原件待补" }],
        dueDate: "2026-03-09",
      }),
      200,
    );
    expect(kindsOf(pending)).toEqual(["acceptance-receipt"]);
    const receipt = pdfText(await doc(clerk, created.id, "acceptance-receipt"));
    expect(receipt).toContain("容缺受理");
    expect(receipt).toContain("容缺后补材料（请于2026年3月9日前补齐）");
    expect(receipt).toContain("家庭经济状况核对授权书：授权书原件待补");
    expect(receipt).toContain("申请方式：窗口办理");
    expect(receipt).toContain("联系人：吴思远");
    // 临时救助 is not a 行政许可: no citation of that law.
    expect(receipt).not.toContain("行政许可法");
    const theirs = await caseClient(t, "13800510003");
    expect(pdfText(await doc(theirs, created.id, "acceptance-receipt"))).toContain(
      `查询码：${pending.queryCode}`,
    );
  });

  it("only the applicant and staff who may read the case get its documents", async () => {
    const submitted = await submitFoodCase(citizen, food);
    expectStatus(await cityClerk.act(submitted.id, "accept"), 200);
    for (const username of ["13800510002", "clerk", "editor"]) {
      const outsider = await caseClient(t, username);
      const res = await doc(outsider, submitted.id, "acceptance-receipt");
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe("CASE_NOT_FOUND");
    }
    expect((await doc(await caseClient(t), submitted.id, "acceptance-receipt")).statusCode).toBe(401);
    expect((await doc(citizen, submitted.id, "licence")).statusCode).toBe(400);
    expect(pdfText(await doc(reviewer, submitted.id, "acceptance-receipt"))).toContain(submitted.number);
  });
});
