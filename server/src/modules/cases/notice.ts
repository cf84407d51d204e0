import type { ItemContent } from "@tongban/core";
import type { Queryable } from "../../platform/db/database.ts";
import { invalid } from "../../platform/errors.ts";

/** One line of a correction notice (补正告知) or of the owed list of 容缺受理. */
export interface NoticeItem {
  materialId: string;
  name: string;
  problem: string;
}

/** Resolves the named materials against the pinned content; every one must exist and be named once. */
export function noticeItems(
  content: ItemContent,
  materials: readonly { materialId: string; problem: string }[] | undefined,
): NoticeItem[] {
  if (!materials || materials.length === 0)
    throw invalid("CASE_MATERIALS_REQUIRED", "请列出需要补正或容缺的材料及其问题");
  const seen = new Set<string>();
  return materials.map(({ materialId, problem }) => {
    const material = content.materials.find((m) => m.id === materialId);
    if (!material || seen.has(materialId))
      throw invalid("CASE_MATERIAL_UNKNOWN", "材料不属于该事项或重复列出", { materialId });
    seen.add(materialId);
    const text = problem.trim();
    if (!text) throw invalid("CASE_PROBLEM_REQUIRED", `请说明「${material.name}」的问题`, { materialId });
    return { materialId, name: material.name, problem: text };
  });
}

/** The latest event of one action on a case, with its details, if any. */
export function latestEvent(q: Queryable, caseId: string, action: string, first = false) {
  return q
    .selectFrom("case_event")
    .select(["id", "at", "details"])
    .where("case_id", "=", caseId)
    .where("action", "=", action)
    .orderBy("id", first ? "asc" : "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The notice items an event recorded. */
export function itemsOf(details: unknown): NoticeItem[] {
  const items = (details as { items?: NoticeItem[] } | null)?.items;
  return Array.isArray(items) ? items : [];
}
