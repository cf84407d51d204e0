import { describe, expect, it } from "vitest";
import { actionBody, actionProblems, staffActions } from "./action-form.ts";

describe("staffActions", () => {
  it("offers only what the server allows, in lifecycle order, without the editor's save and submit", () => {
    expect(
      staffActions({ refuse: true, accept: true, "request-correction": true, save: true, decide: false }),
    ).toEqual(["request-correction", "accept", "refuse"]);
    expect(staffActions({})).toEqual([]);
  });
});

describe("action forms", () => {
  it("asks a correction notice to name materials, each with its problem", () => {
    expect(actionProblems("request-correction", {})).toEqual(["materials"]);
    expect(
      actionProblems("request-correction", { materials: { m1: { picked: true, problem: " " } } }),
    ).toEqual(["materials"]);
    expect(
      actionProblems("request-correction", { materials: { m1: { picked: true, problem: "模糊" } } }),
    ).toEqual([]);
  });

  it("lets 容缺 materials go without a problem, but not without a due date", () => {
    const values = { materials: { m2: { picked: true } } };
    expect(actionProblems("accept-pending", values)).toEqual(["dueDate"]);
    expect(actionBody("accept-pending", { ...values, dueDate: "2026-04-01" }, "容缺后补")).toEqual({
      materials: [{ materialId: "m2", problem: "容缺后补" }],
      dueDate: "2026-04-01",
    });
  });

  it("sends only the fields an action needs, plus a comment", () => {
    expect(actionProblems("extend", { reason: "需现场核查", days: 0 })).toEqual(["days"]);
    expect(
      actionBody("extend", { reason: " 需现场核查 ", days: 10, outcome: "approved", comment: "" }, ""),
    ).toEqual({ reason: "需现场核查", days: 10 });
    expect(actionProblems("decide", { outcome: "approved" })).toEqual(["comment"]);
    expect(actionProblems("complete", { delivery: "pickup" })).toEqual(["delivery"]);
    expect(
      actionBody("complete", { delivery: "pickup", window: " 3号窗口 ", comment: "已领取" }, ""),
    ).toEqual({
      comment: "已领取",
      delivery: { method: "pickup", window: "3号窗口" },
    });
    expect(actionBody("decide", { outcome: "approved", comment: "准予", fees: [1] }, "")).toEqual({
      outcome: "approved",
      comment: "准予",
      fees: [1],
    });
    const rejected = actionBody("decide", { outcome: "rejected", comment: "不予", fees: [1] }, "");
    expect(rejected).not.toHaveProperty("fees");
    expect(actionProblems("accept", {})).toEqual([]);
    expect(
      actionBody(
        "request-correction",
        { materials: { m1: { picked: true, problem: "不清晰" }, m2: {} } },
        "",
      ),
    ).toEqual({ materials: [{ materialId: "m1", problem: "不清晰" }] });
  });
});
