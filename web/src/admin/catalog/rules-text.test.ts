import { describe, expect, it } from "vitest";
import { readRulesText } from "./rules-text.ts";

describe("readRulesText (秒批 rules editor)", () => {
  it("reads empty text as no rules and valid JSON as the rules", () => {
    expect(readRulesText("  ")).toEqual({ ok: true, rules: [] });
    expect(readRulesText('[{"kind":"age-at-least","years":18}]')).toEqual({
      ok: true,
      rules: [{ kind: "age-at-least", years: 18 }],
    });
  });

  it("names broken JSON and the rule that is wrong, keeping the raw value so saving is blocked", () => {
    const broken = readRulesText("[{");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems[0]?.key).toBe("invalidJson");
    const wrong = readRulesText(
      '[{"kind":"age-at-least","years":18},{"kind":"resident-of","regionCodes":["3"]}]',
    );
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.problems).toEqual([
      { key: "invalidRule", index: 2, message: expect.stringContaining("regionCodes") },
    ]);
    expect(Array.isArray(wrong.raw)).toBe(true);
    expect(readRulesText('{"kind":"audience"}').ok).toBe(false);
  });
});
