/**
 * A small PDF reader for tests only: it checks the file structure the writer promises (header, every
 * xref offset pointing at its object, the trailer, stream lengths) and extracts each page's text from
 * the hex strings, decoded as UCS-2. It understands exactly what writer.ts produces, nothing more.
 */

/** What a test can look at in a parsed PDF. */
export interface ReadPdf {
  version: string;
  /** Object bodies by object number (without `n 0 obj` / `endobj`). */
  objects: Map<number, string>;
  trailer: { size: number; root: number; info: number; id: string };
  pageCount: number;
  /** Each page's text runs in drawing order. */
  pages: string[][];
  /** All text of all pages joined with newlines. */
  text: string;
  /** The document information dictionary's entries, decoded. */
  info: Record<string, string>;
}

const fail = (message: string): never => {
  throw new Error(`Malformed PDF: ${message}`);
};

/** Decodes a hex string of UCS-2 (or UTF-16 with a BOM) code units. */
export function decodeHex(hex: string): string {
  const clean = hex.replace(/\s/g, "");
  let out = "";
  for (let i = 0; i < clean.length; i += 4)
    out += String.fromCharCode(Number.parseInt(clean.slice(i, i + 4), 16));
  return out.startsWith("\ufeff") ? out.slice(1) : out;
}

/** Parses a PDF the platform wrote; throws on any structural fault. */
export function readPdf(bytes: Uint8Array): ReadPdf {
  const file = Buffer.from(bytes).toString("latin1");
  const version = /^%PDF-(\d\.\d)\n/.exec(file)?.[1] ?? fail("no header");
  if (!file.endsWith("%%EOF\n")) fail("no %%EOF at the end");
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1] ?? fail("no startxref"));
  if (!file.startsWith("xref\n", startxref)) fail(`startxref ${startxref} does not point at xref`);
  const head = /^xref\n0 (\d+)\n/.exec(file.slice(startxref)) ?? fail("bad xref header");
  const size = Number(head[1]);
  const entriesAt = startxref + head[0].length;
  const objects = new Map<number, string>();
  for (let n = 0; n < size; n++) {
    const entry = file.slice(entriesAt + n * 20, entriesAt + n * 20 + 20);
    const match =
      /^(\d{10}) (\d{5}) ([nf]) \n$/.exec(entry) ?? fail(`bad xref entry ${n}: ${JSON.stringify(entry)}`);
    if (match[3] === "f") continue;
    const offset = Number(match[1]);
    const prefix = `${n} 0 obj\n`;
    if (!file.startsWith(prefix, offset)) fail(`xref offset of object ${n} (${offset}) is wrong`);
    const end = file.indexOf("\nendobj\n", offset);
    objects.set(n, file.slice(offset + prefix.length, end));
  }
  const trailerText = file.slice(entriesAt + size * 20);
  const trailer =
    /^trailer\n<< \/Size (\d+) \/Root (\d+) 0 R \/Info (\d+) 0 R \/ID \[<([0-9A-F]+)> <\4>\] >>\n/.exec(
      trailerText,
    ) ?? fail("bad trailer");
  if (Number(trailer[1]) !== size) fail("trailer /Size differs from the xref");

  const root = objects.get(Number(trailer[2])) ?? fail("no root object");
  const pagesRef = /\/Pages (\d+) 0 R/.exec(root)?.[1] ?? fail("catalog without /Pages");
  const pagesObject = objects.get(Number(pagesRef)) ?? fail("no pages object");
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesObject)?.[1]?.matchAll(/(\d+) 0 R/g) ?? [])].map((m) =>
    Number(m[1]),
  );
  const pageCount = Number(/\/Count (\d+)/.exec(pagesObject)?.[1] ?? fail("no /Count"));
  if (kids.length !== pageCount) fail("/Count differs from /Kids");

  const pages = kids.map((kid) => {
    const page = objects.get(kid) ?? fail(`no page object ${kid}`);
    const contents = Number(/\/Contents (\d+) 0 R/.exec(page)?.[1] ?? fail("page without /Contents"));
    const stream = objects.get(contents) ?? fail(`no content stream ${contents}`);
    const parts = /^<< \/Length (\d+) >>\nstream\n([\s\S]*)endstream$/.exec(stream) ?? fail("bad stream");
    if (Buffer.byteLength(parts[2] as string, "latin1") !== Number(parts[1])) fail("stream /Length is wrong");
    return [...(parts[2] as string).matchAll(/<([0-9A-F]*)> Tj/g)].map((m) => decodeHex(m[1] as string));
  });
  const infoObject = objects.get(Number(trailer[3])) ?? fail("no info object");
  const info: Record<string, string> = {};
  for (const m of infoObject.matchAll(/\/(\w+) (?:<([0-9A-F]+)>|\(([^)]*)\))/g)) {
    info[m[1] as string] = m[2] !== undefined ? decodeHex(m[2]) : (m[3] as string);
  }
  return {
    version,
    objects,
    trailer: { size, root: Number(trailer[2]), info: Number(trailer[3]), id: trailer[4] as string },
    pageCount,
    pages,
    text: pages.map((p) => p.join("\n")).join("\n"),
    info,
  };
}
