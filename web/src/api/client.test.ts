import { describe, expect, it } from "vitest";
import { ApiError, query, readCookie, toApiError, UNEXPECTED_RESPONSE } from "./client.ts";

describe("readCookie", () => {
  it("finds one cookie among several and decodes it", () => {
    expect(readCookie("a=1; tb_csrf=abc%3D%3D; b=2", "tb_csrf")).toBe("abc==");
    expect(readCookie("a=1", "tb_csrf")).toBeUndefined();
    expect(readCookie("", "tb_csrf")).toBeUndefined();
  });
});

describe("toApiError", () => {
  it("keeps the problem's code and Chinese title", async () => {
    const response = new Response(
      JSON.stringify({ type: "about:blank", title: "请先登录", status: 401, code: "UNAUTHENTICATED" }),
      { status: 401, headers: { "Content-Type": "application/problem+json" } },
    );
    const error = await toApiError(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "UNAUTHENTICATED",
      title: "请先登录",
      status: 401,
      isFromServer: true,
    });
  });

  it("marks a body that is not a problem as unexpected, not as the server's words", async () => {
    const error = await toApiError(new Response("<html>bad gateway</html>", { status: 502 }));
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE, status: 502, isFromServer: false });
  });
});

describe("query", () => {
  it("drops empty values", () => {
    expect(query({ department: undefined, q: "", page: 1, pageSize: 20 })).toBe("?page=1&pageSize=20");
    expect(query({})).toBe("");
  });
});
