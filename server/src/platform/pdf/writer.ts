import { createHash } from "node:crypto";
import { pdfHexString, pdfInfoString } from "./text.ts";

/**
 * A minimal PDF 1.7 writer for the platform's own documents (receipts, notices, decisions): A4 pages
 * of text and rules in one font, uncompressed, byte-for-byte deterministic for the same input.
 *
 * The font is STSong-Light, one of the standard Adobe CJK fonts every reader with Asian font support
 * knows without embedding (docs/DECISIONS.md §18): a Type0 font over a CIDFontType0 of the Adobe-GB1
 * character collection, addressed through the predefined CMap UniGB-UCS2-H, so text is written as
 * UCS-2 big-endian hex strings and the reader substitutes its own 宋体 (SimSun, Noto Serif CJK, …).
 */

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** A run of text; `y` is its baseline measured from the top of the page. */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  text: string;
  /** Drawn with a thin outline as well, the usual stand-in for a bold cut the font does not have. */
  bold?: boolean;
}

/** A straight rule; coordinates from the top-left corner. */
export interface PdfLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}

/** One page's content. */
export interface PdfPage {
  texts: PdfText[];
  lines: PdfLine[];
}

/** The document information dictionary; `createdAt` is fixed by the caller so reprints are identical. */
export interface PdfInfo {
  title: string;
  subject?: string;
  author?: string;
  createdAt: Date;
}

const num = (value: number) => {
  const fixed = value.toFixed(2).replace(/\.?0+$/, "");
  return fixed === "-0" ? "0" : fixed;
};

/** A PDF date in China Standard Time (no daylight saving), e.g. `D:20260302103000+08'00'`. */
export function pdfDate(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3600_000).toISOString();
  const digits = local.slice(0, 19).replace(/[-T:]/g, "");
  return `D:${digits}+08'00'`;
}

/** The content stream of one page: PDF coordinates run upwards from the bottom-left corner. */
function contentStream(page: PdfPage): string {
  const ops: string[] = [];
  for (const line of page.lines) {
    ops.push(
      `${num(line.width)} w ${num(line.x1)} ${num(A4.height - line.y1)} m ${num(line.x2)} ${num(A4.height - line.y2)} l S`,
    );
  }
  for (const run of page.texts) {
    const mode = run.bold ? ` 2 Tr ${num(run.size / 30)} w` : " 0 Tr";
    ops.push(
      `BT /F1 ${num(run.size)} Tf${mode} 1 0 0 1 ${num(run.x)} ${num(A4.height - run.y)} Tm ${pdfHexString(run.text)} Tj ET`,
    );
  }
  return `${ops.join("\n")}\n`;
}

// Object numbers of the fixed objects; pages and their content streams follow from 7 on.
const CATALOG = 1;
const PAGES = 2;
const FONT = 3;
const CID_FONT = 4;
const DESCRIPTOR = 5;
const INFO = 6;

/** Writes the pages as one PDF file. */
export function writePdf(pages: readonly PdfPage[], info: PdfInfo): Buffer {
  if (pages.length === 0) throw new RangeError("A PDF needs at least one page");
  const pageRef = (i: number) => 7 + i * 2;
  const contentRef = (i: number) => 8 + i * 2;
  const objects = new Map<number, string>();
  objects.set(
    CATALOG,
    `<< /Type /Catalog /Pages ${PAGES} 0 R /Lang (zh-CN) /ViewerPreferences << /DisplayDocTitle true >> >>`,
  );
  objects.set(
    PAGES,
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageRef(i)} 0 R`).join(" ")}] /Count ${pages.length} >>`,
  );
  objects.set(
    FONT,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${CID_FONT} 0 R] >>`,
  );
  // ASCII (CIDs 1–95) half an em, everything else the default full em: what text.ts measures with.
  objects.set(
    CID_FONT,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${DESCRIPTOR} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  // Flags 6 = serif (2) + symbolic (4): a 宋体 whose glyphs lie outside the standard Latin set.
  objects.set(
    DESCRIPTOR,
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  );
  const date = pdfDate(info.createdAt);
  objects.set(
    INFO,
    [
      "<<",
      `/Title ${pdfInfoString(info.title)}`,
      info.subject ? `/Subject ${pdfInfoString(info.subject)}` : "",
      info.author ? `/Author ${pdfInfoString(info.author)}` : "",
      "/Creator (Tongban) /Producer (Tongban PDF writer)",
      `/CreationDate (${date}) /ModDate (${date})`,
      ">>",
    ]
      .filter(Boolean)
      .join(" "),
  );
  pages.forEach((page, i) => {
    const stream = contentStream(page);
    objects.set(
      pageRef(i),
      `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] ` +
        `/Resources << /Font << /F1 ${FONT} 0 R >> /ProcSet [/PDF /Text] >> /Contents ${contentRef(i)} 0 R >>`,
    );
    objects.set(
      contentRef(i),
      `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}endstream`,
    );
  });

  // Everything is ASCII but the binary comment, which tells transfer tools the file is binary.
  let body = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const size = objects.size + 1;
  const offsets: number[] = [];
  for (let n = 1; n < size; n++) {
    offsets[n] = Buffer.byteLength(body, "latin1");
    body += `${n} 0 obj\n${objects.get(n)}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, "latin1");
  // Every xref entry is exactly 20 bytes: ten-digit offset, five-digit generation, type, space, LF.
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) xref += `${String(offsets[n]).padStart(10, "0")} 00000 n \n`;
  const id = createHash("sha256").update(body, "latin1").digest("hex").slice(0, 32).toUpperCase();
  const trailer = `trailer\n<< /Size ${size} /Root ${CATALOG} 0 R /Info ${INFO} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body + xref + trailer, "latin1");
}
