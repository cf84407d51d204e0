import { type FormField, type FormValues, type ItemForm, maxLengthOf, visibleFields } from "@tongban/core";
import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseForm } from "./api.ts";
import { errorMessage, type FieldErrors, filledFields, valueText } from "./form-values.ts";

type Value = CaseForm[string];

/**
 * The application form (申请表) as the item version defines it: each section a titled group, one AntD
 * control per field type, fields shown or hidden as their conditions are met while the person types,
 * and each field's error (from the core rules or from the server) under it.
 */
export function FormFields({
  form,
  values,
  answers,
  errors,
  onChange,
  idPrefix = "case-form-",
  headingLevel = 3,
}: {
  form: ItemForm;
  values: FormValues;
  answers: Record<string, string>;
  errors: FieldErrors;
  onChange: (id: string, value: Value) => void;
  idPrefix?: string;
  /** The sections' heading level, one below the heading the form sits under. */
  headingLevel?: 3 | 4;
}) {
  const shown = new Set(visibleFields(form, values, answers).map((field) => field.id));
  return (
    <Form layout="vertical" component={false}>
      {form.sections.map((section) => {
        const fields = section.fields.filter((field) => shown.has(field.id));
        if (fields.length === 0) return null;
        const titleId = `${idPrefix}section-${section.id}`;
        return (
          <section key={section.id} aria-labelledby={titleId} className="case-form-section">
            <Typography.Title level={headingLevel} id={titleId}>
              {section.title}
            </Typography.Title>
            {fields.map((field) => (
              <FieldItem
                key={field.id}
                field={field}
                id={`${idPrefix}${field.id}`}
                value={values[field.id]}
                error={errors[field.id]}
                onChange={(value) => onChange(field.id, value)}
              />
            ))}
          </section>
        );
      })}
    </Form>
  );
}

function FieldItem({
  field,
  id,
  value,
  error,
  onChange,
}: {
  field: FormField;
  id: string;
  value: Value | undefined;
  error: FieldErrors[string] | undefined;
  onChange: (value: Value) => void;
}) {
  const { t } = useTranslation();
  const message = error
    ? (() => {
        const { key, params } = errorMessage(error, field);
        return t(key, { ...params, what: t(`forms.type.${field.type}`) });
      })()
    : undefined;
  const helpId = `${id}-help`;
  const described = [message ? `${id}-error` : null, field.help ? helpId : null].filter(Boolean).join(" ");
  const common = {
    id,
    "aria-invalid": message ? true : undefined,
    ...(described ? { "aria-describedby": described } : {}),
  };
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  const labelId = `${id}-label`;
  const label = <span id={labelId}>{field.label}</span>;
  const isTick = field.type === "checkbox";
  return (
    <Form.Item
      label={isTick ? undefined : label}
      {...(field.type === "radio" || isTick ? {} : { htmlFor: id })}
      required={field.required}
      validateStatus={message ? "error" : undefined}
      help={message ? <span id={`${id}-error`}>{message}</span> : undefined}
      extra={field.help ? <span id={helpId}>{field.help}</span> : undefined}
    >
      {(() => {
        switch (field.type) {
          case "textarea":
            return (
              <Input.TextArea
                {...common}
                rows={3}
                maxLength={maxLengthOf(field)}
                value={text}
                onChange={(event) => onChange(event.target.value)}
              />
            );
          case "number":
            return (
              <InputNumber
                {...common}
                className="case-form-number"
                min={field.min}
                max={field.max}
                value={typeof value === "number" ? value : null}
                onChange={(next) => onChange(typeof next === "number" ? next : null)}
              />
            );
          case "select":
            return (
              <Select
                {...common}
                virtual={false}
                allowClear
                value={text || undefined}
                placeholder={t("forms.choose")}
                options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
                onChange={(next: string | undefined) => onChange(next ?? null)}
              />
            );
          case "radio":
            return (
              <Radio.Group
                {...common}
                aria-labelledby={labelId}
                value={text || undefined}
                options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
                onChange={(event) => onChange(String(event.target.value))}
              />
            );
          case "checkbox":
            return (
              <Checkbox
                {...common}
                checked={value === true}
                onChange={(event) => onChange(event.target.checked)}
              >
                {field.label}
              </Checkbox>
            );
          default:
            return (
              <Input
                {...common}
                type={field.type === "date" ? "date" : field.type === "email" ? "email" : "text"}
                inputMode={field.type === "phone" ? "tel" : undefined}
                autoComplete={autoCompleteOf(field)}
                maxLength={maxLengthOf(field)}
                value={text}
                onChange={(event) => onChange(event.target.value)}
              />
            );
        }
      })()}
    </Form.Item>
  );
}

function autoCompleteOf(field: FormField): string {
  if (field.prefill === "name") return "name";
  if (field.type === "phone") return "tel";
  if (field.type === "email") return "email";
  if (field.type === "address") return "street-address";
  return "off";
}

/** Every filled field of a case's form with its label from the pinned form, grouped as the form groups them. */
export function CaseFormValues({ form, values }: { form: ItemForm; values: FormValues }) {
  const { t } = useTranslation();
  const filled = filledFields(form, values);
  const yesNo = { yes: t("forms.yes"), no: t("forms.no") };
  return (
    <section aria-labelledby="case-form-values-title" className="case-section">
      <Typography.Title level={2} id="case-form-values-title">
        {t("forms.title")}
      </Typography.Title>
      {filled.length === 0 ? (
        <Typography.Paragraph>{t("forms.empty")}</Typography.Paragraph>
      ) : (
        <dl className="case-answers case-form-values">
          {filled.map(({ field, value }) => (
            <div key={field.id}>
              <dt>{field.label}</dt>
              <dd>{valueText(value, yesNo)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
