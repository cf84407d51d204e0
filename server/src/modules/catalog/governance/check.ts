import {
  type CheckContext,
  type CodeProfile,
  checkItem,
  completeness,
  type Finding,
  type ItemContent,
  ItemContentSchema,
} from "@tongban/core";
import type { Queryable } from "../../../platform/db/database.ts";
import { invalid } from "../../../platform/errors.ts";

/**
 * The deployment's code profile. The demo city writes the national platform's 12/31-character codes;
 * a deployment under the bare GB/T 39046 lengths would make this configuration.
 */
export const catalogCodeProfile: CodeProfile = "national";

/** What checking an item needs to know about the rest of the platform: departments, licences, windows. */
export async function loadCheckContext(q: Queryable): Promise<CheckContext> {
  const [departments, licences, windows] = await Promise.all([
    q.selectFrom("department").select(["id", "credit_code", "region_code"]).execute(),
    q.selectFrom("licence_type").select("ref").execute(),
    q.selectFrom("service_window").select("id").where("is_active", "=", true).execute(),
  ]);
  return {
    profile: catalogCodeProfile,
    departments: new Map(
      departments.map((d) => [d.id, { creditCode: d.credit_code, regionCode: d.region_code }]),
    ),
    licenceTypeRefs: new Set(licences.map((l) => l.ref)),
    windowIds: new Set(windows.map((w) => w.id)),
  };
}

/** A document's shape problems (zod), as paths and messages people can act on. */
export interface ContentIssue {
  path: string;
  message: string;
}

/** Validates a submitted or drafted document: shape first, then the catalog's rules (checkItem). */
export async function validateContent(
  q: Queryable,
  input: unknown,
): Promise<{ content: ItemContent | null; issues: ContentIssue[]; findings: Finding[] }> {
  const parsed = ItemContentSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return { content: null, issues, findings: [] };
  }
  const findings = checkItem(parsed.data, await loadCheckContext(q));
  return { content: parsed.data, issues: [], findings };
}

/** Everything the editor's live validation shows. */
export async function validateForEditor(q: Queryable, input: unknown) {
  const { content, issues, findings } = await validateContent(q, input);
  return {
    valid: content !== null && !findings.some((f) => f.severity === "error"),
    issues,
    findings,
    completeness: content ? completeness(content) : null,
  };
}

/** Refuses a document whose shape is wrong or whose checks found errors (errors block publication). */
export async function assertPublishable(q: Queryable, input: unknown): Promise<ItemContent> {
  const { content, issues, findings } = await validateContent(q, input);
  if (!content) throw invalid("CATALOG_CONTENT_INVALID", "事项要素不完整或格式不正确", { issues });
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) {
    throw invalid("CATALOG_FINDINGS_BLOCK", `一致性检查发现 ${errors.length} 个错误，请修改后再提交`, {
      findings,
    });
  }
  return content;
}
