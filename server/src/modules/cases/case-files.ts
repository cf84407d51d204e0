/** The kinds of file an applicant may upload as a material, by extension. */
export const caseFileTypes = {
  pdf: { mediaType: "application/pdf", signature: "pdf" },
  jpg: { mediaType: "image/jpeg", signature: "jpeg" },
  jpeg: { mediaType: "image/jpeg", signature: "jpeg" },
  png: { mediaType: "image/png", signature: "png" },
  ofd: { mediaType: "application/ofd", signature: "ofd" },
} as const;
type Extension = keyof typeof caseFileTypes;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CENTRAL_ENTRY = 0x02014b50;

/**
 * The entry names in a zip's central directory. An OFD (GB/T 33190, the electronic-document format of
 * Chinese e-government) is a zip whose root holds OFD.xml; reading the directory rather than searching
 * the bytes means a renamed archive that merely mentions the name somewhere does not pass.
 */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes (the comment is at most 64 KiB).
  const floor = Math.max(0, view.length - 65_557);
  let end = -1;
  for (let i = view.length - 22; i >= floor; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.readUInt16LE(end + 10);
  let offset = view.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count && offset + 46 <= view.length; n++) {
    if (view.readUInt32LE(offset) !== CENTRAL_ENTRY) break;
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const commentLength = view.readUInt16LE(offset + 32);
    names.push(view.toString("utf8", offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const matches: Record<(typeof caseFileTypes)[Extension]["signature"], (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, PDF),
  png: (b) => startsWith(b, PNG),
  jpeg: (b) => startsWith(b, JPEG),
  ofd: (b) => startsWith(b, ZIP) && zipEntryNames(b).includes("OFD.xml"),
};

/**
 * The media type of an uploaded material when its extension is one we accept and its first bytes
 * prove it; null otherwise, so a disguised executable never reaches a reviewer's screen as a "PDF".
 */
export function detectCaseFileType(name: string, bytes: Uint8Array): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!extension || !Object.hasOwn(caseFileTypes, extension)) return null;
  const type = caseFileTypes[extension as Extension];
  return matches[type.signature](bytes) ? type.mediaType : null;
}
