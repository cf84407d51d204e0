import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type WindowKind, windowKinds } from "../admin/organisations/api.ts";
import { HoursText } from "../admin/organisations/labels.tsx";
import type { GuideWindow, ItemDetail } from "./api.ts";
import { Facts, GuideSection, TextList } from "./guide-parts.tsx";

type Props = { item: ItemDetail };

/** 办理窗口: each window with its place, address, phone and opening hours. */
export function WindowsSection({ item }: Props) {
  const { t } = useTranslation();
  return (
    <GuideSection id="windows" title={t("portal.guide.sections.windows")}>
      {item.windows.length === 0 ? (
        <Typography.Paragraph>{t("portal.guide.windows.empty")}</Typography.Paragraph>
      ) : (
        <ul className="window-list">
          {item.windows.map((window) => (
            <li key={window.id}>
              <WindowCard window={window} />
            </li>
          ))}
        </ul>
      )}
    </GuideSection>
  );
}

function WindowCard({ window }: { window: GuideWindow }) {
  const { t } = useTranslation();
  const { place } = window;
  const kind = windowKinds.find((known): known is WindowKind => known === window.kind);
  return (
    <>
      <h3 className="window-title">{place.name}</h3>
      <Facts
        items={[
          {
            key: "window",
            label: t("portal.guide.windows.window"),
            children: kind
              ? t("portal.guide.windows.windowName", {
                  number: window.number,
                  name: window.name,
                  kind: t(`organisations.windowKinds.${kind}`),
                })
              : `${window.number} ${window.name}`,
          },
          { key: "address", label: t("portal.guide.windows.address"), children: place.address },
          {
            key: "phone",
            label: t("portal.guide.windows.phone"),
            children: place.phone ?? t("portal.guide.none"),
          },
          {
            key: "hours",
            label: t("portal.guide.windows.hours"),
            children: <HoursText hours={window.openingHours ?? place.openingHours} />,
          },
        ]}
      />
    </>
  );
}

/** 就近办: township and village places that accept the item today under a delegation. */
export function NearbySection({ item }: Props) {
  const { t } = useTranslation();
  if (item.delegations.length === 0) return null;
  return (
    <GuideSection id="nearby" title={t("organisations.nearby.title")}>
      <Typography.Paragraph>{t("organisations.nearby.intro")}</Typography.Paragraph>
      <ul className="guide-list">
        {item.delegations.map((d) => (
          <li key={d.place.id}>
            <strong>{d.place.name}</strong>（
            {d.validTo
              ? t("organisations.nearby.between", { from: d.validFrom, to: d.validTo })
              : t("organisations.nearby.since", { from: d.validFrom })}
            ）
          </li>
        ))}
      </ul>
    </GuideSection>
  );
}

/** 咨询与投诉: the item's consultation and complaint phones, and the 12345 hotline. */
export function ContactSection({ item }: Props) {
  const { t } = useTranslation();
  const { consultationPhone, complaintPhone } = item.content;
  const none = t("portal.guide.notStated");
  return (
    <GuideSection id="contact" title={t("portal.guide.sections.contact")}>
      <Facts
        items={[
          {
            key: "consultation",
            label: t("portal.guide.contact.consultation"),
            children: consultationPhone ? <a href={`tel:${consultationPhone}`}>{consultationPhone}</a> : none,
          },
          {
            key: "complaint",
            label: t("portal.guide.contact.complaint"),
            children: complaintPhone ? <a href={`tel:${complaintPhone}`}>{complaintPhone}</a> : none,
          },
        ]}
      />
      <Typography.Paragraph className="guide-note">{t("portal.guide.contact.hotline")}</Typography.Paragraph>
    </GuideSection>
  );
}

/** 常见问题: each question with its answer, readable at once and in print. */
export function FaqSection({ item }: Props) {
  const { t } = useTranslation();
  const { faq } = item.content;
  return (
    <GuideSection id="faq" title={t("portal.guide.sections.faq")}>
      {faq.length === 0 ? (
        <Typography.Paragraph>{t("portal.guide.none")}</Typography.Paragraph>
      ) : (
        <dl className="faq">
          {faq.map((entry) => (
            <div key={entry.question} className="faq-entry">
              <dt>{entry.question}</dt>
              <dd>{entry.answer}</dd>
            </div>
          ))}
        </dl>
      )}
    </GuideSection>
  );
}

/** 权利与义务 of the applicant. */
export function RightsSection({ item }: Props) {
  const { t } = useTranslation();
  return (
    <GuideSection id="rights" title={t("portal.guide.sections.rights")}>
      <h3>{t("portal.guide.rights.rights")}</h3>
      <TextList entries={item.content.rights} />
      <h3>{t("portal.guide.rights.obligations")}</h3>
      <TextList entries={item.content.obligations} />
    </GuideSection>
  );
}

/** 救济途径: where to seek reconsideration or sue. */
export function RemediesSection({ item }: Props) {
  const { t } = useTranslation();
  const { reconsideration, litigation } = item.content.remedies;
  const none = t("portal.guide.notStated");
  return (
    <GuideSection id="remedies" title={t("portal.guide.sections.remedies")}>
      <Facts
        items={[
          {
            key: "reconsideration",
            label: t("portal.guide.remedies.reconsideration"),
            children: reconsideration ?? none,
          },
          { key: "litigation", label: t("portal.guide.remedies.litigation"), children: litigation ?? none },
        ]}
      />
    </GuideSection>
  );
}
