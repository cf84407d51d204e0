import type { formsZhCN } from "./forms.zh-CN.ts";

/** English messages of application forms (申请表), the `forms` section of en-US.ts. */
export const formsEnUS: typeof formsZhCN = {
  title: "Application form",
  intro:
    "Fields marked * are required. Some fields are filled in from your verified identity; please check them.",
  introWindow:
    "Some fields are filled in from the applicant's verified identity; please check them with the applicant.",
  empty: "The form has not been filled in",
  choose: "Choose",
  yes: "Yes",
  no: "No",
  notSaved: "The form has errors; the draft is not saved yet",
  fixFirst: "Please correct the form before uploading materials",
  issues: "{{count}} form fields are missing or wrong",
  type: {
    text: "text",
    textarea: "text",
    number: "number",
    date: "date",
    select: "choice",
    radio: "choice",
    checkbox: "tick",
    phone: "phone number",
    email: "email address",
    idNumber: "citizen ID number",
    creditCode: "unified social credit code",
    address: "address",
  },
  error: {
    required: "Please fill in “{{label}}”",
    requiredChoice: "Please choose “{{label}}”",
    requiredTick: "Please tick “{{label}}”",
    type: "“{{label}}” has the wrong format",
    tooLong: "“{{label}}” may be at most {{limit}} characters",
    tooSmall: "“{{label}}” may not be less than {{limit}}",
    tooLarge: "“{{label}}” may not be more than {{limit}}",
    option: "Please choose “{{label}}” from the options",
    format: "“{{label}}” is not a valid {{what}}",
  },
  editor: {
    title: "Application form",
    intro:
      'The form is defined as JSON: sections (id, title, fields); each field has id, label, type, required and optionally options, min, max, maxLength, help, prefill (name, mobile, idNumber, creditCode, companyName) and visibleWhen ({"field": id, "equals": value} or {"situation": id, "answer": option}). The required contactName (text) and contactPhone (phone) fields must stay.',
    label: "Form definition (JSON)",
    notJson: "Not valid JSON: {{reason}}",
    invalid: "The form definition has {{count}} problems:",
    unknownSituation: "The condition of {{field}} names the unknown situation “{{situation}}”",
    valid: "The form definition is valid: {{sections}} sections, {{fields}} fields",
    reset: "Restore the default form",
    preview: "Preview",
    fieldsTable: "Fields",
    columns: {
      section: "Section",
      id: "Id",
      label: "Label",
      type: "Type",
      required: "Required",
      prefill: "Prefill",
      condition: "Shown when",
    },
  },
};
