import { describe, expect, it } from "vitest";
import { enUS } from "./en-US.ts";
import { zhCN } from "./zh-CN.ts";

/** Flattens nested messages into dotted keys, the way i18next addresses them. */
function keysOf(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

/** Collects the `{{name}}` placeholders of one message. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? "").sort();
}

function lookup(messages: object, key: string): string {
  const found = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
  return String(found);
}

describe("translations", () => {
  it("zh-CN and en-US have exactly the same keys", () => {
    expect(keysOf(enUS).sort()).toEqual(keysOf(zhCN).sort());
  });

  it("no message is empty", () => {
    for (const messages of [zhCN, enUS]) {
      for (const key of keysOf(messages)) expect(lookup(messages, key).trim(), key).not.toBe("");
    }
  });

  it("each message keeps the same placeholders in both languages", () => {
    for (const key of keysOf(zhCN)) {
      expect(placeholders(lookup(enUS, key)), key).toEqual(placeholders(lookup(zhCN, key)));
    }
  });
});
