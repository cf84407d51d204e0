import { Form, Input } from "antd";
import type { NamePath } from "antd/es/form/interface";
import { useTranslation } from "react-i18next";

/** Start and end dates (inclusive legal dates) of a grant, the end not before the start. */
export function PeriodFields() {
  const { t } = useTranslation();
  const from: NamePath = "validFrom";
  return (
    <div className="period-fields">
      <Form.Item
        name="validFrom"
        label={t("authorise.validFrom")}
        rules={[{ required: true, message: t("authorise.dateRequired") }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="validTo"
        label={t("authorise.validTo")}
        dependencies={[from]}
        rules={[
          { required: true, message: t("authorise.dateRequired") },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || !getFieldValue(from) || value >= getFieldValue(from)
                ? Promise.resolve()
                : Promise.reject(new Error(t("authorise.periodInvalid"))),
          }),
        ]}
      >
        <Input type="date" />
      </Form.Item>
    </div>
  );
}
