import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { staffRoles } from "../access/roles.ts";
import {
  allowedActions,
  type CaseActor,
  type CaseStatus,
  caseActionKeys,
  caseActionNames,
  caseActionRule,
  caseActions,
  caseStatuses,
  caseStatusNames,
  closedCaseStatuses,
  isCaseAction,
  isCaseStatus,
  statusAfter,
} from "./case-lifecycle.ts";

const actors: readonly CaseActor[] = ["applicant", "system", ...staffRoles];
const anyAction = fc.constantFrom(...caseActionKeys);
const anyStatus = fc.constantFrom(...caseStatuses);
const anyActor = fc.constantFrom(...actors);
const closed: readonly CaseStatus[] = closedCaseStatuses;

describe("the case lifecycle table", () => {
  it("names every status and every action in Chinese", () => {
    expect(Object.keys(caseStatusNames).sort()).toEqual([...caseStatuses].sort());
    expect(Object.keys(caseActionNames).sort()).toEqual([...caseActionKeys].sort());
    expect(caseStatusNames["accepted-pending"]).toBe("容缺受理");
    expect(caseStatusNames.completed).toBe("已办结");
  });

  it("leads every action from and to real statuses, never out of a closed one", () => {
    fc.assert(
      fc.property(anyAction, (action) => {
        const rule = caseActionRule(action);
        expect(rule.from.length).toBeGreaterThan(0);
        for (const status of rule.from) {
          expect(isCaseStatus(status)).toBe(true);
          expect(closed).not.toContain(status);
        }
        expect(rule.to === "same" || rule.to === "previous" || isCaseStatus(rule.to)).toBe(true);
        expect(rule.by.length).toBeGreaterThan(0);
        for (const actor of rule.by) expect(actors).toContain(actor);
      }),
    );
  });

  it("reaches every status from a draft and leaves every open status somehow", () => {
    const reached = new Set<CaseStatus>(["draft"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const action of caseActionKeys) {
        const { from, to } = caseActionRule(action);
        if (to === "same" || to === "previous") continue;
        if (from.some((status) => reached.has(status)) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...caseStatuses].sort());
    for (const status of caseStatuses) {
      const leaves = caseActionKeys.some((action) => {
        const rule = caseActionRule(action);
        return rule.from.includes(status) && rule.to !== "same";
      });
      expect(leaves).toBe(!closed.includes(status));
    }
  });

  it("only offers actions whose rule names the status and the actor", () => {
    fc.assert(
      fc.property(anyStatus, fc.uniqueArray(anyActor, { maxLength: 4 }), (status, by) => {
        for (const action of allowedActions(status, by, { tags: ["tolerant-acceptance"] })) {
          const rule = caseActionRule(action);
          expect(rule.from).toContain(status);
          expect(rule.by.some((actor) => by.includes(actor))).toBe(true);
        }
        if (closed.includes(status)) expect(allowedActions(status, by)).toEqual([]);
      }),
    );
  });

  it("never strands a random walk outside the table", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyActor, fc.nat()), { maxLength: 30 }), (steps) => {
        let status: CaseStatus = "draft";
        let beforeSuspension: CaseStatus | undefined;
        for (const [actor, pick] of steps) {
          const options = allowedActions(status, actor, { tags: ["tolerant-acceptance"] });
          const action = options[pick % Math.max(options.length, 1)];
          if (action === undefined) continue;
          const next = statusAfter(action, status, beforeSuspension);
          if (next === "suspended" && status !== "suspended") beforeSuspension = status;
          status = next;
          expect(isCaseStatus(status)).toBe(true);
        }
      }),
    );
  });
});

describe("allowedActions", () => {
  it("lets the applicant save, submit and withdraw a draft", () => {
    expect(allowedActions("draft", "applicant")).toEqual(["save", "submit", "withdraw"]);
  });

  it("pre-checks at the window, offering 容缺 only for items tagged tolerant-acceptance", () => {
    expect(allowedActions("submitted", "window-clerk")).toEqual(["request-correction", "accept", "reassign"]);
    expect(
      allowedActions("submitted", "window-clerk", { tags: ["immediate", "tolerant-acceptance"] }),
    ).toEqual(["request-correction", "accept", "accept-pending", "reassign"]);
    expect(allowedActions("submitted", "reviewer", { tags: ["tolerant-acceptance"] })).not.toContain(
      "accept-pending",
    );
  });

  it("leaves 不予受理 to decision makers", () => {
    expect(allowedActions("submitted", "decision-maker")).toEqual(["refuse", "reassign"]);
    for (const actor of actors) {
      if (actor !== "decision-maker") expect(allowedActions("submitted", actor)).not.toContain("refuse");
    }
  });

  it("unions the actions of every role a staff member holds", () => {
    expect(allowedActions("under-review", ["reviewer", "decision-maker"])).toEqual([
      "suspend",
      "extend",
      "decide",
      "reassign",
    ]);
    expect(allowedActions("under-review", "reviewer")).toEqual(["suspend"]);
    expect(allowedActions("under-review", "applicant")).toEqual(["withdraw"]);
    expect(allowedActions("decided", "window-clerk")).toEqual(["complete", "reassign"]);
    expect(allowedActions("suspended", "applicant")).toEqual([]);
    expect(allowedActions("draft", [])).toEqual([]);
  });

  it("reassigns (转办) open cases only, never a draft or a closed case, and never by the applicant", () => {
    expect(caseActions.reassign.needs).toEqual(["reason"]);
    for (const status of ["draft", ...closedCaseStatuses] as const)
      expect(caseActions.reassign.from as readonly string[]).not.toContain(status);
    expect(allowedActions("suspended", "decision-maker")).toContain("reassign");
    expect(allowedActions("under-review", "applicant")).not.toContain("reassign");
    expect(allowedActions("under-review", "reviewer")).not.toContain("reassign");
  });

  it("states what each action needs", () => {
    expect(caseActions["request-correction"].needs).toEqual(["materials"]);
    expect(caseActions["accept-pending"].needs).toEqual(["materials", "dueDate"]);
    expect(caseActions.refuse.needs).toEqual(["reason"]);
    expect(caseActions.extend.needs).toEqual(["reason", "days"]);
    expect(caseActions.decide.needs).toEqual(["outcome", "comment"]);
    expect(caseActions.complete.needs).toEqual(["delivery"]);
  });
});

describe("statusAfter", () => {
  it("follows the table, keeps the status for same and returns to the status left for resume", () => {
    expect(statusAfter("submit", "draft")).toBe("submitted");
    expect(statusAfter("save", "correction-requested")).toBe("correction-requested");
    expect(statusAfter("extend", "under-review")).toBe("under-review");
    expect(statusAfter("resume", "suspended", "accepted")).toBe("accepted");
    expect(statusAfter("resume", "suspended", "under-review")).toBe("under-review");
  });

  it("refuses impossible moves", () => {
    expect(() => statusAfter("decide", "accepted")).toThrow(RangeError);
    expect(() => statusAfter("withdraw", "completed")).toThrow(RangeError);
    expect(() => statusAfter("resume", "suspended")).toThrow(RangeError);
    expect(() => statusAfter("resume", "suspended", "draft")).toThrow(RangeError);
  });

  it("recognises names", () => {
    expect(isCaseAction("accept")).toBe(true);
    expect(isCaseAction("toString")).toBe(false);
    expect(isCaseStatus("suspended")).toBe(true);
    expect(isCaseStatus("paused")).toBe(false);
  });
});
