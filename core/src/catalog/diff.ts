import { contentLabels, partLabel } from "./element-labels.ts";
import type { ItemContent } from "./item-content.ts";

/** One difference between two versions of an item, for the side-by-side diff and the reviewers. */
export type ContentChange = {
  field: keyof ItemContent;
  /** Where, e.g. `materials[hkb].forms`, `legalBasis[0]`, `promisedLimit.days`. */
  path: string;
  /** The element's Chinese label, e.g. 申请材料「居民户口簿」· 材料形式. */
  label: string;
  kind: "added" | "removed" | "changed";
  before: unknown;
  after: unknown;
};

/** Structural equality for JSON values (the content is plain JSON: no dates, maps or cycles). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => jsonEqual(value, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!jsonEqual(left[key], right[key])) return false;
  }
  return true;
}

// Lists whose entries carry a stable id: matched by id, so an edit in the middle shows as one change.
const keyedFields = new Set<keyof ItemContent>(["materials", "situations"]);

type Entry = { id: string; name?: string; question?: string } & Record<string, unknown>;

function hasUniqueIds(list: readonly unknown[]): list is Entry[] {
  const ids = list.map((entry) => (entry as Entry).id);
  return ids.every((id) => typeof id === "string") && new Set(ids).size === ids.length;
}

function kindOf(before: unknown, after: unknown): ContentChange["kind"] {
  if (before === null || before === undefined) return "added";
  if (after === null || after === undefined) return "removed";
  return "changed";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Compares two objects part by part (a time limit, the result, one material). */
function diffParts(
  field: keyof ItemContent,
  path: string,
  label: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): ContentChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => !jsonEqual(before[key], after[key]))
    .map((key) => ({
      field,
      path: `${path}.${key}`,
      label: `${label} · ${partLabel(key)}`,
      kind: kindOf(before[key], after[key]),
      before: before[key] ?? null,
      after: after[key] ?? null,
    }));
}

function entryLabel(field: keyof ItemContent, entry: Entry): string {
  const title = entry.name ?? entry.question ?? entry.id;
  return `${contentLabels[field]}「${title}」`;
}

function diffKeyed(field: keyof ItemContent, before: Entry[], after: Entry[]): ContentChange[] {
  const changes: ContentChange[] = [];
  const afterById = new Map(after.map((entry) => [entry.id, entry]));
  const beforeById = new Map(before.map((entry) => [entry.id, entry]));
  for (const entry of before) {
    const path = `${field}[${entry.id}]`;
    const next = afterById.get(entry.id);
    if (!next) {
      changes.push({
        field,
        path,
        label: entryLabel(field, entry),
        kind: "removed",
        before: entry,
        after: null,
      });
    } else {
      changes.push(...diffParts(field, path, entryLabel(field, next), entry, next));
    }
  }
  for (const entry of after) {
    if (beforeById.has(entry.id)) continue;
    const path = `${field}[${entry.id}]`;
    changes.push({ field, path, label: entryLabel(field, entry), kind: "added", before: null, after: entry });
  }
  // Order is content too (the guide prints it): report a reordering of the entries both sides keep.
  const keptBefore = before.filter((entry) => afterById.has(entry.id)).map((entry) => entry.id);
  const keptAfter = after.filter((entry) => beforeById.has(entry.id)).map((entry) => entry.id);
  if (!jsonEqual(keptBefore, keptAfter)) {
    changes.push({
      field,
      path: field,
      label: `${contentLabels[field]}（顺序）`,
      kind: "changed",
      before: keptBefore,
      after: keptAfter,
    });
  }
  return changes;
}

function diffScalarList(field: keyof ItemContent, before: unknown[], after: unknown[]): ContentChange[] {
  const label = contentLabels[field];
  const removed = before.filter((value) => !after.some((other) => jsonEqual(other, value)));
  const added = after.filter((value) => !before.some((other) => jsonEqual(other, value)));
  const changes: ContentChange[] = [
    ...removed.map((value) => ({
      field,
      path: field,
      label,
      kind: "removed" as const,
      before: value,
      after: null,
    })),
    ...added.map((value) => ({
      field,
      path: field,
      label,
      kind: "added" as const,
      before: null,
      after: value,
    })),
  ];
  // Same values, different order or multiplicity: one change for the whole list.
  if (changes.length === 0) changes.push({ field, path: field, label, kind: "changed", before, after });
  return changes;
}

function diffPositional(field: keyof ItemContent, before: unknown[], after: unknown[]): ContentChange[] {
  const changes: ContentChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const path = `${field}[${index}]`;
    const label = `${contentLabels[field]} 第${index + 1}项`;
    const left = before[index];
    const right = after[index];
    if (index >= before.length) {
      changes.push({ field, path, label, kind: "added", before: null, after: right });
    } else if (index >= after.length) {
      changes.push({ field, path, label, kind: "removed", before: left, after: null });
    } else if (!jsonEqual(left, right)) {
      changes.push({ field, path, label, kind: "changed", before: left, after: right });
    }
  }
  return changes;
}

function diffField(field: keyof ItemContent, before: unknown, after: unknown): ContentChange[] {
  if (jsonEqual(before, after)) return [];
  const label = contentLabels[field];
  if (Array.isArray(before) && Array.isArray(after)) {
    if (keyedFields.has(field) && hasUniqueIds(before) && hasUniqueIds(after)) {
      return diffKeyed(field, before, after);
    }
    const scalar = [...before, ...after].every((value) => !isRecord(value) && !Array.isArray(value));
    return scalar ? diffScalarList(field, before, after) : diffPositional(field, before, after);
  }
  if (isRecord(before) && isRecord(after)) return diffParts(field, field, label, before, after);
  return [
    { field, path: field, label, kind: kindOf(before, after), before: before ?? null, after: after ?? null },
  ];
}

/**
 * Lists what changed from one version of an item to another, element by element, in the order the
 * elements appear in the item. Empty exactly when the two contents are equal.
 */
export function diffContent(before: ItemContent, after: ItemContent): ContentChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])] as (keyof ItemContent)[];
  const order = Object.keys(contentLabels) as (keyof ItemContent)[];
  fields.sort((a, b) => rank(order, a) - rank(order, b));
  return fields.flatMap((field) => diffField(field, before[field], after[field]));
}

function rank(order: readonly string[], field: string): number {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}
