import { defaultForm, type FormValues, type ItemForm, prefillSources } from "@tongban/core";
import { Alert, Button, Form, Input, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormFields } from "../../cases/form-fields.tsx";
import { formErrors } from "../../cases/form-values.ts";
import { type FormTextProblem, readFormText } from "./form-text.ts";

/**
 * 申请表 (the item's application form) in the item editor, below the 情形引导 its conditions may name: the definition as JSON text checked against
 * the core schema as it is typed, a table of its fields and a live preview rendered as applicants see it.
 * Invalid text hands the editor's form what it cannot parse, so the shared schema blocks saving.
 */
export function FormSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="catalog-form-title" className="catalog-form-section">
      <Typography.Title level={2} id="catalog-form-title">
        {t("forms.editor.title")}
      </Typography.Title>
      <Typography.Paragraph>{t("forms.editor.intro")}</Typography.Paragraph>
      <Form.Item name="form" label={t("forms.editor.label")}>
        <FormInput />
      </Form.Item>
    </section>
  );
}

function FormInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? defaultForm(), null, 2));
  const situations = (Form.useWatch("situations", { preserve: true }) ?? []) as { id?: string }[];
  const read = readFormText(
    text,
    situations.map((situation) => situation.id ?? ""),
  );
  const edit = (next: string) => {
    setText(next);
    const parsed = readFormText(next, []);
    onChange?.(parsed.ok ? parsed.form : parsed.raw);
  };
  const problems = read.ok ? read.warnings : read.problems;
  return (
    <>
      <Input.TextArea
        id={id}
        rows={16}
        spellCheck={false}
        className="catalog-json"
        value={text}
        onChange={(event) => edit(event.target.value)}
      />
      <Button className="catalog-form-reset" onClick={() => edit(JSON.stringify(defaultForm(), null, 2))}>
        {t("forms.editor.reset")}
      </Button>
      <div role="status">
        {read.ok ? (
          <Alert
            type={problems.length > 0 ? "warning" : "success"}
            showIcon
            title={t("forms.editor.valid", {
              sections: read.form.sections.length,
              fields: read.form.sections.reduce((sum, section) => sum + section.fields.length, 0),
            })}
            description={problems.length > 0 ? <ProblemList problems={problems} /> : undefined}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            title={t("forms.editor.invalid", { count: problems.length })}
            description={<ProblemList problems={problems} />}
          />
        )}
      </div>
      {read.ok && <FieldTable form={read.form} />}
      {read.ok && <Preview form={read.form} />}
    </>
  );
}

function ProblemList({ problems }: { problems: FormTextProblem[] }) {
  const { t } = useTranslation();
  return (
    <ul className="catalog-form-problems">
      {problems.map((problem) => {
        const text =
          problem.kind === "json"
            ? t("forms.editor.notJson", { reason: problem.reason })
            : problem.kind === "situation"
              ? t("forms.editor.unknownSituation", { field: problem.field, situation: problem.situation })
              : `${problem.where}：${problem.message}`;
        return <li key={text}>{text}</li>;
      })}
    </ul>
  );
}

interface Row {
  key: string;
  section: string;
  id: string;
  label: string;
  type: string;
  required: boolean;
  prefill: string;
  condition: string;
}

function FieldTable({ form }: { form: ItemForm }) {
  const { t } = useTranslation();
  const rows: Row[] = form.sections.flatMap((section) =>
    section.fields.map((field) => {
      const when = field.visibleWhen;
      return {
        key: field.id,
        section: section.title,
        id: field.id,
        label: field.label,
        type: t(`forms.type.${field.type}`),
        required: field.required,
        prefill: field.prefill ? prefillSources[field.prefill] : "",
        condition: !when
          ? ""
          : "field" in when
            ? `${when.field} = ${String(when.equals)}`
            : `${when.situation} = ${when.answer}`,
      };
    }),
  );
  const column = (key: Exclude<keyof Row, "key">) => ({
    key,
    dataIndex: key,
    title: t(`forms.editor.columns.${key}` as const),
  });
  return (
    <section aria-labelledby="catalog-form-fields" className="catalog-form-fields">
      <Typography.Title level={3} id="catalog-form-fields">
        {t("forms.editor.fieldsTable")}
      </Typography.Title>
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          column("section"),
          column("id"),
          column("label"),
          column("type"),
          {
            ...column("required"),
            render: (required: boolean) => (required ? t("forms.yes") : t("forms.no")),
          },
          column("prefill"),
          column("condition"),
        ]}
      />
    </section>
  );
}

/** The form as applicants will see it, with conditions working; nothing typed here is kept. */
function Preview({ form }: { form: ItemForm }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>({});
  return (
    <section aria-labelledby="catalog-form-preview" className="catalog-form-preview">
      <Typography.Title level={3} id="catalog-form-preview">
        {t("forms.editor.preview")}
      </Typography.Title>
      <FormFields
        form={form}
        values={values}
        answers={{}}
        errors={formErrors(form, values, {}, false)}
        idPrefix="catalog-form-preview-"
        headingLevel={4}
        onChange={(field, value) => setValues((previous) => ({ ...previous, [field]: value }))}
      />
    </section>
  );
}
