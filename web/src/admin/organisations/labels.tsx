import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { weekdayName } from "../../app/dates.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import type { DelegationStatus, OpeningHours, PlaceKind } from "./api.ts";
import { describeHours } from "./hours.ts";

// 2024-01-01 was a Monday, so 2024-01-0N is ISO weekday N in any language.
const mondayWeek = (weekday: number) => `2024-01-0${weekday}`;

/** Names ISO weekdays (1 = Monday) in the current language, short form: 周一 / Mon. */
export function useWeekdayName(): (weekday: number) => string {
  useTranslation(); // re-render on language change
  const language = currentLanguage();
  return (weekday) => weekdayName(mondayWeek(weekday), language, "short");
}

/** Weekly hours as short lines, with their notes. */
export function HoursText({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation();
  const dayName = useWeekdayName();
  const lines = describeHours(hours.periods, dayName, t("organisations.hours.through"));
  return (
    <div className="org-hours-text">
      {lines.length === 0 ? t("common.none") : lines.map((line) => <div key={line}>{line}</div>)}
      {hours.notes.length > 0 && (
        <ul className="org-notes">
          {hours.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

// Our own tag colours (organisations.css): Ant Design's light green and cyan tags miss WCAG AA contrast.
const placeColors: Record<PlaceKind, string> = {
  "service-centre": "org-tag-blue",
  "convenience-centre": "org-tag-green",
  "convenience-station": "org-tag-cyan",
};

/** A place kind as a coloured tag with its words. */
export function PlaceKindTag({ kind }: { kind: PlaceKind }) {
  const { t } = useTranslation();
  return <Tag className={placeColors[kind]}>{t(`organisations.placeKinds.${kind}`)}</Tag>;
}

const statusColors: Record<DelegationStatus, string> = {
  active: "org-tag-green",
  scheduled: "org-tag-blue",
  expired: "org-tag-grey",
  revoked: "org-tag-red",
};

/** A delegation's status as a coloured tag with its words. */
export function StatusTag({ status }: { status: DelegationStatus }) {
  const { t } = useTranslation();
  return <Tag className={statusColors[status]}>{t(`organisations.delegations.statuses.${status}`)}</Tag>;
}

/** A validity period in words: "2025-01-01 起" or "2025-01-01 至 2027-12-31". */
export function usePeriodText(): (from: string | null, to: string | null) => string {
  const { t } = useTranslation();
  return (from, to) => {
    if (!from && !to) return t("organisations.period.always");
    if (!to) return t("organisations.period.from", { from });
    if (!from) return t("organisations.period.until", { to });
    return t("organisations.period.between", { from, to });
  };
}
