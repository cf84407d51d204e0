import type { Finding } from "@tongban/core";
import { Alert, Form, type FormInstance, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../app/dates.ts";
import type { Validation } from "./api.ts";
import { FindingList } from "./catalog-parts.tsx";

/** The change request's own fields: when it takes effect, why, and the law change it follows (if any). */
export interface ChangeMeta {
  effectiveFrom: string;
  reason: string;
  lawChangedOn: string;
}

/** Effective date, reason and 法律修订日期 of a change request. */
export function ChangeMetaForm({ form, initial }: { form: FormInstance<ChangeMeta>; initial: ChangeMeta }) {
  const { t } = useTranslation();
  const dateRule = {
    validator: (_: unknown, value: string | undefined) =>
      !value || isIsoDate(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t("catalogAdmin.validation.date"))),
  };
  return (
    <Form form={form} layout="vertical" name="change" initialValues={initial}>
      <Typography.Title level={2} className="catalog-side-title">
        {t("catalogAdmin.editor.changeInfo")}
      </Typography.Title>
      <Form.Item
        name="effectiveFrom"
        label={t("catalogAdmin.editor.effectiveFrom")}
        rules={[{ required: true, message: t("catalogAdmin.validation.required") }, dateRule]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("catalogAdmin.editor.reason")}
        rules={[{ required: true, whitespace: true, message: t("catalogAdmin.validation.required") }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item
        name="lawChangedOn"
        label={t("catalogAdmin.editor.lawChangedOn")}
        extra={t("catalogAdmin.editor.lawChangedOnHint")}
        rules={[dateRule]}
      >
        <Input type="date" />
      </Form.Item>
    </Form>
  );
}

/** Beside the form: the completeness score, what is missing, and the consistency findings. */
export function ValidationPanel({
  validation,
  fieldErrorCount,
  blocking,
}: {
  validation: Validation | undefined;
  fieldErrorCount: number;
  blocking: Finding[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="catalog-validation" aria-labelledby="validation-title">
      <Typography.Title level={2} id="validation-title" className="catalog-side-title">
        {t("catalogAdmin.editor.checks")}
      </Typography.Title>
      <p role="status" data-testid="field-error-count">
        {fieldErrorCount === 0
          ? t("catalogAdmin.editor.noFieldErrors")
          : t("catalogAdmin.editor.fieldErrors", { count: fieldErrorCount })}
      </p>
      {blocking && blocking.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("catalogAdmin.editor.blocked")}
          description={<FindingList findings={blocking} />}
        />
      )}
      {validation && (
        <>
          {validation.completeness && <CompletenessLines completeness={validation.completeness} />}
          <Typography.Title level={3} className="catalog-side-title">
            {t("catalogAdmin.editor.findings")}
          </Typography.Title>
          <FindingList findings={validation.findings} />
        </>
      )}
    </section>
  );
}

function CompletenessLines({ completeness }: { completeness: { score: number; missing: string[] } }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="catalog-score" data-testid="completeness">
        {t("catalogAdmin.editor.completeness", { score: completeness.score })}
      </p>
      {completeness.missing.length > 0 && (
        <p>{t("catalogAdmin.editor.missing", { elements: completeness.missing.join("、") })}</p>
      )}
    </>
  );
}
