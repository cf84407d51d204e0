import { z } from "zod";
import { type ParsedRecord, parseContent, REF_PATTERN, type RowError } from "./read-rows.ts";

/** The cap on items in one JSON file, the same order as the spreadsheet's row cap. */
export const MAX_RECORDS = 20_000;

const Identity = z.object({
  ref: z.string().regex(REF_PATTERN, "事项标识只能包含小写字母、数字和连字符"),
  itemId: z.uuid("事项ID格式不正确").nullable().default(null),
  version: z.number().int().min(1).nullable().default(null),
  content: z.unknown(),
});

/**
 * Reads the JSON catalog file: an array of `{ ref, itemId, version, content }` (what the export writes;
 * `itemId` and `version` may be null or absent for new items). Row numbers are 1-based positions.
 */
export function readCatalogJson(body: unknown): { records: ParsedRecord[]; errors: RowError[] } {
  const records: ParsedRecord[] = [];
  const errors: RowError[] = [];
  let data = body;
  if (Buffer.isBuffer(body) || typeof body === "string") {
    try {
      data = JSON.parse(body.toString().replace(/^\uFEFF/, ""));
    } catch {
      return { records, errors: [{ row: 0, field: "-", message: "文件不是有效的 JSON" }] };
    }
  }
  if (!Array.isArray(data)) {
    return {
      records,
      errors: [{ row: 0, field: "-", message: "JSON 顶层应为数组：[{ ref, itemId, version, content }]" }],
    };
  }
  if (data.length > MAX_RECORDS) {
    return { records, errors: [{ row: 0, field: "-", message: `一个文件最多 ${MAX_RECORDS} 个事项` }] };
  }
  const seen = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const row = index + 1;
    const identity = Identity.safeParse(entry);
    if (!identity.success) {
      for (const issue of identity.error.issues) {
        const field = issue.path.join(".") || "-";
        const message = /[\u4e00-\u9fff]/.test(issue.message)
          ? issue.message
          : "应为对象 { ref, itemId, version, content }";
        errors.push({ row, field, message });
      }
      return;
    }
    const { ref, itemId, version, content } = identity.data;
    if (seen.has(ref)) errors.push({ row, field: "ref", message: `事项标识“${ref}”重复` });
    seen.add(ref);
    const parsed = parseContent(content);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        errors.push({ row, field: ["content", ...issue.path].join("."), message: issue.message });
      }
      return;
    }
    records.push({ ref, itemId, version, content: parsed.data, row });
  });
  return { records, errors };
}
