import { completeness, type ItemContent, ItemContentSchema } from "@tongban/core";
import { writeVersion } from "../modules/catalog/governance/write-version.ts";
import { itemColumns } from "../modules/catalog/item-row.ts";
import type { Tx } from "../platform/db/database.ts";
import type { SeedItem } from "./seed-files.ts";

/**
 * Inserts the demo items as rows of the effective catalog. Their windows are only known once the
 * places are seeded, so `publishSeedItems` completes and publishes them afterwards.
 */
export async function insertSeedItems(
  tx: Tx,
  items: readonly SeedItem[],
  refs: { departmentId: ReadonlyMap<string, string>; regionOf: ReadonlyMap<string, string>; today: string },
): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const rows = items.slice(i, i + 25).map((item) => {
      const departmentId = refs.departmentId.get(item.departmentRef);
      const regionCode = departmentId ? refs.regionOf.get(departmentId) : undefined;
      if (!departmentId || !regionCode)
        throw new Error(`seed item ${item.ref} names unknown department ${item.departmentRef}`);
      const content = ItemContentSchema.parse({ ...item.content, departmentId, windowIds: [] });
      return {
        ref: item.ref,
        ...itemColumns(content, regionCode),
        version: 1,
        status: "active" as const,
        effective_from: refs.today,
      };
    });
    await tx.insertInto("item").values(rows).execute();
  }
}

/**
 * Gives each demo item the windows of the city's 政务服务中心 that accept it — its department's own
 * windows, else the general window for its audience — plus the 跨省通办 and 帮办代办 windows when
 * tagged so; then publishes every item as version 1, effective from the seed date, and records each
 * 基本编码 in the basic catalog. The demo catalog is the starting point, so it skips review.
 */
export async function publishSeedItems(tx: Tx, today: string): Promise<void> {
  const windows = await tx
    .selectFrom("service_window")
    .innerJoin("service_place", "service_place.id", "service_window.place_id")
    .select([
      "service_window.id",
      "service_window.number",
      "service_window.kind",
      "service_window.department_id",
      "service_place.region_code",
    ])
    .where("service_place.kind", "=", "service-centre")
    .where("service_window.is_active", "=", true)
    .execute();
  const items = await tx.selectFrom("item").select(["id", "content", "region_code"]).execute();
  for (const item of items) {
    const content = ItemContentSchema.parse(item.content);
    const here = windows.filter((w) => w.region_code === item.region_code);
    const own = here.filter((w) => w.department_id === content.departmentId);
    const general = here.filter((w) => w.kind === "general" && w.department_id === null);
    const chosen = own.length > 0 ? own : generalFor(content, general);
    if (content.tags.includes("cross-province"))
      chosen.push(...here.filter((w) => w.kind === "cross-province"));
    if (content.tags.includes("assisted")) chosen.push(...here.filter((w) => w.kind === "assisted"));
    const complete: ItemContent = { ...content, windowIds: [...new Set(chosen.map((w) => w.id))] };
    await tx
      .updateTable("item")
      // The windows count towards completeness, so the stored score follows the completed document.
      .set({ content: JSON.stringify(complete), completeness: completeness(complete).score })
      .where("id", "=", item.id)
      .execute();
    await writeVersion(tx, { itemId: item.id, version: 1, content: complete, effectiveFrom: today });
  }
}

// The city centre numbers its general windows A01 企业开办, A02 不动产登记, A03 社会事务 (places.json).
function generalFor<W extends { number: string }>(content: ItemContent, general: W[]): W[] {
  const wanted = content.themes.includes("住房")
    ? "A02"
    : content.audience.includes("company")
      ? "A01"
      : "A03";
  const match = general.filter((w) => w.number === wanted);
  return match.length > 0 ? match : general.slice(0, 1);
}
