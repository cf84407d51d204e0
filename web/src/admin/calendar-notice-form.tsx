import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Form, type FormRule, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../app/dates.ts";
import { errorText } from "../app/feedback.tsx";
import { type CalendarDay, type CalendarYear, publishCalendar } from "./api.ts";

interface NoticeFields {
  title: string;
  daysOff: CalendarDay[];
  workdays: CalendarDay[];
}

/** The form that publishes or replaces a year's holiday notice, prefilled with what the year holds now. */
export function CalendarNoticeForm({
  calendar,
  onPublished,
}: {
  calendar: CalendarYear;
  onPublished: (calendar: CalendarYear) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const year = calendar.year;

  const submit = async (fields: NoticeFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const trim = (days: CalendarDay[] = []) =>
        days.map((day) => ({ date: day.date, name: day.name.trim() }));
      const published = await publishCalendar(year, {
        daysOff: trim(fields.daysOff),
        workdays: trim(fields.workdays),
      });
      message.success(t("admin.publishedOk", { year }));
      onPublished(published);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="notice-title" className="notice-form">
      <Typography.Title level={2} id="notice-title">
        {t("admin.publishTitle")}
      </Typography.Title>
      <Typography.Paragraph>{t("admin.publishHint")}</Typography.Paragraph>
      <Form<NoticeFields>
        name={`notice-${year}`}
        layout="vertical"
        initialValues={{
          title: calendar.title ?? "",
          daysOff: calendar.daysOff,
          workdays: calendar.workdays,
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item name="title" label={t("admin.noticeTitle")}>
          <Input maxLength={100} placeholder={t("admin.noticeTitlePlaceholder", { year })} />
        </Form.Item>
        <DayRows list="daysOff" year={year} title={t("admin.daysOff")} addLabel={t("admin.addDayOff")} />
        <DayRows list="workdays" year={year} title={t("admin.workdays")} addLabel={t("admin.addWorkday")} />
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t("admin.submit", { year })}
        </Button>
      </Form>
    </section>
  );
}

function DayRows({
  list,
  year,
  title,
  addLabel,
}: {
  list: "daysOff" | "workdays";
  year: number;
  title: string;
  addLabel: string;
}) {
  const { t } = useTranslation();
  const dateRules: FormRule[] = [
    { required: true, message: t("admin.dateRequired") },
    {
      validator: (_, value: string | undefined) =>
        !value || (isIsoDate(value) && value.startsWith(`${year}-`))
          ? Promise.resolve()
          : Promise.reject(new Error(t("admin.dateOutsideYear", { year }))),
    },
  ];

  return (
    <fieldset className="day-rows">
      <legend>{title}</legend>
      <Form.List name={list}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const row = t("admin.rowLabel", { index: index + 1 });
              return (
                <div key={field.key} className="day-row">
                  <Form.Item name={[field.name, "date"]} rules={dateRules} className="day-row-date">
                    <Input type="date" aria-label={`${title} ${row} ${t("admin.date")}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "name"]}
                    rules={[{ required: true, whitespace: true, message: t("admin.nameRequired") }]}
                    className="day-row-name"
                  >
                    <Input aria-label={`${title} ${row} ${t("admin.name")}`} maxLength={40} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t("common.remove")} ${title} ${row}`}
                    onClick={() => remove(field.name)}
                  />
                </div>
              );
            })}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ date: "", name: "" })}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
