import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../../test/databases.ts";
import { createTestApp, type Signed, type TestApp } from "../../../test/test-app.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import {
  approveThrough,
  type CatalogClient,
  catalogClient,
  enrolDemoAuthenticator,
  seededItem,
} from "../fixtures.ts";
import { attachmentDisposition } from "./routes.ts";

const uploads = "/api/admin/catalog/files";
const pdf = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n居民身份证申领登记表", "utf8");
const sha = createHash("sha256").update(pdf).digest("hex");
const fileUrl = (hash: string, name?: string) =>
  `/api/catalog/files/${hash}${name === undefined ? "" : `?name=${encodeURIComponent(name)}`}`;

describe.each(databaseKinds)("catalog files on %s", (kind) => {
  let t: TestApp;
  let editor: Signed;
  let clients: { editor: CatalogClient; legal: CatalogClient; steward: CatalogClient };
  beforeAll(async () => {
    t = await createTestApp(kind);
    await enrolDemoAuthenticator(t, "steward");
    editor = await t.login("editor");
    clients = {
      editor: await catalogClient(t, "editor"),
      legal: await catalogClient(t, "legal"),
      steward: await catalogClient(t, "steward"),
    };
  });
  afterAll(() => t.close());

  const upload = (as: Signed, name: string, body: Buffer, type = "application/pdf") =>
    t.app.inject({
      method: "POST",
      url: `${uploads}?name=${encodeURIComponent(name)}`,
      headers: { cookie: as.cookie, "x-csrf-token": as.csrf, "content-type": type },
      payload: body,
    });

  it("stores an editor's PDF by its SHA-256, records it and audits the upload", async () => {
    const res = await upload(editor, "C:\\扫描\\申领登记表.pdf", pdf);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ name: "申领登记表.pdf", sha256: sha });
    const again = await upload(editor, "登记表（新）.pdf", pdf, "application/octet-stream");
    expect(again.json()).toEqual({ name: "登记表（新）.pdf", sha256: sha });

    const record = await t.database.db
      .withTables<{ catalog_file: { sha256: string; name: string; media_type: string; size: number } }>()
      .selectFrom("catalog_file")
      .selectAll()
      .where("sha256", "=", sha)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ name: "申领登记表.pdf", media_type: "application/pdf", size: pdf.length });
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_type", "=", "catalog_file")
      .where("subject_id", "=", sha)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["catalog.file-uploaded", "catalog.file-uploaded"]);
    expect(audits.map((a) => (a.details as { isNew: boolean }).isNew)).toEqual([true, false]);
  });

  it("documents both routes in the OpenAPI document", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    expect(doc.paths[uploads].post.responses["201"]).toBeDefined();
    expect(doc.paths[uploads].post.parameters.map((p: { name: string }) => p.name)).toContain("name");
    expect(doc.paths["/api/catalog/files/{sha256}"].get.responses["404"]).toBeDefined();
  });

  it("refuses a disguised executable, an unknown extension and an empty file", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(64)]);
    const disguised = await upload(editor, "申请表.pdf", exe);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json()).toMatchObject({ code: "CATALOG_FILE_TYPE" });
    expect(disguised.json().title).toContain("PDF");
    expect((await upload(editor, "setup.exe", exe)).json().code).toBe("CATALOG_FILE_TYPE");
    // A zip that is not a Word document is not a .docx.
    const zip = Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from("payload/run.sh")]);
    expect((await upload(editor, "表格.docx", zip)).json().code).toBe("CATALOG_FILE_TYPE");
    expect((await upload(editor, "空.pdf", Buffer.alloc(0))).json().code).toBe("CATALOG_FILE_EMPTY");
  });

  it("accepts Word, Excel, JPEG and PNG by their first bytes", async () => {
    const cases: [string, Buffer, string][] = [
      ["表.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2]), "application/msword"],
      [
        "表.xlsx",
        Buffer.from("PK\x03\x04....[Content_Types].xml..xl/workbook.xml", "latin1"),
        "spreadsheetml",
      ],
      ["样例.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), "image/jpeg"],
      ["样例.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "image/png"],
    ];
    for (const [name, bytes, type] of cases) {
      const res = await upload(editor, name, bytes, "application/octet-stream");
      expect(res.statusCode, name).toBe(201);
      const served = await t.app.inject({
        url: fileUrl(res.json().sha256),
        headers: { cookie: editor.cookie },
      });
      expect(served.headers["content-type"], name).toContain(type);
    }
  });

  it("refuses a file over 10 MB with its own code", async () => {
    const big = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(editor, "大文件.pdf", big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: "CATALOG_FILE_TOO_LARGE", title: "文件不能超过 10 MB" });
  });

  it("refuses citizens, staff without the catalog.draft ability and visitors", async () => {
    const citizen = await upload(await t.login("13800510001"), "申请表.pdf", pdf);
    expect(citizen.statusCode).toBe(403);
    expect((await upload(await t.login("clerk"), "申请表.pdf", pdf)).statusCode).toBe(403);
    expect((await upload(await t.anonymous(), "申请表.pdf", pdf)).statusCode).toBe(401);
  });

  it("hides a file from the public until a published item references it, then serves it", async () => {
    const blank = Buffer.from("%PDF-1.4\n空白表格 for 首次申领\n%%EOF\n");
    const ref = (await upload(editor, "首次申领登记表.pdf", blank)).json();
    const visitor = await t.anonymous();
    const asVisitor = (url: string) => t.app.inject({ url, headers: { cookie: visitor.cookie } });
    const asCitizen = async (url: string) =>
      t.app.inject({ url, headers: { cookie: (await t.login("13800510002")).cookie } });

    const hidden = await asVisitor(fileUrl(ref.sha256, ref.name));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe("CATALOG_FILE_NOT_FOUND");
    expect((await asCitizen(fileUrl(ref.sha256))).statusCode).toBe(404);
    expect((await asVisitor(fileUrl("0".repeat(64)))).json().code).toBe("CATALOG_FILE_NOT_FOUND");
    const preview = await t.app.inject({ url: fileUrl(ref.sha256), headers: { cookie: editor.cookie } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers["cache-control"]).toBe("private, no-store");
    // Reviewers must see a draft's forms before they approve it.
    const reviewer = await t.login("legal");
    expect(
      (await t.app.inject({ url: fileUrl(ref.sha256), headers: { cookie: reviewer.cookie } })).statusCode,
    ).toBe(200);

    const { id, content } = await seededItem(t, "sfz-shouci-shenling");
    const [first, ...rest] = content.materials;
    if (!first) throw new Error("the seeded item has no materials");
    const changed = {
      ...content,
      materials: [{ ...first, blankForm: ref, sample: null }, ...rest],
      result: {
        ...(content.result ?? { type: "licence", name: "居民身份证", licenceTypeRef: null }),
        sample: { name: "样证.pdf", sha256: sha },
      },
    };
    // A draft referencing the file does not publish it.
    const draft = await clients.editor.post("/api/admin/catalog/changes", {
      kind: "change",
      itemId: id,
      content: changed,
      effectiveFrom: todayInShanghai(),
      reason: "上传空白表格",
    });
    expect(draft.statusCode).toBe(201);
    expect((await asVisitor(fileUrl(ref.sha256))).statusCode).toBe(404);
    await clients.editor.post(`/api/admin/catalog/changes/${draft.json().id}/withdraw`);

    const published = await approveThrough(clients, {
      kind: "change",
      itemId: id,
      content: changed,
      effectiveFrom: todayInShanghai(),
      reason: "上传空白表格",
    });
    expect(published.status).toBe("published");

    const served = await asVisitor(fileUrl(ref.sha256, ref.name));
    expect(served.statusCode).toBe(200);
    expect(served.headers["content-type"]).toBe("application/pdf");
    expect(served.headers["content-disposition"]).toBe(attachmentDisposition("首次申领登记表.pdf"));
    expect(served.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("首次申领登记表.pdf")}`,
    );
    expect(served.headers["cache-control"]).toBe("public, max-age=3600");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.rawPayload.equals(blank)).toBe(true);
    // A link may rename the file, but not into another type.
    const renamed = await asVisitor(fileUrl(ref.sha256, "登记表.pdf"));
    expect(renamed.headers["content-disposition"]).toContain(encodeURIComponent("登记表.pdf"));
    const retyped = await asVisitor(fileUrl(ref.sha256, "登记表.html"));
    expect(retyped.headers["content-disposition"]).toBe(attachmentDisposition("首次申领登记表.pdf"));
    // The result's sample is a file reference too.
    const sample = await asVisitor(fileUrl(sha, "样证.pdf"));
    expect(sample.statusCode).toBe(200);
    expect(sample.headers["content-disposition"]).toBe(attachmentDisposition("样证.pdf"));
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the RFC 5987 name, escaping what attr-char does not allow", () => {
    expect(attachmentDisposition("申请表 (1)'s.pdf")).toBe(
      `attachment; filename="___ (1)'s.pdf"; filename*=UTF-8''%E7%94%B3%E8%AF%B7%E8%A1%A8%20%281%29%27s.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});
