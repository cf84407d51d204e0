import { PrinterOutlined } from "@ant-design/icons";
import { Button, Result, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { getItem, type ItemDetail } from "./api.ts";
import { ApplyActions } from "./apply-actions.tsx";
import {
  BasicInfoSection,
  ConditionsSection,
  DeliverySection,
  FeesSection,
  LegalBasisSection,
  ProcessSection,
  ResultSection,
  TimeLimitsSection,
} from "./guide-facts.tsx";
import { GuideSection } from "./guide-parts.tsx";
import {
  ContactSection,
  FaqSection,
  NearbySection,
  RemediesSection,
  RightsSection,
  WindowsSection,
} from "./guide-service.tsx";
import { MaterialsTable } from "./materials-table.tsx";
import { SituationGuide } from "./situation-guide.tsx";

/** The service guide (办事指南) of one item (/items/:id), laid out to print as well as to read. */
export function ItemDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const item = useApi((signal) => getItem(id, signal), [id]);
  usePageTitle(item.data?.content.name ?? t("portal.browse.title"));

  if (item.isLoading) return <Loading />;
  // The server answers 400 for an id that cannot exist (not a UUID); to a reader both mean "no such item".
  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t("portal.guide.notFound")}</h1>}
        subTitle={item.error.title}
        extra={<Link to="/items">{t("portal.guide.backToList")}</Link>}
      />
    );
  }
  if (item.error !== undefined || !item.data) return <LoadError error={item.error} onRetry={item.reload} />;
  return <ItemGuide item={item.data} />;
}

function ItemGuide({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { content } = item;
  return (
    <article className="page item-guide">
      <p className="print-only">{t("portal.guide.printHeading")}</p>
      <div className="guide-actions no-print">
        <Link to="/items">{t("portal.guide.backToList")}</Link>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("portal.guide.printGuide")}
        </Button>
      </div>
      <header className="guide-header">
        <Typography.Title level={1}>{content.name}</Typography.Title>
        <p className="guide-version">
          {item.department.name} ·{" "}
          {t("portal.guide.version", { version: item.version, date: item.effectiveFrom })}
        </p>
        {content.tags.length > 0 && (
          <ul className="guide-tags" aria-label={t("portal.guide.basic.tags")}>
            {content.tags.map((tag) => (
              <li key={tag}>
                <Tag color="blue">{t(`portal.tags.${tag}`)}</Tag>
              </li>
            ))}
          </ul>
        )}
      </header>
      <ApplyActions item={item} />
      <Contents item={item} />

      <BasicInfoSection item={item} />
      <LegalBasisSection item={item} />
      <ConditionsSection item={item} />
      <SituationGuide item={item} />
      <GuideSection id="materials" title={t("portal.guide.sections.materials")}>
        <MaterialsTable materials={content.materials} licenceTypes={item.licenceTypes} />
      </GuideSection>
      <TimeLimitsSection item={item} />
      <FeesSection item={item} />
      <ProcessSection item={item} />
      <ResultSection item={item} />
      <DeliverySection item={item} />
      <WindowsSection item={item} />
      <NearbySection item={item} />
      <ContactSection item={item} />
      <FaqSection item={item} />
      <RightsSection item={item} />
      <RemediesSection item={item} />
    </article>
  );
}

/** Links to each part of a long guide, in page order; sections the item lacks are left out. */
function Contents({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const entries: { id: string; title: string }[] = [
    { id: "basic", title: t("portal.guide.sections.basic") },
    { id: "legalBasis", title: t("portal.guide.sections.legalBasis") },
    { id: "conditions", title: t("portal.guide.sections.conditions") },
    ...(item.content.situations.length > 0
      ? [{ id: "situations", title: t("portal.guide.sections.situations") }]
      : []),
    { id: "materials", title: t("portal.guide.sections.materials") },
    { id: "timeLimits", title: t("portal.guide.sections.timeLimits") },
    { id: "fees", title: t("portal.guide.sections.fees") },
    { id: "process", title: t("portal.guide.sections.process") },
    { id: "result", title: t("portal.guide.sections.result") },
    { id: "delivery", title: t("portal.guide.sections.delivery") },
    { id: "windows", title: t("portal.guide.sections.windows") },
    ...(item.delegations.length > 0 ? [{ id: "nearby", title: t("organisations.nearby.title") }] : []),
    { id: "contact", title: t("portal.guide.sections.contact") },
    { id: "faq", title: t("portal.guide.sections.faq") },
    { id: "rights", title: t("portal.guide.sections.rights") },
    { id: "remedies", title: t("portal.guide.sections.remedies") },
  ];
  return (
    <nav aria-label={t("portal.guide.contents")} className="guide-contents no-print">
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
