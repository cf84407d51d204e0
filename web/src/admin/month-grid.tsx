import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { weekdayName } from "../app/dates.ts";
import { currentLanguage } from "../i18n/i18n.ts";
import type { CalendarYear } from "./api.ts";
import { type DayKind, dayKind, monthWeeks } from "./calendar-grid.ts";

// 2024-01-01 was a Monday: the seven days from it name the Monday-first columns in any language.
const MONDAY_WEEK = [
  "2024-01-01",
  "2024-01-02",
  "2024-01-03",
  "2024-01-04",
  "2024-01-05",
  "2024-01-06",
  "2024-01-07",
];
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/** Twelve month tables of a year with days off and make-up workdays marked in colour and in words. */
export function MonthGrid({ calendar }: { calendar: CalendarYear }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const daysOff = new Map(calendar.daysOff.map((day) => [day.date, day.name]));
  const workdays = new Map(calendar.workdays.map((day) => [day.date, day.name]));
  const offSet = new Set(daysOff.keys());
  const workSet = new Set(workdays.keys());

  return (
    <div>
      <ul className="calendar-legend" aria-label={t("admin.monthView")}>
        <li>
          <span className="day-swatch day-off" aria-hidden /> {t("admin.legendDayOff")}
        </li>
        <li>
          <span className="day-swatch make-up-workday" aria-hidden /> {t("admin.legendWorkday")}
        </li>
        <li>
          <span className="day-swatch weekend" aria-hidden /> {t("admin.legendWeekend")}
        </li>
      </ul>
      <div className="month-grid">
        {MONTHS.map((month) => (
          <table key={month} className="month-table">
            <caption>{t("admin.monthCaption", { year: calendar.year, month })}</caption>
            <thead>
              <tr>
                {MONDAY_WEEK.map((iso) => (
                  <th key={iso} scope="col" abbr={weekdayName(iso, language, "long")}>
                    {weekdayName(iso, language, "short")}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(calendar.year, month).map((week) => (
                <tr key={week.find(Boolean)}>
                  {week.map((iso, column) =>
                    iso === null ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity but their column.
                      <td key={`pad-${column}`} />
                    ) : (
                      <DayCell
                        key={iso}
                        iso={iso}
                        kind={dayKind(iso, offSet, workSet)}
                        name={daysOff.get(iso) ?? workdays.get(iso)}
                        t={t}
                      />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

function DayCell({
  iso,
  kind,
  name,
  t,
}: {
  iso: string;
  kind: DayKind;
  name: string | undefined;
  t: TFunction;
}) {
  const label = kindLabel(kind, t);
  return (
    <td className={`day ${kind}`} title={label ? [label, name].filter(Boolean).join("：") : undefined}>
      {Number(iso.slice(8))}
      {(kind === "day-off" || kind === "make-up-workday") && (
        <span className="visually-hidden">
          {label}
          {name ? ` ${name}` : ""}
        </span>
      )}
    </td>
  );
}

function kindLabel(kind: DayKind, t: TFunction): string {
  if (kind === "day-off") return t("admin.legendDayOff");
  if (kind === "make-up-workday") return t("admin.legendWorkday");
  if (kind === "weekend") return t("admin.legendWeekend");
  return "";
}
