import {
  type FormError,
  type FormField,
  type FormValues,
  type ItemForm,
  validateForm,
  visibleFields,
} from "@tongban/core";
import { ApiError } from "../api/client.ts";

/**
 * The browser's side of the application form (申请表): the same core rules the server applies, turned
 * into what the renderer shows per field, plus the server's own field errors when it refuses a save.
 */

/** Field errors by field id, at most one per field. */
export type FieldErrors = Readonly<Record<string, FormError>>;

/** The core validation as a map by field id; strict is the submit check, lenient the autosave one. */
export function formErrors(
  form: ItemForm,
  values: FormValues,
  answers: Record<string, string>,
  strict: boolean,
): FieldErrors {
  return Object.fromEntries(
    validateForm(form, values, answers, { strict }).map((error) => [error.field, error]),
  );
}

/** The field errors of a refused save or submit (CASE_FORM_INVALID), or null for any other failure. */
export function serverFieldErrors(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError) || error.code !== "CASE_FORM_INVALID") return null;
  const fields = error.details?.fields;
  if (!Array.isArray(fields)) return {};
  const valid = fields.filter(
    (entry): entry is FormError =>
      typeof entry === "object" &&
      entry !== null &&
      typeof entry.field === "string" &&
      typeof entry.code === "string",
  );
  return Object.fromEntries(valid.map((entry) => [entry.field, entry]));
}

/**
 * The error each shown field displays: the server's when it has spoken about the field, else the
 * strict error for a field the person has touched (or every field after a submit attempt), else the
 * lenient one. Hidden fields show nothing.
 */
export function shownErrors(input: {
  form: ItemForm;
  values: FormValues;
  answers: Record<string, string>;
  touched: ReadonlySet<string>;
  showAll: boolean;
  server: FieldErrors;
}): FieldErrors {
  const strict = formErrors(input.form, input.values, input.answers, true);
  const lenient = formErrors(input.form, input.values, input.answers, false);
  const shown: Record<string, FormError> = {};
  for (const field of visibleFields(input.form, input.values, input.answers)) {
    const error =
      input.server[field.id] ??
      (input.showAll || input.touched.has(field.id) ? strict[field.id] : undefined) ??
      lenient[field.id];
    if (error) shown[field.id] = error;
  }
  return shown;
}

/** One filled field as a case page lists it: its section, label and value. */
export interface FilledField {
  section: string;
  field: FormField;
  value: string | number | boolean;
}

/**
 * The filled fields in the form's order, labelled from the pinned form. Values of fields the form no
 * longer has (never expected: the version is pinned) are listed last under their id, so nothing is hidden.
 */
export function filledFields(form: ItemForm, values: FormValues): FilledField[] {
  const filled: FilledField[] = [];
  const known = new Set<string>();
  for (const section of form.sections) {
    for (const field of section.fields) {
      known.add(field.id);
      const value = values[field.id];
      if (value === undefined || value === null || value === "") continue;
      filled.push({ section: section.title, field, value });
    }
  }
  for (const [id, value] of Object.entries(values)) {
    if (known.has(id) || value === null || value === "") continue;
    filled.push({ section: "", field: { id, label: id, type: "text" } as FormField, value });
  }
  return filled;
}

/** A value as text: ticks as 是/否 (given in the reader's language), numbers as written. */
export function valueText(value: string | number | boolean, yesNo: { yes: string; no: string }): string {
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  return String(value);
}

type ErrorKey =
  | "required"
  | "requiredChoice"
  | "requiredTick"
  | "type"
  | "tooLong"
  | "tooSmall"
  | "tooLarge"
  | "option"
  | "format";

/** The i18n key and parameters of an error's message (`forms.error.*`); `what` names the field's type. */
export function errorMessage(
  error: FormError,
  field: FormField,
): { key: `forms.error.${ErrorKey}`; params: Record<string, string | number> } {
  const params = { label: field.label, limit: error.limit ?? "" };
  if (error.code === "required") {
    const kind: ErrorKey =
      field.type === "checkbox"
        ? "requiredTick"
        : ["select", "radio", "date"].includes(field.type)
          ? "requiredChoice"
          : "required";
    return { key: `forms.error.${kind}`, params };
  }
  const keys = {
    type: "type",
    "too-long": "tooLong",
    "too-small": "tooSmall",
    "too-large": "tooLarge",
    option: "option",
    format: "format",
  } as const satisfies Record<Exclude<FormError["code"], "required">, ErrorKey>;
  return { key: `forms.error.${keys[error.code]}`, params };
}
