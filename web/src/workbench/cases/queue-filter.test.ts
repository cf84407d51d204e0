import { describe, expect, it } from "vitest";
import { defaultQueue, parseQueueFilter, queueSearch } from "./queue-filter.ts";

describe("queue filter", () => {
  it("opens the queue of the person's step in the lifecycle", () => {
    expect(defaultQueue(["window-clerk"])).toBe("precheck");
    expect(defaultQueue(["reviewer"])).toBe("review");
    expect(defaultQueue(["decision-maker"])).toBe("decide");
    expect(defaultQueue(["supervisor"])).toBe("all");
  });

  it("reads the address, ignoring values it does not know", () => {
    const item = "0b6f6c1e-4d8e-4c39-9a57-8f1f0c0e2a11";
    expect(
      parseQueueFilter(new URLSearchParams(`queue=overdue&channel=window&item=${item}&page=3`), []),
    ).toEqual({
      queue: "overdue",
      channel: "window",
      item,
      page: 3,
    });
    expect(
      parseQueueFilter(new URLSearchParams("queue=everything&channel=fax&page=-2"), ["reviewer"]),
    ).toEqual({
      queue: "review",
      page: 1,
    });
  });

  it("writes back only what differs from the defaults, and round-trips", () => {
    expect(queueSearch({ queue: "precheck", page: 1 })).toEqual({ queue: "precheck" });
    const filter = { queue: "due-soon" as const, channel: "web" as const, page: 2 };
    expect(parseQueueFilter(new URLSearchParams(queueSearch(filter)), [])).toEqual(filter);
  });
});
