/** The kinds of file a guide may offer for download, by extension. */
export const catalogFileTypes = {
  pdf: { mediaType: "application/pdf", signature: "pdf" },
  doc: { mediaType: "application/msword", signature: "ole" },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    signature: "ooxml-word",
  },
  xls: { mediaType: "application/vnd.ms-excel", signature: "ole" },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    signature: "ooxml-excel",
  },
  jpg: { mediaType: "image/jpeg", signature: "jpeg" },
  jpeg: { mediaType: "image/jpeg", signature: "jpeg" },
  png: { mediaType: "image/png", signature: "png" },
} as const;

type Extension = keyof typeof catalogFileTypes;
type Signature = (typeof catalogFileTypes)[Extension]["signature"];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
// Compound File Binary (OLE2): the container of .doc and .xls.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

// An OOXML package is a zip whose entry names (stored uncompressed in the local and central headers)
// include the part that makes it a document or a workbook; any other zip (or a renamed .exe) has none.
const hasEntry = (bytes: Uint8Array, name: string) => Buffer.from(bytes).includes(name, 0, "latin1");

const matches: Record<Signature, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, PDF),
  png: (b) => startsWith(b, PNG),
  jpeg: (b) => startsWith(b, JPEG),
  ole: (b) => startsWith(b, OLE),
  "ooxml-word": (b) => startsWith(b, ZIP) && hasEntry(b, "word/"),
  "ooxml-excel": (b) => startsWith(b, ZIP) && hasEntry(b, "xl/"),
};

const extensionOf = (name: string): Extension | null => {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension && Object.hasOwn(catalogFileTypes, extension) ? (extension as Extension) : null;
};

/** The media type a file name's extension stands for, when it is a kind we accept; null otherwise. */
export function mediaTypeOfName(name: string): string | null {
  const extension = extensionOf(name);
  return extension ? catalogFileTypes[extension].mediaType : null;
}

/**
 * The media type of an upload when its extension is one we accept and its first bytes prove it is
 * that kind of file; null otherwise. The extension alone is never trusted: a renamed executable
 * must not reach the public as a "PDF".
 */
export function detectCatalogFileType(name: string, bytes: Uint8Array): string | null {
  const extension = extensionOf(name);
  if (!extension) return null;
  const type = catalogFileTypes[extension];
  return matches[type.signature](bytes) ? type.mediaType : null;
}

/**
 * The name a file is offered under: without any folder a browser or client sent, without control
 * characters, at most 100 characters as FileRef allows. Empty when nothing usable is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return printable.length > 100 ? "" : printable;
}
