import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, can, rules } from "./policy.ts";
import { isWithinRegion, regionPrefix } from "./region-scope.ts";
import { type StaffRole, staffRoles } from "./roles.ts";

// The expected permission matrix, written out by hand from the rules (not derived from
// `rules`): for each action and role, which relations between actor and target allow it.
type Relation = "none" | "own-department" | "same-region" | "sub-region" | "other-region";
const all: Relation[] = ["none", "own-department", "same-region", "sub-region", "other-region"];
const regional: Relation[] = ["none", "own-department", "same-region", "sub-region"];
const departmental: Relation[] = ["none", "own-department"];
const everyone = Object.fromEntries(staffRoles.map((r) => [r, all])) as Record<StaffRole, Relation[]>;
const expected: Record<Action, Partial<Record<StaffRole, Relation[]>>> = {
  "workbench.use": everyone,
  "calendar.publish": { "system-admin": all },
  "jobs.inspect": { "system-admin": all },
  "audit.verify": { "system-admin": all, supervisor: all },
  "outbox.read": { "system-admin": all },
  "oidc-client.manage": { "system-admin": all },
  "organisation.read": everyone,
  "organisation.manage": { "system-admin": regional },
  "delegation.manage": { "system-admin": regional, "catalog-editor": departmental },
  "staff.manage": { "system-admin": regional },
  "catalog.draft": { "catalog-editor": regional },
  "catalog.legality-review": { "legality-reviewer": regional },
  "catalog.consistency-review": { "data-steward": regional },
  "catalog.report": {
    "catalog-editor": regional,
    "data-steward": regional,
    supervisor: regional,
    "legality-reviewer": regional,
  },
  "catalog.import": { "catalog-editor": regional },
  "catalog.export": { "catalog-editor": all, "data-steward": all },
  "case.intake": { "window-clerk": regional },
  "case.precheck": { "window-clerk": regional, reviewer: departmental },
  "case.review": { reviewer: departmental },
  "case.decide": { "decision-maker": departmental },
  "case.refuse": { "decision-maker": departmental },
  "case.reassign": { "window-clerk": regional, "decision-maker": departmental },
  "pledge.verify": { reviewer: departmental, "decision-maker": departmental },
  "case.read": {
    "window-clerk": regional,
    reviewer: departmental,
    "decision-maker": departmental,
    supervisor: regional,
  },
};

const city = "320200";
const county = "320213";
const township = "320213021000";
const otherCounty = "320281";

function targetFor(relation: Relation, actorRegion: string) {
  switch (relation) {
    case "none":
      return undefined;
    case "own-department":
      return { regionCode: actorRegion, departmentId: "dept-a" };
    case "same-region":
      return { regionCode: actorRegion, departmentId: "dept-b" };
    case "sub-region":
      return { regionCode: actorRegion === county ? township : county, departmentId: "dept-b" };
    case "other-region":
      return { regionCode: actorRegion === city ? "320500" : otherCounty, departmentId: "dept-b" };
  }
}

describe("permission matrix", () => {
  it("has an expectation for every action the policy defines", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(rules).sort());
  });

  it("matches the expected table for every role × action × scope (generated cases)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...staffRoles]),
        fc.constantFrom(...(Object.keys(rules) as Action[])),
        fc.constantFrom(...all),
        fc.constantFrom(city, county),
        (roles, action, relation, actorRegion) => {
          const actor = { kind: "staff" as const, roles, regionCode: actorRegion, departmentId: "dept-a" };
          const want = roles.some((r) => (expected[action][r] ?? []).includes(relation));
          expect(can(actor, action, targetFor(relation, actorRegion))).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never lets an applicant act as staff, whatever roles a forged record claims", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("citizen", "company", "system", "anonymous" as const),
        fc.constantFrom(...(Object.keys(rules) as Action[])),
        (kind, action) => {
          expect(
            can({ kind, roles: [...staffRoles], regionCode: city, departmentId: "dept-a" }, action),
          ).toBe(false);
        },
      ),
    );
  });

  it("refuses a region-scoped action to staff with no region", () => {
    expect(
      can({ kind: "staff", roles: ["system-admin"], regionCode: null }, "organisation.manage", {
        regionCode: county,
      }),
    ).toBe(false);
  });
});

describe("place scope (委托受理)", () => {
  const placeClerk = {
    kind: "staff" as const,
    roles: ["window-clerk"],
    regionCode: township,
    departmentId: null,
    placeId: "place-a",
  };

  it("lets a township place's clerk reach only the cases of their own place", () => {
    const own = { regionCode: township, departmentId: "dept-b", placeId: "place-a" };
    expect(can(placeClerk, "case.precheck", own)).toBe(true);
    expect(can(placeClerk, "case.read", own)).toBe(true);
    // A village place inside the township, or a case of the township with no place, is not theirs.
    const village = { ...own, regionCode: `${township.slice(0, 9)}201`, placeId: "place-b" };
    expect(can(placeClerk, "case.read", village)).toBe(false);
    expect(can(placeClerk, "case.precheck", { ...own, placeId: null })).toBe(false);
    expect(can(placeClerk, "case.reassign", { ...own, placeId: undefined })).toBe(false);
  });

  it("leaves the region scope of staff at county and higher centres as it was", () => {
    const centreClerk = { ...placeClerk, regionCode: county, placeId: "centre" };
    expect(can(centreClerk, "case.precheck", { regionCode: township, placeId: "place-a" })).toBe(true);
    expect(can(centreClerk, "case.precheck", { regionCode: otherCounty, placeId: "centre" })).toBe(false);
  });
});

describe("region scope", () => {
  it.each([
    ["320000", "32"],
    ["320200", "3202"],
    ["320213", "320213"],
    ["320213021000", "320213021"],
    ["320213021201", "320213021201"],
    ["320213000000", "320213"],
  ])("prefix of %s is %s", (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });

  it("puts townships and villages inside their county and city, and nowhere else", () => {
    expect(isWithinRegion("320213021201", "320200")).toBe(true);
    expect(isWithinRegion("320213021201", "320213021000")).toBe(true);
    expect(isWithinRegion("320213", "320213")).toBe(true);
    expect(isWithinRegion("320200", "320213")).toBe(false);
    expect(isWithinRegion("320281", "320213")).toBe(false);
  });
});
