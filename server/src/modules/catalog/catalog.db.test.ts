import { copyFile, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ItemContentSchema } from "@tongban/core";
import { sql } from "kysely";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsDir } from "../../platform/db/migrate.ts";
import { seedDemo } from "../../seed/seed-demo.ts";
import { databaseKinds, freshDatabase, testVault } from "../../test/databases.ts";
import { todayInShanghai } from "../organisations/rules.ts";
import { publishChangeJob } from "./governance/publish-job.ts";

describe.each(databaseKinds)("catalog tables on %s", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    await seedDemo(fresh.handle.db, testVault());
  });
  afterAll(() => fresh.drop());

  it("publishes the demo catalog as version 1 of every item, with its basic catalog entries", async () => {
    const db = fresh.handle.db;
    const versions = await db.selectFrom("item_version").select(["version", "effective_from"]).execute();
    expect(versions).toHaveLength(125);
    expect(versions.every((v) => v.version === 1 && v.effective_from === todayInShanghai())).toBe(true);
    const basic = await db
      .selectFrom("basic_item")
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    expect(basic.n).toBe(125);
    const withWindows = await db
      .selectFrom("item")
      .select("content")
      .where(sql<boolean>`jsonb_array_length(content -> 'windowIds') > 0`)
      .execute();
    expect(withWindows).toHaveLength(125);
  });

  it("keeps published versions immutable: updates, deletes and truncation are refused", async () => {
    const db = fresh.handle.db;
    const row = await db.selectFrom("item_version").select(["item_id", "version"]).executeTakeFirstOrThrow();
    await expect(
      db
        .updateTable("item_version")
        .set({ effective_from: "2000-01-01" })
        .where("item_id", "=", row.item_id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(db.deleteFrom("item_version").where("item_id", "=", row.item_id).execute()).rejects.toThrow(
      /immutable/,
    );
    await expect(sql`truncate item_version cascade`.execute(db)).rejects.toThrow(/immutable/);
    expect(await db.selectFrom("item_version").select("version").execute()).toHaveLength(125);
  });

  it("publishes a scheduled change once, however often (or concurrently) its job is delivered", async () => {
    const db = fresh.handle.db;
    const item = await db
      .selectFrom("item")
      .select(["id", "content", "department_id", "region_code", "version"])
      .where("ref", "=", "sfz-linshi")
      .executeTakeFirstOrThrow();
    const steward = await db
      .selectFrom("account")
      .select("id")
      .where("username", "=", "steward")
      .executeTakeFirstOrThrow();
    const content = { ...ItemContentSchema.parse(item.content), appointment: true };
    const change = await db
      .insertInto("change_request")
      .values({
        number: "BG202601010001",
        kind: "change",
        item_id: item.id,
        base_version: item.version,
        content: JSON.stringify(content),
        status: "scheduled",
        effective_from: todayInShanghai(),
        reason: "幂等测试",
        department_id: item.department_id,
        region_code: item.region_code,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("change_review")
      .values({
        change_request_id: change.id,
        stage: "consistency",
        decision: "approve",
        reviewer_id: steward.id,
      })
      .execute();
    const context = (jobId: number) => ({ db, log: pino({ level: "silent" }), jobId, attempt: 1 });
    const payload = { changeRequestId: change.id };
    await Promise.all([
      publishChangeJob.handle(context(1), payload),
      publishChangeJob.handle(context(2), payload),
    ]);
    await publishChangeJob.handle(context(3), payload);

    const versions = await db
      .selectFrom("item_version")
      .select(["version", "published_by"])
      .where("item_id", "=", item.id)
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, published_by: null },
      { version: 2, published_by: steward.id },
    ]);
    const published = await db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "catalog.change-published")
      .where("subject_id", "=", change.id)
      .execute();
    expect(published).toHaveLength(1);
    const row = await db
      .selectFrom("item")
      .select(["version", "content"])
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    expect(row.content.appointment).toBe(true);
  });
});

describe.each(databaseKinds)("migration 0005 on an older data directory (%s)", (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    fresh = await freshDatabase(kind, { migrated: false });
  });
  afterAll(() => fresh.drop());

  it("converts existing item rows into documents and publishes them as version 1", async () => {
    const db = fresh.handle.db;
    const older = await mkdtemp(path.join(tmpdir(), "tongban-migrations-"));
    for (const file of (await readdir(migrationsDir)).filter((f) => /^000[1-4]_/.test(f)))
      await copyFile(path.join(migrationsDir, file), path.join(older, file));
    await migrate(db, { dir: older });
    await sql`insert into region (code, name, level) values ('320200', '无锡市', 'city')`.execute(db);
    const department = await sql<{ id: string }>`
      insert into department (ref, name, kind, credit_code, region_code)
      values ('dept-gongan', '无锡市公安局', '公安', '11320200MB320001633', '320200') returning id`.execute(
      db,
    );
    await sql`
      insert into item (ref, name, type_code, type_name, basic_code, implementation_code, department_id,
        audience, themes, tags, legal_basis, conditions, materials, situations, statutory_limit,
        promised_limit, fee, online_depth, max_visits)
      values ('sfz-linshi', '临时居民身份证申领', '20', '公共服务', '322000100400',
        '11320200MB3200016333322000100400', ${department.rows[0]?.id}, '{自然人}', '{户籍,未知主题}',
        '{即办件,免证办}', '[{"law":"《临时居民身份证管理办法》","article":"第十七条"}]', '["本市户籍"]',
        '[{"name":"居民户口簿","form":"原件","required":true,"sourceLicence":"lic-hkb","when":null},
          {"name":"照片","form":"电子","required":false,"sourceLicence":null,"when":"未现场采集时"}]',
        '[{"question":"是否委托他人代为办理？","options":["是","否"]}]',
        '{"days":3,"unit":"工作日","text":"三日内"}', '{"days":0,"unit":"工作日"}',
        '{"charged":true,"amountFen":1000,"text":"10元","basis":"发改价格〔2003〕2322号"}', 2, 1)`.execute(
      db,
    );

    expect(await migrate(db)).toContain(5);
    const item = await db.selectFrom("item").selectAll().executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      type: "public-service",
      level: "municipal",
      processing: "immediate",
      status: "active",
      version: 1,
      region_code: "320200",
      audience: ["citizen"],
      themes: ["户籍"],
      tags: ["immediate", "licence-free"],
    });
    const content = ItemContentSchema.parse(item.content);
    expect(content).toMatchObject({
      statutoryLimit: { days: 3, unit: "workday", text: "三日内" },
      fees: [{ name: "10元", amountFen: 1000 }],
      materials: [
        { id: "m1", forms: ["original"], licenceTypeRef: "lic-hkb" },
        { id: "m2", forms: ["electronic"], note: "未现场采集时" },
      ],
      situations: [{ id: "s1", options: [{ label: "是" }, { label: "否" }] }],
    });
    const versions = await db.selectFrom("item_version").select(["version", "content"]).execute();
    expect(versions).toHaveLength(1);
    expect(await db.selectFrom("basic_item").select("basic_code").execute()).toEqual([
      { basic_code: "322000100400" },
    ]);
  });
});
