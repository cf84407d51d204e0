import { describe, expect, it } from "vitest";
import { scopeClaims, toOidcClaims } from "./scopes.ts";

describe("OIDC claims of an account", () => {
  it("gives a person their real-name level, masked and full identifiers, and a masked mobile", () => {
    expect(
      toOidcClaims({
        sub: "a1",
        kind: "citizen",
        name: "陈晓明",
        realNameLevel: 2,
        citizenIdMasked: "320202********0130",
        citizenId: "320202198503120130",
        creditCode: null,
        mobileMasked: "138****0001",
      }),
    ).toEqual({
      sub: "a1",
      name: "陈晓明",
      real_name_level: 2,
      user_type: "natural_person",
      citizen_id_masked: "320202********0130",
      citizen_id: "320202198503120130",
      phone_number_masked: "138****0001",
    });
  });

  it("makes a company a legal person with its credit code, masked under identifiers_masked", () => {
    const claims = toOidcClaims({
      sub: "c1",
      kind: "company",
      name: "无锡通办示范科技有限公司",
      realNameLevel: 2,
      citizenIdMasked: null,
      citizenId: null,
      creditCode: "91320213MA2TB0015D",
      mobileMasked: null,
    });
    expect(claims).toMatchObject({
      user_type: "legal_person",
      credit_code: "91320213MA2TB0015D",
      credit_code_masked: "913202********015D",
    });
    expect(claims).not.toHaveProperty("citizen_id");
  });

  it("puts every claim it produces under exactly one scope, the full identifiers under `identifiers` only", () => {
    const all = Object.values(scopeClaims).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(scopeClaims.identifiers).toEqual(["citizen_id", "credit_code"]);
  });
});
