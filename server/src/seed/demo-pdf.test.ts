import { describe, expect, it } from "vitest";
import { detectCaseFileType } from "../modules/cases/case-files.ts";
import { demoPdf } from "./demo-pdf.ts";

describe("demoPdf", () => {
  const bytes = demoPdf("Tongban demo (m1) \\ 材料");
  const text = Buffer.from(bytes).toString("latin1");

  it("passes the case upload's content check as a PDF", () => {
    expect(detectCaseFileType("材料.pdf", bytes)).toBe("application/pdf");
  });

  it("has a cross-reference table pointing at each object and a startxref pointing at the table", () => {
    const startxref = Number(text.match(/startxref\n(\d+)\n%%EOF\n$/)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...text.slice(startxref).matchAll(/(\d{10}) 00000 n\r\n/g)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => {
      expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true);
    });
  });

  it("escapes the text and keeps it to printable ASCII", () => {
    expect(text).toContain("(Tongban demo \\(m1\\) \\\\ ??) Tj");
    const length = Number(text.match(/\/Length (\d+)/)?.[1]);
    const stream = text.match(/stream\n([\s\S]*?)\nendstream/)?.[1] ?? "";
    expect(stream.length).toBe(length);
  });
});
