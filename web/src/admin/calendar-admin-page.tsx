import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, Button, InputNumber, Table, type TableColumnsType, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { todayInShanghai, weekdayName } from "../app/dates.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { currentLanguage } from "../i18n/i18n.ts";
import { type CalendarDay, type CalendarYear, getCalendar } from "./api.ts";
import { CalendarNoticeForm } from "./calendar-notice-form.tsx";
import { MonthGrid } from "./month-grid.tsx";

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function yearFrom(value: string | null): number {
  const year = Number(value);
  if (Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) return year;
  return Number(todayInShanghai().slice(0, 4));
}

/** Working-day calendar management (/admin): see a year's notice and publish or replace it. */
export function CalendarAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t("admin.calendarTitle"));
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get("year"));
  const calendar = useApi((signal) => getCalendar(year, signal), [year]);

  const chooseYear = (next: number | null) => {
    if (next === null || next < MIN_YEAR || next > MAX_YEAR) return;
    setParams({ year: String(next) });
  };

  return (
    <div className="page">
      <Typography.Title level={1}>{t("admin.calendarTitle")}</Typography.Title>
      <Typography.Paragraph>{t("admin.calendarIntro")}</Typography.Paragraph>
      <div className="year-picker">
        <Button
          icon={<LeftOutlined aria-hidden />}
          aria-label={t("admin.previousYear")}
          onClick={() => chooseYear(year - 1)}
        />
        <label htmlFor="calendar-year">{t("admin.year")}</label>
        <InputNumber
          id="calendar-year"
          value={year}
          min={MIN_YEAR}
          max={MAX_YEAR}
          precision={0}
          onChange={(value) => chooseYear(value)}
        />
        <Button
          icon={<RightOutlined aria-hidden />}
          aria-label={t("admin.nextYear")}
          onClick={() => chooseYear(year + 1)}
        />
        {calendar.data?.year === year && <PublishedTag published={calendar.data.published} />}
      </div>
      {calendar.isLoading && <Loading />}
      {calendar.error !== undefined && <LoadError error={calendar.error} onRetry={calendar.reload} />}
      {calendar.data && !calendar.isLoading && (
        <YearView calendar={calendar.data} onChanged={calendar.reload} />
      )}
    </div>
  );
}

function PublishedTag({ published }: { published: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={published ? "blue" : "default"} className="published-tag" data-testid="calendar-status">
      {published ? t("admin.published") : t("admin.unpublished")}
    </Tag>
  );
}

function YearView({ calendar, onChanged }: { calendar: CalendarYear; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {calendar.published && calendar.title && (
        <Typography.Paragraph strong>{calendar.title}</Typography.Paragraph>
      )}
      {!calendar.published && <Alert type="warning" showIcon title={t("admin.unpublishedHint")} />}
      <Tabs
        className="calendar-tabs"
        items={[
          { key: "table", label: t("admin.tableView"), children: <DayTables calendar={calendar} /> },
          { key: "months", label: t("admin.monthView"), children: <MonthGrid calendar={calendar} /> },
        ]}
      />
      {/* Keyed by the held notice so the form starts over from what the server now holds after publishing. */}
      <CalendarNoticeForm key={JSON.stringify(calendar)} calendar={calendar} onPublished={onChanged} />
    </>
  );
}

function DayTables({ calendar }: { calendar: CalendarYear }) {
  const { t } = useTranslation();
  return (
    <div className="day-tables">
      <DayTable id="days-off" title={t("admin.daysOff")} days={calendar.daysOff} />
      <DayTable id="workdays" title={t("admin.workdays")} days={calendar.workdays} />
    </div>
  );
}

function DayTable({ id, title, days }: { id: string; title: string; days: CalendarDay[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: TableColumnsType<CalendarDay> = [
    {
      key: "date",
      title: t("admin.date"),
      render: (_, day) => `${day.date}（${weekdayName(day.date, language, "short")}）`,
    },
    { key: "name", title: t("admin.name"), dataIndex: "name" },
  ];
  return (
    <section aria-labelledby={`${id}-title`}>
      <Typography.Title level={3} id={`${id}-title`}>
        {title}
      </Typography.Title>
      <Table<CalendarDay>
        rowKey="date"
        columns={columns}
        dataSource={[...days].sort((a, b) => a.date.localeCompare(b.date))}
        pagination={false}
        size="small"
        locale={{ emptyText: t("admin.noEntries") }}
      />
    </section>
  );
}
