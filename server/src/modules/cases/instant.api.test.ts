import { ItemContentSchema } from "@tongban/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import { writeVersion } from "../catalog/governance/write-version.ts";
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

// 租赁住房提取住房公积金 is a 秒批 item in the seed: 18 or older, from 无锡 (3202), the name and 公民身份号码
// on the form matching the verified ones, and a monthly rent of at most 3000 yuan.
const answers = { s1: "按定额提取（无需提供租赁合同）", agent: "否" };
const chenForm = {
  contactName: "陈晓明",
  contactPhone: "13800510001",
  applicantName: "陈晓明",
  idNumber: "320202198503120130",
  monthlyRent: 2500,
  city: "梁溪区",
};

type RuleResult = { rule: { kind: string }; passed: boolean; description: string; detail: string };
type Event = {
  action: string;
  actor: unknown;
  fromStatus: string;
  toStatus: string;
  details: { rules?: RuleResult[] };
};

describe.each(databaseKinds)("秒批 instant approval (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let cityClerk: CaseClient;
  let rent: string;

  beforeAll(async () => {
    ({ t, citizen, cityClerk } = await openCaseWorld(kind));
    rent = await itemId(t, "gjj-zufang-tiqu");
    setCaseTodayForTests("2026-03-02");
  });
  afterAll(() => closeCaseWorld(t));

  /** Files and submits a rent withdrawal as `client` with the given form; returns the submitted case. */
  async function apply(client: CaseClient, form: Record<string, unknown>) {
    const created = expectStatus(await client.post("/api/cases", { itemId: rent, answers, form }), 201);
    await uploadChecklist(client, created.id);
    return expectStatus(await client.act(created.id, "submit"), 200);
  }

  it("completes at once when every rule passes, as the system, with the rule results kept", async () => {
    const done = await apply(citizen, chenForm);
    expect(done).toMatchObject({
      status: "completed",
      outcome: "approved",
      acceptedOn: "2026-03-02",
      delivery: { method: "electronic" },
    });
    expect(done.instant.passed).toBe(true);
    expect(done.instant.rules.map((r: RuleResult) => [r.rule.kind, r.passed])).toEqual([
      ["age-at-least", true],
      ["resident-of", true],
      ["field-matches-verified", true],
      ["field-matches-verified", true],
      ["field-at-most", true],
    ]);
    expect(done.instant.rules[0].detail).toBe("申请人 40 周岁");

    const last: Event = done.events.at(-1);
    expect(last).toMatchObject({
      action: "instant-approve",
      actor: null,
      fromStatus: "submitted",
      toStatus: "completed",
    });
    expect(last.details.rules).toHaveLength(5);
    expect(done.events.map((e: Event) => e.action)).toEqual([
      "create",
      "upload",
      "upload",
      "submit",
      "instant-approve",
    ]);

    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "actor_kind", "details"])
      .where("subject_id", "=", done.id)
      .where("action", "=", "case.instant-approve")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: null, actor_kind: "system" });
    expect((audit.details as { rules: unknown[] }).rules).toHaveLength(5);

    const messages = await t.database.db
      .selectFrom("notification")
      .select("template")
      .where("template", "=", "case.instant-approve")
      .execute();
    expect(messages.length).toBeGreaterThan(0);
  });

  it("leaves the case to people, naming the failed rule, when one rule fails", async () => {
    const submitted = await apply(citizen, { ...chenForm, monthlyRent: 3500 });
    expect(submitted.status).toBe("submitted");
    expect(submitted.outcome).toBeNull();
    expect(submitted.acceptedOn).toBeNull();
    expect(submitted.instant.passed).toBe(false);
    const failed = submitted.instant.rules.filter((r: RuleResult) => !r.passed);
    expect(failed).toEqual([
      {
        rule: { kind: "field-at-most", field: "monthlyRent", value: 3000 },
        passed: false,
        description: expect.stringContaining("不超过 3000"),
        detail: "填写的是「3500」",
      },
    ]);
    const last: Event = submitted.events.at(-1);
    expect(last).toMatchObject({
      action: "instant.failed",
      actor: null,
      fromStatus: "submitted",
      toStatus: "submitted",
    });

    // The staff see why, and take it from pre-check as usual.
    const seen = expectStatus(await cityClerk.get(`/api/cases/${submitted.id}`), 200);
    expect(seen.instant.rules.filter((r: RuleResult) => !r.passed)).toHaveLength(1);
    expect(seen.abilities["instant-approve"]).toBe(false);
    expectStatus(await cityClerk.act(submitted.id, "instant-approve"), 403);
    expect(expectStatus(await cityClerk.act(submitted.id, "accept"), 200).status).toBe("accepted");
  });

  it("fails the identity rules for someone filling in another person's details", async () => {
    const wu = await caseClient(t, "13800510003");
    const submitted = await apply(wu, { ...chenForm, contactName: "吴思远", contactPhone: "13800510003" });
    expect(submitted.status).toBe("submitted");
    const failed = submitted.instant.rules.filter((r: RuleResult) => !r.passed);
    expect(failed.map((r: RuleResult) => r.detail)).toEqual([
      "与经核验的姓名不一致",
      "与经核验的公民身份号码不一致",
    ]);
  });

  it("files 跨省异地就医备案 at once for a verified 无锡 resident", async () => {
    const zhou = await caseClient(t, "13800510002");
    const yidi = await itemId(t, "yidi-jiuyi-beian");
    const created = expectStatus(
      await zhou.post("/api/cases", {
        itemId: yidi,
        answers: { s1: "异地长期居住人员", agent: "否" },
        form: {
          applicantName: "周丽华",
          idNumber: "320281199207080285",
          insuredCity: "江阴市",
          destination: "上海市",
          reason: "异地长期居住",
          contactName: "周丽华",
          contactPhone: "13800510002",
        },
      }),
      201,
    );
    await uploadChecklist(zhou, created.id);
    const done = expectStatus(await zhou.act(created.id, "submit"), 200);
    expect(done.status).toBe("completed");
    expect(done.instant.rules.every((r: RuleResult) => r.passed)).toBe(true);
  });

  it("never approves an item that charges a fee", async () => {
    // A new published version that charges a fee; cases started now pin it.
    const db = t.database.db;
    const item = await db
      .selectFrom("item")
      .select("version")
      .where("id", "=", rent)
      .executeTakeFirstOrThrow();
    const current = await db
      .selectFrom("item_version")
      .select(["content", "effective_from"])
      .where("item_id", "=", rent)
      .where("version", "=", item.version)
      .executeTakeFirstOrThrow();
    const content = ItemContentSchema.parse(current.content);
    await db.transaction().execute(async (tx) => {
      await writeVersion(tx, {
        itemId: rent,
        version: item.version + 1,
        content: { ...content, fees: [{ name: "手续费", amountFen: 1000, basis: null }] },
        effectiveFrom: current.effective_from,
      });
      await tx
        .updateTable("item")
        .set({ version: item.version + 1 })
        .where("id", "=", rent)
        .execute();
    });
    const submitted = await apply(citizen, chenForm);
    expect(submitted.item.version).toBe(item.version + 1);
    expect(submitted.status).toBe("submitted");
    expect(submitted.instant).toBeNull();
    expect(submitted.events.map((e: Event) => e.action)).not.toContain("instant.failed");
  });
});
