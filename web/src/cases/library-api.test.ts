import { describe, expect, it } from "vitest";
import { type LibraryFile, orderForMaterial } from "./library-api.ts";

const file = (fileId: string, materialName: string): LibraryFile => ({
  fileId,
  caseId: "c",
  caseNumber: null,
  itemName: "高龄津贴申领",
  materialId: "m1",
  materialName,
  name: `${fileId}.pdf`,
  mediaType: "application/pdf",
  size: 1,
  sha256: fileId,
  lastUsedAt: "2026-03-02T00:00:00.000Z",
});

describe("orderForMaterial", () => {
  it("puts files given for a material of the same name first, keeping the server's order otherwise", () => {
    const files = [
      file("a", "营业执照"),
      file("b", "居民身份证"),
      file("c", "户口簿"),
      file("d", "居民身份证"),
    ];
    expect(orderForMaterial(files, "居民身份证").map((f) => f.fileId)).toEqual(["b", "d", "a", "c"]);
    expect(orderForMaterial(files, "不动产权证书").map((f) => f.fileId)).toEqual(["a", "b", "c", "d"]);
  });
});
