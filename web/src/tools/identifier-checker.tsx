import { Alert, Button, Form, Input, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import { type IdentifierCheck, type IdentifierType, validateIdentifier } from "./api.ts";

interface IdentifierFields {
  type: IdentifierType;
  value: string;
}

type Outcome = { kind: "check"; value: IdentifierCheck } | { kind: "error"; error: unknown };

/** Checks a 公民身份号码 or 统一社会信用代码 and says in words what is wrong; shared by portal and workbench. */
export function IdentifierChecker({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (fields: IdentifierFields) => {
    setIsBusy(true);
    try {
      // People paste numbers with spaces; the check is about the characters, not the layout.
      const value = fields.value.replace(/\s+/g, "").toUpperCase();
      setOutcome({ kind: "check", value: await validateIdentifier({ type: fields.type, value }) });
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="tool" aria-labelledby="identifier-title">
      <Heading id="identifier-title">{t("identifier.title")}</Heading>
      <p className="tool-intro">{t("identifier.intro")}</p>
      <Form<IdentifierFields>
        name="identifier"
        layout="vertical"
        initialValues={{ type: "citizen-id", value: "" }}
        onValuesChange={() => setOutcome(null)}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item name="type" label={t("identifier.type")}>
          <Radio.Group aria-label={t("identifier.type")}>
            <Radio value="citizen-id">{t("identifier.citizenId")}</Radio>
            <Radio value="credit-code">{t("identifier.creditCode")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="value"
          label={t("identifier.value")}
          rules={[{ required: true, whitespace: true, message: t("identifier.valueRequired") }]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={40} className="identifier-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t("identifier.submit")}
        </Button>
      </Form>
      <div role="status" aria-live="polite" className="tool-result" data-testid="identifier-result">
        {outcome?.kind === "check" &&
          (outcome.value.valid ? (
            <Alert type="success" showIcon title={t("identifier.valid")} />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t("identifier.invalid", { reason: t(`identifier.reason.${outcome.value.reason}`) })}
            />
          ))}
        {outcome?.kind === "error" && <Alert type="error" showIcon title={errorText(outcome.error, t)} />}
      </div>
    </section>
  );
}
