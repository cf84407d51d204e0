import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  itemId,
  openCaseWorld,
  uploadChecklist,
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

// 高龄津贴 (gaoling-jintie) has a data-defined form: applicant (prefilled name and 公民身份号码), 户籍地址,
// 发放方式 → 开户银行 + 银行账号 or 社会保障卡号 (field conditions), 代理人 when the 情形 says so.
const CHEN = { name: "陈晓明", idNumber: "320202198503120130", mobile: "13800510001" };
const ZHOU = { name: "周丽华", idNumber: "320281199207080285", mobile: "13800510002" };

type FieldError = { field: string; code: string; message: string };
const fieldsOf = (body: { details?: { fields?: FieldError[] } }) =>
  (body.details?.fields ?? []).map((error) => [error.field, error.code]);

describe.each(databaseKinds)("application forms as data (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let clerk: CaseClient;
  let allowance: string;

  beforeAll(async () => {
    ({ t, citizen, clerk } = await openCaseWorld(kind));
    allowance = await itemId(t, "gaoling-jintie");
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  it("fills the prefill fields from the applicant's verified profile, keeping what the request gave", async () => {
    const preview = expectStatus(await citizen.get(`/api/cases/prefill?itemId=${allowance}`), 200);
    expect(preview.form).toEqual({
      applicantName: CHEN.name,
      idNumber: CHEN.idNumber,
      contactName: CHEN.name,
      contactPhone: CHEN.mobile,
    });
    const created = expectStatus(
      await citizen.post("/api/cases", { itemId: allowance, form: { contactName: "陈小明的女儿" } }),
      201,
    );
    expect(created.form).toEqual({
      applicantName: CHEN.name,
      idNumber: CHEN.idNumber,
      contactName: "陈小明的女儿",
      contactPhone: CHEN.mobile,
    });
  });

  it("documents the prefill route and the pinned form in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json() as {
      paths: Record<string, unknown>;
      components?: { schemas?: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toContain("/api/cases/prefill");
    expect(JSON.stringify(doc.paths["/api/cases/{id}"])).toContain("itemForm");
  });

  it("fills a company's name and credit code, and its legal representative's contact details", async () => {
    const company = await caseClient(t, "91320213MA2TB0015D");
    const food = await itemId(t, "shipin-jingying-xuke");
    const created = expectStatus(await company.post("/api/cases", { itemId: food }), 201);
    expect(created.form).toEqual({
      operatorName: "无锡通办示范科技有限公司",
      operatorCode: "91320213MA2TB0015D",
      contactName: CHEN.name,
      contactPhone: CHEN.mobile,
    });
  });

  it("autosaves a half-filled draft leniently, but refuses a wrong type or choice with the field list", async () => {
    const { id } = expectStatus(await citizen.post("/api/cases", { itemId: allowance }), 201);
    const half = expectStatus(
      await citizen.put(`/api/cases/${id}`, { form: { payTo: "银行卡", bankAccount: "6222" } }),
      200,
    );
    expect(half.form).toMatchObject({ payTo: "银行卡", bankAccount: "6222" });
    const wrong = await citizen.put(`/api/cases/${id}`, {
      form: { payTo: "现金", bankAccount: 6222, householdAddress: "梁".repeat(201) },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "CASE_FORM_INVALID", title: "申请表填写有误" });
    expect(fieldsOf(wrong.json())).toEqual([
      ["householdAddress", "too-long"],
      ["payTo", "option"],
    ]);
    // Nothing of the refused save was kept.
    expect(expectStatus(await citizen.get(`/api/cases/${id}`), 200).form.payTo).toBe("银行卡");
  });

  it("refuses to submit with every missing or malformed field named, then submits once they are right", async () => {
    const { id } = expectStatus(
      await citizen.post("/api/cases", {
        itemId: allowance,
        answers: { agent: "否" },
        form: { payTo: "银行卡", idNumber: "320202198503120131" },
      }),
      201,
    );
    await uploadChecklist(citizen, id);
    const refused = await citizen.act(id, "submit");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("CASE_FORM_INVALID");
    expect(fieldsOf(refused.json())).toEqual([
      ["idNumber", "format"],
      ["householdAddress", "required"],
      ["bankName", "required"],
      ["bankAccount", "required"],
    ]);
    expect(refused.json().details.fields[1].message).toBe("请填写“户籍地址”");
    expect(expectStatus(await citizen.get(`/api/cases/${id}`), 200).status).toBe("draft");
    expectStatus(
      await citizen.put(`/api/cases/${id}`, {
        form: {
          ...expectStatus(await citizen.get(`/api/cases/${id}`), 200).form,
          idNumber: CHEN.idNumber,
          householdAddress: "无锡市梁溪区崇安寺街道人民中路1号",
          bankName: "江苏银行",
          bankAccount: "6228480402564890018",
        },
      }),
      200,
    );
    expect(expectStatus(await citizen.act(id, "submit"), 200).status).toBe("submitted");
  });

  it("drops the values of hidden and unknown fields, and a changed answer hides its fields", async () => {
    const { id } = expectStatus(
      await citizen.post("/api/cases", {
        itemId: allowance,
        answers: { agent: "是" },
        form: { agentName: "陈一", payTo: "社会保障卡", socialCard: "320202", bankName: "中国银行" },
      }),
      201,
    );
    const created = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(created.form).toMatchObject({ agentName: "陈一", payTo: "社会保障卡", socialCard: "320202" });
    expect(created.form).not.toHaveProperty("bankName");
    const saved = expectStatus(
      await citizen.put(`/api/cases/${id}`, {
        answers: { agent: "否" },
        form: { ...created.form, bankAccount: "x".repeat(999), whatever: 1 },
      }),
      200,
    );
    expect(saved.form).not.toHaveProperty("agentName");
    expect(saved.form).not.toHaveProperty("bankAccount");
    expect(saved.form).not.toHaveProperty("whatever");
    expect(saved.form.socialCard).toBe("320202");
  });

  it("at the window the walk-in applicant's profile fills the form; the clerk must name the applicant", async () => {
    const noApplicant = await clerk.get(`/api/cases/prefill?itemId=${allowance}`);
    expect(noApplicant.json().code).toBe("CASE_APPLICANT_REQUIRED");
    const walkIn: string = expectStatus(
      await clerk.get(`/api/workbench/applicants?mobile=${ZHOU.mobile}`),
      200,
    ).items[0].id;
    const preview = expectStatus(
      await clerk.get(`/api/cases/prefill?itemId=${allowance}&applicantId=${walkIn}`),
      200,
    );
    expect(preview.form).toMatchObject({ applicantName: ZHOU.name, idNumber: ZHOU.idNumber });
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select("subject_id")
      .where("action", "=", "case.prefill")
      .execute();
    expect(audited.map((row) => row.subject_id)).toContain(walkIn);
    const created = expectStatus(
      await clerk.post("/api/cases", {
        itemId: allowance,
        answers: { agent: "否" },
        form: { householdAddress: "无锡市梁溪区", payTo: "社会保障卡", socialCard: "320281" },
        applicant: { accountId: walkIn },
      }),
      201,
    );
    expect(created.form).toMatchObject({
      applicantName: ZHOU.name,
      idNumber: ZHOU.idNumber,
      contactName: ZHOU.name,
      contactPhone: ZHOU.mobile,
    });
    await uploadChecklist(clerk, created.id);
    expect(expectStatus(await clerk.act(created.id, "submit"), 200).status).toBe("submitted");
  });
});
