import { createHash } from "node:crypto";
import type { LocalDate } from "@tongban/core";
import type { Actor } from "../../../platform/actor.ts";
import { recordAudit } from "../../../platform/audit.ts";
import type { Deps } from "../../../platform/deps.ts";
import { DomainError, invalid } from "../../../platform/errors.ts";
import { authorize } from "../../identity/policy.ts";
import { todayInShanghai } from "../../organisations/rules.ts";
import { loadCheckContext } from "../governance/check.ts";
import { openChange } from "../governance/open-change.ts";
import { readCatalogJson } from "./json-file.ts";
import { planImport } from "./plan-import.ts";
import { loadDepartments, loadItems } from "./queries.ts";
import { fromSheetRows, type ParsedRecord, type RowError } from "./read-rows.ts";
import { allSheets } from "./sheets.ts";
import { readCatalogWorkbook } from "./workbook.ts";

/** What an import did: counts, the change requests it opened, or (and then nothing was written) errors. */
export interface ImportResult {
  created: number;
  changed: number;
  unchanged: number;
  changeRequests: { id: string; number: string; ref: string }[];
  errors: RowError[];
}

/** At most this many row errors travel back. */
const MAX_REPORTED_ERRORS = 1000;

// Thrown inside the transaction to roll it back when opening a change fails after all the checks passed
// (another editor opened a change of the same item in the meantime, say).
class RowFailure extends Error {
  readonly errors: RowError[];
  constructor(errors: RowError[]) {
    super("import row failed");
    this.errors = errors;
  }
}

const refused = (errors: RowError[]): ImportResult => ({
  created: 0,
  changed: 0,
  unchanged: 0,
  changeRequests: [],
  errors: errors.slice(0, MAX_REPORTED_ERRORS),
});

async function readFile(
  format: "json" | "xlsx",
  body: unknown,
  departmentIdOf: (text: string) => string | undefined,
) {
  if (format === "json") return readCatalogJson(body);
  if (!Buffer.isBuffer(body)) {
    return { records: [], errors: [{ row: 0, field: "-", message: "请以 .xlsx 文件作为请求正文上传" }] };
  }
  const file = await readCatalogWorkbook(body);
  if (file.errors.length > 0) return { records: [] as ParsedRecord[], errors: file.errors };
  const title = (key: string) => allSheets.find((s) => s.key === key)?.title ?? key;
  return fromSheetRows(file.rows, title, departmentIdOf);
}

/**
 * Imports the catalog from JSON or .xlsx, all or nothing. Every row is read and checked first; if any
 * has an error nothing is written and the errors are returned. Otherwise, in one transaction, each new
 * or changed item becomes a change request submitted to legality review (governance still applies: the
 * import publishes nothing), unchanged items are counted, and one audit row records the import.
 */
export async function importCatalog(
  deps: Deps,
  actor: Actor,
  input: {
    format: "json" | "xlsx";
    body: unknown;
    effectiveFrom?: LocalDate;
    reason?: string;
    requestId?: string;
  },
): Promise<ImportResult> {
  authorize(actor, "catalog.import");
  const [items, departments, context] = await Promise.all([
    loadItems(deps.db),
    loadDepartments(deps.db),
    loadCheckContext(deps.db),
  ]);
  const departmentIdOf = (text: string) =>
    departments.find((d) => d.ref === text || d.id === text || d.creditCode === text)?.id;
  const file = await readFile(input.format, input.body, departmentIdOf);
  if (file.errors.length > 0) return refused(file.errors);
  if (file.records.length === 0) throw invalid("CATALOG_IMPORT_EMPTY", "文件中没有事项");

  const sheet = input.format === "xlsx" ? allSheets[0]?.title : undefined;
  const plan = planImport({
    actor,
    format: input.format,
    records: file.records,
    items,
    departments,
    context,
    sheet,
  });
  if (plan.errors.length > 0) return refused(plan.errors);

  const effectiveFrom = input.effectiveFrom ?? todayInShanghai();
  const reason = input.reason?.trim() || `批量导入事项目录（${input.format === "xlsx" ? "Excel" : "JSON"}）`;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const changeRequests: ImportResult["changeRequests"] = [];
      for (const { record, item } of plan.changes) {
        try {
          const opened = await openChange(
            trx,
            actor,
            {
              kind: item ? "change" : "create",
              itemId: item?.id ?? null,
              content: record.content,
              effectiveFrom,
              reason,
              lawChangedOn: null,
              ref: item ? null : record.ref,
            },
            { submit: true, requestId: input.requestId ?? null },
          );
          changeRequests.push({ ...opened, ref: record.ref });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          throw new RowFailure([{ sheet, row: record.row, field: "-", message: error.message }]);
        }
      }
      const created = plan.changes.filter((change) => change.item === null).length;
      const result = { created, changed: plan.changes.length - created, unchanged: plan.unchanged };
      await recordAudit(trx, actor, {
        action: "catalog.imported",
        subjectType: "catalog-import",
        requestId: input.requestId ?? null,
        details: {
          format: input.format,
          sha256: createHash("sha256").update(bodyBytes(input.body)).digest("hex"),
          ...result,
          changeRequests: changeRequests.map((c) => c.number),
        },
      });
      return { ...result, changeRequests, errors: [] };
    });
  } catch (error) {
    if (error instanceof RowFailure) return refused(error.errors);
    throw error;
  }
}

function bodyBytes(body: unknown): Buffer | string {
  if (Buffer.isBuffer(body) || typeof body === "string") return body;
  return JSON.stringify(body);
}
