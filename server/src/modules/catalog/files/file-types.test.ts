import { describe, expect, it } from "vitest";
import { cleanFileName, detectCatalogFileType, mediaTypeOfName } from "./file-types.ts";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("detectCatalogFileType", () => {
  it("accepts a file whose first bytes match its extension", () => {
    expect(detectCatalogFileType("表.PDF", bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectCatalogFileType("表.xls", bytes("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))).toBe(
      "application/vnd.ms-excel",
    );
    expect(detectCatalogFileType("表.docx", bytes("PK\x03\x04..word/document.xml"))).toContain(
      "wordprocessingml",
    );
    expect(detectCatalogFileType("照片.jpeg", bytes("\xff\xd8\xff\xe1"))).toBe("image/jpeg");
  });

  it("refuses mismatches, other kinds and names without an extension", () => {
    expect(detectCatalogFileType("表.pdf", bytes("MZ\x90\x00"))).toBeNull();
    expect(detectCatalogFileType("表.png", bytes("%PDF-1.7"))).toBeNull();
    expect(detectCatalogFileType("表.xlsx", bytes("PK\x03\x04..word/document.xml"))).toBeNull();
    expect(detectCatalogFileType("run.exe", bytes("MZ"))).toBeNull();
    expect(detectCatalogFileType("pdf", bytes("%PDF-1.7"))).toBeNull();
    expect(detectCatalogFileType("表.toString", bytes("%PDF-1.7"))).toBeNull();
  });
});

describe("file names", () => {
  it("drops folders and control characters and refuses names over 100 characters", () => {
    expect(cleanFileName("C:\\Users\\x\\申请表.pdf")).toBe("申请表.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName(" 表\u0000\n.pdf ")).toBe("表.pdf");
    expect(cleanFileName(`${"表".repeat(101)}.pdf`)).toBe("");
  });

  it("maps an extension to its media type", () => {
    expect(mediaTypeOfName("a.JPG")).toBe("image/jpeg");
    expect(mediaTypeOfName("a.html")).toBeNull();
  });
});
