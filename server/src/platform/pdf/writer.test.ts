import { describe, expect, it } from "vitest";
import { type DocumentSpec, layoutDocument, renderDocument } from "./layout.ts";
import { readPdf } from "./read-pdf.ts";
import { A4, pdfDate, writePdf } from "./writer.ts";

const at = new Date("2026-03-02T02:30:00Z");

const spec = (blocks: DocumentSpec["blocks"]): DocumentSpec => ({
  title: "受理回执",
  number: "11320200MB32000163332200010020020260302000001-SL",
  blocks,
  issuer: { name: "无锡市市场监督管理局", date: "2026年3月2日" },
  footer: "可凭办件编号和查询码在 http://localhost:3000/progress 查询",
  info: { title: "受理回执", subject: "食品经营许可", createdAt: at },
});

describe("the PDF writer", () => {
  it("writes a well-formed PDF 1.7: header, correct xref offsets, trailer, one font", () => {
    const pdf = readPdf(
      writePdf([{ texts: [{ x: 72, y: 100, size: 12, text: "你好 Tongban" }], lines: [] }], {
        title: "测试",
        createdAt: at,
      }),
    );
    expect(pdf.version).toBe("1.7");
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pages).toEqual([["你好 Tongban"]]);
    expect(pdf.trailer).toMatchObject({ size: 9, root: 1, info: 6 });
    expect(pdf.objects.get(3)).toContain("/Encoding /UniGB-UCS2-H");
    expect(pdf.objects.get(4)).toContain("/Registry (Adobe) /Ordering (GB1)");
    expect(pdf.objects.get(4)).toContain("/FontDescriptor 5 0 R");
    expect(pdf.objects.get(5)).toContain("/FontName /STSong-Light");
    const page = pdf.objects.get(7) ?? "";
    expect(page).toContain(`/MediaBox [0 0 ${A4.width} ${A4.height}]`);
    expect(pdf.info).toMatchObject({ Title: "测试", CreationDate: "D:20260302103000+08'00'" });
  });

  it("is byte-for-byte deterministic, and the ID follows the content", () => {
    const page = { texts: [{ x: 72, y: 100, size: 12, text: "回执" }], lines: [] };
    const a = writePdf([page], { title: "回执", createdAt: at });
    expect(writePdf([page], { title: "回执", createdAt: at }).equals(a)).toBe(true);
    const later = writePdf([page], { title: "回执", createdAt: new Date(at.getTime() + 1000) });
    expect(readPdf(later).trailer.id).not.toBe(readPdf(a).trailer.id);
  });

  it("dates documents in China Standard Time", () => {
    expect(pdfDate(new Date("2026-12-31T16:05:09Z"))).toBe("D:20270101000509+08'00'");
  });

  it("refuses an empty document", () => {
    expect(() => writePdf([], { title: "x", createdAt: at })).toThrow(RangeError);
  });
});

describe("document layout", () => {
  it("prints title, number, fields, list, issuer and footer on one page", () => {
    const pdf = readPdf(
      renderDocument(
        spec([
          { kind: "paragraph", text: "陈晓明：" },
          { kind: "paragraph", text: "您的申请已受理。", indent: true },
          { kind: "fields", rows: [{ label: "办件编号：", value: "1132020020260302000001" }] },
          { kind: "heading", text: "收取材料" },
          { kind: "list", items: ["营业执照", "食品经营许可申请书"] },
        ]),
      ),
    );
    expect(pdf.pageCount).toBe(1);
    const texts = pdf.pages[0] ?? [];
    expect(texts[0]).toBe("受理回执");
    expect(texts).toContain("编号：11320200MB32000163332200010020020260302000001-SL");
    expect(texts).toEqual(
      expect.arrayContaining(["办件编号：", "1132020020260302000001", "1.", "营业执照", "2."]),
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        "无锡市市场监督管理局",
        "2026年3月2日",
        "可凭办件编号和查询码在 http://localhost:3000/progress 查询",
        "第 1 页 共 1 页",
      ]),
    );
  });

  it("breaks pages, numbers them all, keeps every line inside the margins", () => {
    const items = Array.from(
      { length: 60 },
      (_, i) => `第${i + 1}项材料：扫描件模糊，请上传清晰的原件扫描件并加盖公章`,
    );
    const pages = layoutDocument(spec([{ kind: "list", items }]));
    expect(pages.length).toBeGreaterThan(1);
    const pdf = readPdf(renderDocument(spec([{ kind: "list", items }])));
    expect(pdf.pageCount).toBe(pages.length);
    pdf.pages.forEach((texts, i) => {
      expect(texts).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
    for (const item of items) expect(pdf.text).toContain(item.slice(0, 8));
    for (const page of pages) {
      for (const run of page.texts) {
        expect(run.y).toBeGreaterThan(0);
        expect(run.y).toBeLessThan(A4.height);
        expect(run.x).toBeGreaterThanOrEqual(72);
      }
    }
    // The issuer's two lines stay together on the last page.
    const last = pdf.pages.at(-1) ?? [];
    expect(last).toEqual(expect.arrayContaining(["无锡市市场监督管理局", "2026年3月2日"]));
  });

  it("wraps a long value in its own column", () => {
    const value = "对办理结果不服的，可以自知道该行政行为之日起六十日内依法申请行政复议".repeat(2);
    const [page] = layoutDocument(spec([{ kind: "fields", rows: [{ label: "行政复议：", value }] }]));
    const runs = page?.texts.filter((run) => value.includes(run.text) && run.text.length > 3) ?? [];
    expect(runs.length).toBeGreaterThan(1);
    expect(new Set(runs.map((run) => run.x)).size).toBe(1);
    expect(runs.map((run) => run.text).join("")).toBe(value);
  });
});
