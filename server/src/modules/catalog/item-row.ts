import { completeness, type ItemContent, ItemContentSchema } from "@tongban/core";

/**
 * The item row's copies of its content that list filters and joins read (name, codes, department,
 * audience, themes, tags, the completeness score, …). Written together with `content` so the two never
 * disagree.
 */
export function itemColumns(content: ItemContent, regionCode: string) {
  return {
    name: content.name,
    type: content.type,
    basic_code: content.basicCode,
    implementation_code: content.implementationCode,
    department_id: content.departmentId,
    region_code: regionCode,
    level: content.level,
    processing: content.processing,
    audience: [...content.audience],
    themes: [...content.themes],
    tags: [...content.tags],
    online_depth: content.onlineDepth,
    max_visits: content.maxVisits,
    content: JSON.stringify(content),
    completeness: completeness(content).score,
  };
}

/** Stored JSON is parsed on the way out, never trusted as typed (defaults fill fields added later). */
export function parseContent(stored: unknown): ItemContent {
  return ItemContentSchema.parse(stored);
}
