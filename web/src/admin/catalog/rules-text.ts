import { InstantRule } from "@tongban/core";

/** What the rules text says: the rules when it parses, else the problems in words. */
export type RulesText =
  | { ok: true; rules: InstantRule[] }
  | {
      ok: false;
      problems: { key: "invalidJson" | "invalidRule"; index?: number; message: string }[];
      raw: unknown;
    };

/** Reads the editor's JSON text of 秒批 rules with the shared schema, rule by rule. */
export function readRulesText(text: string): RulesText {
  if (!text.trim()) return { ok: true, rules: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, raw: text, problems: [{ key: "invalidJson", message: (error as Error).message }] };
  }
  const parsed = InstantRule.array().safeParse(raw);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    return typeof index === "number"
      ? {
          key: "invalidRule" as const,
          index: index + 1,
          message: [rest.join("."), issue.message].filter(Boolean).join(": "),
        }
      : { key: "invalidJson" as const, message: issue.message };
  });
  return { ok: false, raw, problems };
}
