import { textWidth, wrapText } from "./text.ts";
import { A4, type PdfInfo, type PdfPage, writePdf } from "./writer.ts";

/**
 * A document as blocks, laid out on A4 pages the way Chinese official letters look: a centred title,
 * the document number under it, paragraphs with a two-character indent, label/value lines, the issuer
 * and date at the bottom right, and a footer on every page with a hint and the page count. Long
 * documents break across pages line by line; the issuer's two lines are never split.
 */

/** One block of a document's body. */
export type Block =
  /** Running text; `indent` gives the first line the customary two-character indent. */
  | { kind: "paragraph"; text: string; indent?: boolean }
  /** A short bold line introducing what follows. */
  | { kind: "heading"; text: string }
  /** Label/value lines (办件编号：…), values wrapped in their own column. */
  | { kind: "fields"; rows: readonly { label: string; value: string }[] }
  /** A numbered list with a hanging indent. */
  | { kind: "list"; items: readonly string[] };

/** Everything a document says. */
export interface DocumentSpec {
  title: string;
  /** The document number (文书编号), printed under the title. */
  number: string;
  blocks: readonly Block[];
  /** The issuing department and the date, bottom right (落款). */
  issuer: { name: string; date: string };
  /** The footer hint on every page, e.g. where to verify the document. */
  footer: string;
  info: PdfInfo;
}

const MARGIN = { top: 64, bottom: 80, left: 72, right: 72 } as const;
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const SIZE = { title: 20, number: 11, body: 12, footer: 9 } as const;
const LEADING = 1.65;
const FOOTER_Y = A4.height - 48;

/** Lays a document out and writes it as PDF. */
export function renderDocument(spec: DocumentSpec): Buffer {
  return writePdf(layoutDocument(spec), spec.info);
}

/** Places the document's text on pages; a line that would cross the bottom margin starts a new page. */
export function layoutDocument(spec: DocumentSpec): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: PdfPage = { texts: [], lines: [] };
  pages.push(page);
  let y = MARGIN.top;
  const newPage = () => {
    page = { texts: [], lines: [] };
    pages.push(page);
    y = MARGIN.top;
  };
  /** Starts a new page unless `height` more points fit on this one. */
  const keep = (height: number) => {
    if (y + height > A4.height - MARGIN.bottom && y > MARGIN.top) newPage();
  };
  /** Reserves `height` points (on a new page when they do not fit); returns the top of the space. */
  const take = (height: number) => {
    keep(height);
    const top = y;
    y += height;
    return top;
  };
  const put = (x: number, top: number, size: number, text: string, bold = false) => {
    // Baseline about 0.88 em below the top of the line box, centred in the leading.
    page.texts.push({ x, y: top + (size * (LEADING - 1)) / 2 + size * 0.88, size, text, bold });
  };
  const lineHeight = (size: number) => size * LEADING;

  for (const line of wrapText(spec.title, SIZE.title, WIDTH)) {
    const top = take(lineHeight(SIZE.title));
    put(MARGIN.left + (WIDTH - textWidth(line, SIZE.title)) / 2, top, SIZE.title, line, true);
  }
  const numberLine = `编号：${spec.number}`;
  const numberTop = take(lineHeight(SIZE.number));
  put(MARGIN.left + (WIDTH - textWidth(numberLine, SIZE.number)) / 2, numberTop, SIZE.number, numberLine);
  y += SIZE.body;

  const body = lineHeight(SIZE.body);
  const indent = SIZE.body * 2;
  for (const block of spec.blocks) {
    switch (block.kind) {
      case "paragraph": {
        const lines = wrapText(block.text, SIZE.body, WIDTH, block.indent ? indent : 0);
        lines.forEach((line, i) => {
          put(MARGIN.left + (i === 0 && block.indent ? indent : 0), take(body), SIZE.body, line);
        });
        break;
      }
      case "heading":
        y += SIZE.body * 0.4;
        for (const line of wrapText(block.text, SIZE.body, WIDTH)) {
          put(MARGIN.left, take(body), SIZE.body, line, true);
        }
        break;
      case "fields": {
        const labelWidth = Math.min(
          WIDTH / 3,
          Math.max(0, ...block.rows.map((row) => textWidth(row.label, SIZE.body))) + SIZE.body * 0.5,
        );
        for (const row of block.rows) {
          const label = wrapText(row.label, SIZE.body, labelWidth - SIZE.body * 0.5);
          const value = wrapText(row.value || "—", SIZE.body, WIDTH - labelWidth);
          for (let i = 0; i < Math.max(label.length, value.length); i++) {
            const top = take(body);
            if (label[i]) put(MARGIN.left, top, SIZE.body, label[i] as string);
            if (value[i]) put(MARGIN.left + labelWidth, top, SIZE.body, value[i] as string);
          }
        }
        break;
      }
      case "list": {
        const hang = textWidth(`${block.items.length}. `, SIZE.body) + SIZE.body * 0.5;
        block.items.forEach((item, n) => {
          wrapText(item, SIZE.body, WIDTH - indent - hang).forEach((line, i) => {
            const top = take(body);
            if (i === 0) put(MARGIN.left + indent, top, SIZE.body, `${n + 1}.`);
            put(MARGIN.left + indent + hang, top, SIZE.body, line);
          });
        });
        y += SIZE.body * 0.3;
        break;
      }
    }
  }

  // 落款: the issuer and the date stay together, right-aligned under the body.
  y += body;
  const signature = [spec.issuer.name, spec.issuer.date];
  keep(body * signature.length);
  const right = Math.max(...signature.map((line) => textWidth(line, SIZE.body)));
  for (const line of signature) {
    const top = take(body);
    put(A4.width - MARGIN.right - right + (right - textWidth(line, SIZE.body)) / 2, top, SIZE.body, line);
  }

  pages.forEach((p, i) => {
    const rule = FOOTER_Y - SIZE.footer * 1.6;
    p.lines.push({ x1: MARGIN.left, y1: rule, x2: A4.width - MARGIN.right, y2: rule, width: 0.5 });
    const count = `第 ${i + 1} 页 共 ${pages.length} 页`;
    const room = WIDTH - textWidth(count, SIZE.footer) - SIZE.footer * 2;
    wrapText(spec.footer, SIZE.footer, room).forEach((line, n) => {
      p.texts.push({ x: MARGIN.left, y: FOOTER_Y + n * SIZE.footer * 1.4, size: SIZE.footer, text: line });
    });
    p.texts.push({
      x: A4.width - MARGIN.right - textWidth(count, SIZE.footer),
      y: FOOTER_Y,
      size: SIZE.footer,
      text: count,
    });
  });
  return pages;
}
