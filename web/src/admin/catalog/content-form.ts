import { type ItemContent, ItemContentSchema } from "@tongban/core";
import { fenToYuan, yuanToFen } from "./money.ts";

/**
 * The editor's form holds the item document almost as stored. The differences, mapped here both ways:
 * fees are typed in 元 (stored in fen), an empty limit or result is an empty sub-form (stored as null),
 * and blank optional texts are empty inputs (stored as null).
 */

type Unit = "workday" | "natural-day";

/** A time limit as the form holds it: days left empty means "none". */
export interface LimitValues {
  days?: number | null;
  unit?: Unit;
  text?: string | null;
}

/** A fee as the form holds it. */
export interface FeeValues {
  name?: string;
  amountYuan?: string;
  basis?: string | null;
}

/** The result as the form holds it: no name means "no result stated". */
export interface ResultValues {
  type?: string;
  name?: string | null;
  licenceTypeRef?: string | null;
  sample?: unknown;
}

/** The editor's values: the item document with the three differences above. */
export type EditorValues = Omit<
  Partial<ItemContent>,
  "fees" | "statutoryLimit" | "promisedLimit" | "result"
> & {
  fees?: FeeValues[];
  statutoryLimit?: LimitValues;
  promisedLimit?: LimitValues;
  result?: ResultValues;
};

/** Why a field of the form is wrong; the page turns the reason into words. */
export type FieldReason = "required" | "tooLong" | "tooSmall" | "tooBig" | "format" | "amount" | "invalid";

/** One complaint about one field, addressed by the form's name path. */
export interface FieldError {
  name: (string | number)[];
  reason: FieldReason;
}

/** A fresh item: what a new draft starts from. */
export function emptyValues(departmentId?: string): EditorValues {
  return {
    name: "",
    basicCode: "",
    implementationCode: "",
    ...(departmentId ? { departmentId } : {}),
    audience: ["citizen"],
    audienceDetail: [],
    themes: [],
    tags: [],
    legalBasis: [],
    conditions: [],
    materials: [],
    situations: [],
    processing: "promised",
    statutoryLimit: { unit: "workday" },
    promisedLimit: { unit: "workday" },
    fees: [],
    process: [],
    result: {},
    onlineDepth: 3,
    maxVisits: 0,
    visitReason: null,
    postal: false,
    appointment: false,
    windowIds: [],
    consultationPhone: null,
    complaintPhone: null,
    faq: [],
    rights: [],
    obligations: [],
    remedies: { reconsideration: null, litigation: null },
  };
}

/** The form's values for a stored item document. */
export function toEditorValues(content: ItemContent): EditorValues {
  return {
    ...content,
    fees: content.fees.map((fee) => ({
      name: fee.name,
      amountYuan: fenToYuan(fee.amountFen),
      basis: fee.basis,
    })),
    statutoryLimit: content.statutoryLimit ?? { unit: "workday" },
    promisedLimit: content.promisedLimit ?? { unit: "workday" },
    result: content.result ?? {},
  };
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && !value.trim());
const orNull = (value: string | null | undefined) => (blank(value) ? null : (value ?? null));

function limitOf(limit: LimitValues | undefined) {
  if (!limit || limit.days === undefined || limit.days === null) return null;
  return { days: limit.days, unit: limit.unit ?? "workday", text: orNull(limit.text) };
}

/** The document the form describes, before validation (fees in fen; unparseable amounts become null). */
export function toContentCandidate(values: EditorValues): Record<string, unknown> {
  const { fees = [], statutoryLimit, promisedLimit, result, ...rest } = values;
  return {
    ...rest,
    visitReason: orNull(values.visitReason),
    consultationPhone: orNull(values.consultationPhone),
    complaintPhone: orNull(values.complaintPhone),
    legalBasis: (values.legalBasis ?? []).map((b) => ({
      ...b,
      article: orNull(b.article),
      text: orNull(b.text),
    })),
    materials: (values.materials ?? []).map((m) => ({
      ...m,
      issuer: orNull(m.issuer),
      licenceTypeRef: orNull(m.licenceTypeRef),
      note: orNull(m.note),
    })),
    process: (values.process ?? []).map((step) => ({
      ...step,
      description: orNull(step.description),
      legalBasis: orNull(step.legalBasis),
    })),
    remedies: {
      reconsideration: orNull(values.remedies?.reconsideration),
      litigation: orNull(values.remedies?.litigation),
    },
    fees: fees.map((fee) => ({
      name: fee.name,
      amountFen: yuanToFen(fee.amountYuan ?? ""),
      basis: orNull(fee.basis),
    })),
    statutoryLimit: limitOf(statutoryLimit),
    promisedLimit: limitOf(promisedLimit),
    result: blank(result?.name) ? null : { ...result, licenceTypeRef: orNull(result?.licenceTypeRef) },
  };
}

function reasonOf(issue: { code: string; origin?: unknown; minimum?: unknown }): FieldReason {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1 ? "required" : "tooSmall";
    case "too_big":
      return issue.origin === "string" ? "tooLong" : "tooBig";
    case "invalid_format":
      return "format";
    case "invalid_type":
      return "required";
    default:
      return "invalid";
  }
}

/** The form path of a document path: amounts live in 元 on the form. */
function formPath(path: readonly PropertyKey[]): (string | number)[] {
  const name = path.map((part) => (typeof part === "number" ? part : String(part)));
  if (name[0] === "fees" && name[2] === "amountFen") return ["fees", name[1] ?? 0, "amountYuan"];
  return name;
}

/** Validates the form with the shared schema: the document when valid, else one reason per field. */
export function parseEditor(values: EditorValues): { content: ItemContent | null; errors: FieldError[] } {
  const parsed = ItemContentSchema.safeParse(toContentCandidate(values));
  if (parsed.success) return { content: parsed.data, errors: [] };
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const name = formPath(issue.path);
    const key = name.join(".");
    if (seen.has(key)) continue;
    seen.add(key);
    const isAmount = name[0] === "fees" && name[2] === "amountYuan";
    errors.push({ name, reason: isAmount ? "amount" : reasonOf(issue as Parameters<typeof reasonOf>[0]) });
  }
  return { content: null, errors };
}
