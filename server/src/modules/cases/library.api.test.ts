import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../../test/databases.ts";
import type { TestApp } from "../../test/test-app.ts";
import {
  type CaseClient,
  caseClient,
  closeCaseWorld,
  expectStatus,
  foodAnswers,
  form,
  openCaseWorld,
  pdfBytes,
  uploadChecklist,
} from "./fixtures.ts";
import { setCaseTodayForTests } from "./today.ts";

interface LibraryFile {
  fileId: string;
  caseId: string;
  caseNumber: string | null;
  materialId: string;
  materialName: string;
  name: string;
  sha256: string;
  lastUsedAt: string;
}

// 材料库: what an applicant gave before is offered again and attached without re-uploading the bytes.
describe.each(databaseKinds)("material library (%s)", (kind) => {
  let t: TestApp;
  let citizen: CaseClient;
  let stranger: CaseClient;
  let cityClerk: CaseClient;
  let clerk: CaseClient;
  let township2: CaseClient;
  let food: string;
  let first = "";
  const library = async (client: CaseClient, url = "/api/account/materials") =>
    expectStatus(await client.get(url), 200).items as LibraryFile[];
  const draft = async (client: CaseClient) =>
    expectStatus(await client.post("/api/cases", { itemId: food, answers: foodAnswers, form }), 201)
      .id as string;
  const reuse = (client: CaseClient, id: string, materialId: string, fileId: string) =>
    client.post(`/api/cases/${id}/materials/${materialId}/reuse`, { fileId });

  beforeAll(async () => {
    ({ t, citizen, cityClerk, clerk, food } = await openCaseWorld(kind));
    setCaseTodayForTests("2026-03-02");
    stranger = await caseClient(t, "13800510002");
    township2 = await caseClient(t, "township2");
    first = await draft(citizen);
    await uploadChecklist(citizen, first);
    expectStatus(await citizen.act(first, "submit"), 200);
  });
  afterAll(() => closeCaseWorld(t));

  it("lists the applicant's current files once per content, with the material they were given for", async () => {
    const files = await library(citizen);
    expect(files.map((f) => f.materialId).sort()).toEqual(["m1", "m2", "m3", "m4"]);
    expect(files.every((f) => f.caseId === first && f.caseNumber !== null)).toBe(true);
    expect(files.find((f) => f.materialId === "m2")?.materialName).toBe("营业执照");

    // The same bytes given again in another case are one library entry, last used there.
    const second = await draft(citizen);
    expectStatus(await citizen.upload(second, "m5", "again.pdf", pdfBytes("m1")), 201);
    const after = await library(citizen);
    expect(after).toHaveLength(4);
    expect(after[0]).toMatchObject({ caseId: second, caseNumber: null, materialId: "m5", name: "again.pdf" });
    // A removed (superseded) file leaves the library.
    const detail = expectStatus(await citizen.get(`/api/cases/${second}`), 200);
    expect(
      (await citizen.delete(`/api/cases/${second}/materials/${detail.materials[0].id}`)).statusCode,
    ).toBe(204);
    expect((await library(citizen)).find((f) => f.caseId === second)).toBeUndefined();
    // Nobody else's library shows these files; staff have no library of their own.
    expect(await library(stranger)).toEqual([]);
    expect((await cityClerk.get("/api/account/materials")).statusCode).toBe(401);
  });

  it("attaches a library file to a new application, recorded like an upload, without copying the bytes", async () => {
    const files = await library(citizen);
    const licence = files.find((f) => f.materialId === "m2") as LibraryFile;
    const id = await draft(citizen);
    const before = await t.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "case.upload")
      .execute();
    const reused = expectStatus(await reuse(citizen, id, "m2", licence.fileId), 201);
    expect(reused).toMatchObject({ materialId: "m2", name: licence.name, sha256: licence.sha256 });
    expect(reused.id).not.toBe(licence.fileId);
    const detail = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(detail.materials.map((m: { id: string }) => m.id)).toEqual([reused.id]);
    const event = detail.events.at(-1);
    expect(event).toMatchObject({ action: "upload", actor: { name: "陈晓明" } });
    expect(event.details).toMatchObject({
      materialId: "m2",
      fileId: reused.id,
      reusedFrom: { fileId: licence.fileId, caseId: first },
    });
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select(["id", "subject_id"])
      .where("action", "=", "case.upload")
      .execute();
    expect(audits.length - before.length).toBe(1);
    expect(audits.at(-1)?.subject_id).toBe(id);

    // Reusing into the same material again supersedes the earlier file, as a new upload would.
    const other = files.find((f) => f.materialId === "m1") as LibraryFile;
    const replaced = expectStatus(await reuse(citizen, id, "m2", other.fileId), 201);
    const now = expectStatus(await citizen.get(`/api/cases/${id}`), 200);
    expect(now.materials.map((m: { id: string }) => m.id)).toEqual([replaced.id]);

    // The rest of the checklist from the library too; then the city clerk opens a reused file.
    for (const f of files.filter((file) => file.materialId !== "m2"))
      expectStatus(await reuse(citizen, id, f.materialId, f.fileId), 201);
    expectStatus(await reuse(citizen, id, "m2", licence.fileId), 201);
    const submitted = expectStatus(await citizen.act(id, "submit"), 200);
    const file = submitted.materials.find((m: { materialId: string }) => m.materialId === "m2");
    const download = await cityClerk.get(`/api/cases/${id}/materials/${file.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes("m2"))).toBe(true);
    // A submitted case takes no more files.
    expect((await reuse(citizen, id, "m2", licence.fileId)).statusCode).toBe(409);
  });

  it("refuses a file that is not the applicant's, a superseded one, and an unknown material", async () => {
    const theirs = await draft(stranger);
    const uploaded = expectStatus(await stranger.upload(theirs, "m1", "theirs.pdf", pdfBytes("theirs")), 201);
    const mine = await draft(citizen);
    const refused = await reuse(citizen, mine, "m1", uploaded.id);
    expect(refused.json()).toMatchObject({ status: 404, code: "CASE_FILE_NOT_FOUND" });
    // Nor may the stranger pull the citizen's file into their own case.
    const files = await library(citizen);
    expect((await reuse(stranger, theirs, "m1", files[0]?.fileId as string)).statusCode).toBe(404);
    // Nor reuse into someone else's case.
    expect((await reuse(citizen, theirs, "m1", files[0]?.fileId as string)).statusCode).toBe(404);
    expect((await reuse(citizen, mine, "m99", files[0]?.fileId as string)).json()).toMatchObject({
      status: 400,
      code: "CASE_MATERIAL_UNKNOWN",
    });
    const superseded = await t.database.db
      .selectFrom("case_material")
      .select("id")
      .where("superseded_at", "is not", null)
      .executeTakeFirstOrThrow();
    expect((await reuse(citizen, mine, "m1", superseded.id)).statusCode).toBe(404);
  });

  it("lets the window clerk filing for a walk-in applicant reuse that applicant's library", async () => {
    const me = expectStatus(await citizen.get("/api/session"), 200);
    const walkIn = expectStatus(
      await clerk.post("/api/cases", {
        itemId: food,
        answers: foodAnswers,
        form,
        applicant: { accountId: me.user.id },
      }),
      201,
    ).id as string;
    const files = await library(clerk, `/api/cases/${walkIn}/library`);
    expect(files.map((f) => f.sha256).sort()).toEqual((await library(citizen)).map((f) => f.sha256).sort());
    const licence = files.find((f) => f.materialId === "m2") as LibraryFile;
    const reused = expectStatus(await reuse(clerk, walkIn, "m2", licence.fileId), 201);
    const detail = expectStatus(await clerk.get(`/api/cases/${walkIn}`), 200);
    expect(detail.events.at(-1)).toMatchObject({ action: "upload", onBehalfOfId: me.user.id });
    expect(detail.materials[0].id).toBe(reused.id);
    // A clerk of another place reaches neither the case nor, through it, the applicant's library.
    expect((await township2.get(`/api/cases/${walkIn}/library`)).statusCode).toBe(404);
    // The applicant sees their library through their own case as well.
    expect((await library(citizen, `/api/cases/${walkIn}/library`)).length).toBe(files.length);
  });
});
