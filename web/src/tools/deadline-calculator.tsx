import { Alert, Button, Form, Input, InputNumber, Radio } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInShanghai, weekdayName } from "../app/dates.ts";
import { errorText } from "../app/feedback.tsx";
import { currentLanguage } from "../i18n/i18n.ts";
import { computeDue, type DayUnit, type DueDate } from "./api.ts";

interface DeadlineFields {
  from: string;
  days: number;
  unit: DayUnit;
}

type Outcome = { kind: "due"; value: DueDate } | { kind: "error"; error: unknown };

/** Works out a due date on the official working-day calendar; shared by the portal and the workbench. */
export function DeadlineCalculator({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { t } = useTranslation();
  const [form] = Form.useForm<DeadlineFields>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (fields: DeadlineFields) => {
    setIsBusy(true);
    try {
      setOutcome({ kind: "due", value: await computeDue(fields) });
    } catch (error) {
      setOutcome({ kind: "error", error });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="tool" aria-labelledby="deadline-title">
      <Heading id="deadline-title">{t("deadline.title")}</Heading>
      <p className="tool-intro">{t("deadline.intro")}</p>
      <Form
        form={form}
        name="deadline"
        layout="vertical"
        initialValues={{ from: todayInShanghai(), days: 20, unit: "workday" }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="from"
          label={t("deadline.from")}
          rules={[{ required: true, message: t("deadline.fromRequired") }]}
        >
          <Input type="date" className="date-input" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t("deadline.days")}
          rules={[{ required: true, message: t("deadline.daysRequired") }]}
        >
          <InputNumber min={1} max={3650} precision={0} className="number-input" />
        </Form.Item>
        <Form.Item name="unit" label={t("deadline.unit")}>
          <Radio.Group aria-label={t("deadline.unit")}>
            <Radio value="workday">{t("deadline.workday")}</Radio>
            <Radio value="natural">{t("deadline.natural")}</Radio>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t("deadline.submit")}
        </Button>
      </Form>
      <div role="status" aria-live="polite" className="tool-result" data-testid="deadline-result">
        {outcome?.kind === "due" && <DueResult due={outcome.value} />}
        {outcome?.kind === "error" && <Alert type="error" showIcon title={errorText(outcome.error, t)} />}
      </div>
    </section>
  );
}

function DueResult({ due }: { due: DueDate }) {
  const { t } = useTranslation();
  const weekday = weekdayName(due.due, currentLanguage());
  return (
    <Alert
      type={due.provisional ? "warning" : "success"}
      showIcon
      title={t("deadline.due", { date: `${due.due} (${weekday})` })}
      description={due.provisional ? t("deadline.provisional") : t("deadline.final")}
    />
  );
}
