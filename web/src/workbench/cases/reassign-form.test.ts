import { describe, expect, it } from "vitest";
import { actionBody } from "./action-form.ts";
import { reassignTarget, targetValue } from "./reassign-form.ts";

describe("reassign form", () => {
  it("turns the chosen option into the request's place or department target", () => {
    const place = targetValue({ kind: "place", id: "5b0e…" });
    expect(reassignTarget({ target: place })).toEqual({ placeId: "5b0e…" });
    expect(reassignTarget({ target: targetValue({ kind: "department", id: "d1" }) })).toEqual({
      departmentId: "d1",
    });
    expect(reassignTarget({})).toBeUndefined();
    expect(reassignTarget({ target: "window:1" })).toBeUndefined();
  });

  it("sends the reason and the target for 转办, and no target for other actions", () => {
    expect(actionBody("reassign", { reason: " 就近办理 ", target: "place:p1" }, "")).toEqual({
      reason: "就近办理",
      target: { placeId: "p1" },
    });
    expect(actionBody("accept", { target: "place:p1" }, "")).toEqual({});
  });
});
