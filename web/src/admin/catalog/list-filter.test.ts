import { describe, expect, it } from "vitest";
import { catalogFilterOf } from "./list-filter.ts";

const filterOf = (search: string) => catalogFilterOf(new URLSearchParams(search));

describe("catalog list filters", () => {
  it("sends nothing but the first page without a filter", () => {
    expect(filterOf("")).toEqual({
      q: undefined,
      department: undefined,
      status: undefined,
      completeness: undefined,
      pending: undefined,
      page: 1,
    });
  });

  it("passes search, department, status and page through", () => {
    expect(filterOf("q=港澳&department=d1&status=active&page=3")).toMatchObject({
      q: "港澳",
      department: "d1",
      status: "active",
      page: 3,
    });
  });

  it("sends the completeness band for the server to filter by", () => {
    expect(filterOf("completeness=below-60").completeness).toBe("below-60");
    expect(filterOf("completeness=below-80").completeness).toBe("below-80");
    expect(filterOf("completeness=complete").completeness).toBe("complete");
  });

  it("sends whether a change is pending as true or false", () => {
    expect(filterOf("pending=yes").pending).toBe("true");
    expect(filterOf("pending=no").pending).toBe("false");
  });

  it("drops values the list does not offer, so an edited link still loads", () => {
    expect(filterOf("completeness=half&pending=maybe&page=-2&q=")).toMatchObject({
      q: undefined,
      completeness: undefined,
      pending: undefined,
      page: 1,
    });
    expect(filterOf("pending=toString").pending).toBeUndefined();
  });
});
