import { formFields, ItemForm } from "@tongban/core";

/** Why the form definition text cannot be used, or what is doubtful about one that can. */
export type FormTextProblem =
  | { kind: "json"; reason: string }
  | { kind: "schema"; where: string; message: string }
  | { kind: "situation"; field: string; situation: string };

/** The editor's reading of the 申请表 JSON: the form when valid, else what to hand the schema and why. */
export type FormText =
  | { ok: true; form: ItemForm; warnings: FormTextProblem[] }
  | { ok: false; raw: unknown; problems: FormTextProblem[] };

/**
 * Reads the form definition an editor typed: JSON first, then the core schema (the server checks the
 * same). A condition naming a situation the item does not ask is a warning: the field would never show.
 */
export function readFormText(text: string, situationIds: readonly string[]): FormText {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, raw: text, problems: [{ kind: "json", reason: (error as Error).message }] };
  }
  const parsed = ItemForm.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      kind: "schema" as const,
      where: whereOf(raw, issue.path),
      message: issue.message,
    }));
    return { ok: false, raw, problems };
  }
  const warnings: FormTextProblem[] = [];
  for (const field of formFields(parsed.data)) {
    const condition = field.visibleWhen;
    if (condition && "situation" in condition && !situationIds.includes(condition.situation))
      warnings.push({ kind: "situation", field: field.id, situation: condition.situation });
  }
  return { ok: true, form: parsed.data, warnings };
}

/** A readable place in the definition: `sections[1].fields[agentName].visibleWhen`. */
function whereOf(raw: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    const list = Array.isArray(node) ? (node as unknown[]) : null;
    const entry = list && typeof key === "number" ? list[key] : undefined;
    const id = entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
    if (typeof key === "number") parts.push(`[${typeof id === "string" ? id : key}]`);
    else parts.push(parts.length === 0 ? String(key) : `.${String(key)}`);
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return parts.join("") || "-";
}
