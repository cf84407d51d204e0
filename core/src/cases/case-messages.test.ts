import { describe, expect, it } from "vitest";
import { caseActionKeys } from "./case-lifecycle.ts";
import {
  caseMessagePlaceholders,
  caseMessageTemplate,
  caseMessageTemplates,
  caseNoticeEvents,
  placeholdersOf,
  renderCaseEvent,
  renderCaseMessage,
  smsBody,
} from "./case-messages.ts";

const everyEvent = [...caseActionKeys, ...caseNoticeEvents];

describe("case message templates", () => {
  it("has a template for every lifecycle action and notice event", () => {
    // A new action without a template fails here: decide who is told before shipping it.
    const missing = everyEvent.filter((event) => caseMessageTemplate(event) === undefined);
    expect(missing).toEqual([]);
  });

  it("always tells the applicant on the site, and texts them only what they must act on or what ends the case", () => {
    const texted = Object.entries(caseMessageTemplates)
      .filter(([, template]) => template.applicant?.channels.includes("sms"))
      .map(([event]) => event)
      .sort();
    for (const template of Object.values(caseMessageTemplates))
      if (template.applicant) expect(template.applicant.channels).toContain("site");
    expect(texted).toEqual(
      [
        "accept",
        "accept-pending",
        "complete",
        "decide",
        "instant-approve",
        "pending.reminder",
        "refuse",
        "request-correction",
        "terminate",
      ].sort(),
    );
  });

  it("raises due-soon and overdue to the staff with case roles, not the applicant", () => {
    for (const event of ["case.due-soon", "case.overdue"]) {
      const template = caseMessageTemplate(event);
      expect(template?.applicant).toBeNull();
      expect(template?.staff?.roles).toEqual(["window-clerk", "reviewer", "decision-maker"]);
    }
    expect(caseMessageTemplate("submit")?.staff?.roles).toEqual(["window-clerk"]);
    expect(caseMessageTemplate("save")).toEqual({ applicant: null, staff: null });
  });

  it("names only known placeholders, in Chinese text", () => {
    for (const [event, template] of Object.entries(caseMessageTemplates)) {
      for (const text of [template.applicant?.text, template.staff?.text]) {
        if (text === undefined) continue;
        expect(text, event).toMatch(/[\u4e00-\u9fff]/);
        for (const name of placeholdersOf(text))
          expect(caseMessagePlaceholders as readonly string[], `${event}: {${name}}`).toContain(name);
      }
    }
  });

  it("renders placeholders and marks a missing value instead of leaving a brace", () => {
    expect(
      renderCaseMessage("「{item}」办件 {number}，理由：{reason}", { item: "食品经营许可", number: "X1" }),
    ).toBe("「食品经营许可」办件 X1，理由：—");
    const rendered = renderCaseEvent("request-correction", {
      item: "食品经营许可",
      number: "113202002026030200001",
      materials: "营业执照（不清晰）",
    });
    expect(rendered.applicant?.body).toBe(
      "您申请的「食品经营许可」（办件编号 113202002026030200001）需补正材料：营业执照（不清晰）。请登录通办一次性补正后重新提交。",
    );
    expect(rendered.applicant?.channels).toContain("sms");
    expect(smsBody("x")).toBe("【通办】x");
    expect(renderCaseEvent("terminate", { reason: "容缺材料逾期未补齐" }).staff?.body).toContain(
      "原因：容缺材料逾期未补齐",
    );
    expect(renderCaseEvent("no-such-event", {})).toEqual({ applicant: null, staff: null });
  });
});
