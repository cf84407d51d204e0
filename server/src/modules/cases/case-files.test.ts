import { describe, expect, it } from "vitest";
import { detectCaseFileType, zipEntryNames } from "./case-files.ts";

/** A zip of empty stored entries: local headers, the central directory and its end record. */
function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const bytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(bytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(bytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, bytes);
    centrals.push(central, bytes);
    offset += 30 + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("case file types", () => {
  it("accepts PDF, JPEG, PNG and OFD only when the bytes match the extension", () => {
    expect(detectCaseFileType("a.pdf", Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectCaseFileType("a.JPG", Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(detectCaseFileType("a.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      "image/png",
    );
    expect(detectCaseFileType("发票.ofd", zipOf(["OFD.xml", "Doc_0/Document.xml"]))).toBe("application/ofd");
  });

  it("refuses a renamed executable, a plain zip called .ofd and unknown extensions", () => {
    expect(detectCaseFileType("a.pdf", Buffer.from("MZ\x90\x00"))).toBeNull();
    expect(detectCaseFileType("a.ofd", zipOf(["word/document.xml", "notes/OFD.xml.txt"]))).toBeNull();
    expect(detectCaseFileType("a.exe", Buffer.from("%PDF-1.7"))).toBeNull();
    expect(detectCaseFileType("noextension", Buffer.from("%PDF-1.7"))).toBeNull();
  });

  it("reads entry names from the central directory", () => {
    expect(zipEntryNames(zipOf(["OFD.xml", "Doc_0/Document.xml"]))).toEqual([
      "OFD.xml",
      "Doc_0/Document.xml",
    ]);
    expect(zipEntryNames(Buffer.from("PK\x03\x04 truncated"))).toEqual([]);
  });
});
