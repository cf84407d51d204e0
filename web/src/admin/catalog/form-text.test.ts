import { defaultForm } from "@tongban/core";
import { describe, expect, it } from "vitest";
import { readFormText } from "./form-text.ts";

const contact = defaultForm().sections[0]?.fields ?? [];

describe("readFormText (the 申请表 JSON editor)", () => {
  it("accepts a valid definition and warns about a condition on a situation the item does not ask", () => {
    const text = JSON.stringify({
      sections: [
        {
          id: "contact",
          title: "联系方式",
          fields: [
            ...contact,
            {
              id: "agentName",
              label: "代理人",
              type: "text",
              visibleWhen: { situation: "agent", answer: "是" },
            },
          ],
        },
      ],
    });
    const read = readFormText(text, ["agent"]);
    expect(read.ok && read.warnings).toEqual([]);
    const missing = readFormText(text, ["s1"]);
    expect(missing.ok && missing.warnings).toEqual([
      { kind: "situation", field: "agentName", situation: "agent" },
    ]);
  });

  it("hands back the broken text with the JSON error", () => {
    const read = readFormText("{ sections: ", []);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.raw).toBe("{ sections: ");
    expect(read.problems[0]?.kind).toBe("json");
  });

  it("names where a schema problem is, by field id, with the core's Chinese message", () => {
    const text = JSON.stringify({
      sections: [
        {
          id: "contact",
          title: "联系方式",
          fields: [...contact, { id: "bank", label: "开户银行", type: "select" }],
        },
      ],
    });
    const read = readFormText(text, []);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toContainEqual({
      kind: "schema",
      where: "sections[contact].fields[bank].options",
      message: "下拉选择和单选须列出选项",
    });
  });
});
