import { describe, expect, it } from "vitest";
import type { CatalogFacets } from "./api.ts";
import {
  activeFilterCount,
  audienceOfTheme,
  filterFromParams,
  filterSearch,
  itemsHref,
  tagCount,
  themeCount,
  toItemQuery,
  withChanges,
} from "./browse-filter.ts";

describe("filterFromParams", () => {
  it("reads every filter the list knows", () => {
    const params = new URLSearchParams(
      "audience=citizen&theme=户籍&tag=nearby&type=public-service&department=d1&region=320200&q=%20身份证%20&page=3",
    );
    expect(filterFromParams(params)).toEqual({
      audience: "citizen",
      theme: "户籍",
      tag: "nearby",
      type: "public-service",
      department: "d1",
      region: "320200",
      q: "身份证",
      page: 3,
    });
  });

  it("drops keys the core tables do not know and bad pages, so old bookmarks still show items", () => {
    const params = new URLSearchParams("audience=alien&theme=火星&tag=承诺件&type=x&page=-2&q=%20");
    expect(filterFromParams(params)).toEqual({ page: 1 });
  });
});

describe("writing filters", () => {
  it("writes a stable query string and leaves out page 1", () => {
    expect(filterSearch({ theme: "出生", audience: "citizen", page: 1 })).toBe(
      `?audience=citizen&theme=${encodeURIComponent("出生")}`,
    );
    expect(itemsHref({ tag: "nearby", page: 2 })).toBe("/items?tag=nearby&page=2");
    expect(itemsHref({})).toBe("/items");
  });

  it("round-trips through the address bar", () => {
    const filter = { audience: "company" as const, theme: "企业开办" as const, q: "公司", page: 4 };
    expect(filterFromParams(new URLSearchParams(filterSearch(filter)))).toEqual(filter);
  });

  it("passes the filter and page size to the API", () => {
    expect(toItemQuery({ tag: "instant", page: 2 }, 20)).toEqual({ tag: "instant", page: 2, pageSize: 20 });
  });
});

describe("withChanges", () => {
  it("starts again at page 1 and clears what is set to undefined", () => {
    expect(withChanges({ tag: "nearby", q: "证", page: 5 }, { tag: undefined, type: "licensing" })).toEqual({
      q: "证",
      type: "licensing",
      page: 1,
    });
  });

  it("drops a theme that is not on the newly chosen audience's list", () => {
    expect(withChanges({ theme: "出生", page: 1 }, { audience: "company" })).toEqual({
      audience: "company",
      page: 1,
    });
    expect(withChanges({ theme: "纳税", page: 1 }, { audience: "company" })).toEqual({
      theme: "纳税",
      audience: "company",
      page: 1,
    });
  });

  it("counts the active choices", () => {
    expect(activeFilterCount({ page: 3 })).toBe(0);
    expect(activeFilterCount({ q: "a", tag: "mobile", page: 1 })).toBe(2);
  });
});

describe("facet counts", () => {
  const facets: CatalogFacets = {
    departments: [],
    themes: [
      { theme: "户籍", audience: "citizen", itemCount: 7 },
      { theme: "户籍", audience: "company", itemCount: 1 },
      { theme: "纳税", audience: "company", itemCount: 3 },
    ],
    tags: [{ tag: "nearby", itemCount: 9 }],
    types: [],
  };

  it("counts a theme for the audience whose list it is on", () => {
    expect(audienceOfTheme("纳税")).toBe("company");
    expect(themeCount(facets, "户籍")).toBe(7);
    expect(themeCount(facets, "纳税")).toBe(3);
    expect(themeCount(facets, "出生")).toBe(0);
    expect(themeCount(undefined, "出生")).toBeUndefined();
  });

  it("counts tags, 0 for tags no item carries", () => {
    expect(tagCount(facets, "nearby")).toBe(9);
    expect(tagCount(facets, "instant")).toBe(0);
  });
});
