import { PrinterOutlined } from "@ant-design/icons";
import {
  Button,
  Descriptions,
  type DescriptionsProps,
  Result,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { getItem, type ItemDetail, type Material } from "./api.ts";
import { formatLimit } from "./time-limit.ts";

/** The service guide (办事指南) of one item (/items/:id), laid out to print as well as to read. */
export function ItemDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const item = useApi((signal) => getItem(id, signal), [id]);
  usePageTitle(item.data?.name ?? t("items.title"));

  if (item.isLoading) return <Loading />;
  // The server answers 400 for an id that cannot exist (not a UUID); to a reader both mean "no such item".
  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t("item.notFound")}</h1>}
        subTitle={item.error.title}
        extra={<Link to="/items">{t("item.backToList")}</Link>}
      />
    );
  }
  if (item.error !== undefined || !item.data) return <LoadError error={item.error} onRetry={item.reload} />;
  return <ItemGuide item={item.data} />;
}

function ItemGuide({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <article className="page item-guide">
      <p className="print-only">{t("item.printHeading")}</p>
      <div className="guide-actions no-print">
        <Link to="/items">{t("item.backToList")}</Link>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("item.printGuide")}
        </Button>
      </div>
      <Typography.Title level={1}>{item.name}</Typography.Title>
      {item.tags.length > 0 && (
        <ul className="guide-tags" aria-label={t("item.tags")}>
          {item.tags.map((tag) => (
            <li key={tag}>
              <Tag color="blue">{tag}</Tag>
            </li>
          ))}
        </ul>
      )}

      <GuideSection id="basic" title={t("item.basicInfo")}>
        <Descriptions bordered column={1} size="small" items={basicInfo(item, t)} />
      </GuideSection>

      <GuideSection id="legal-basis" title={t("item.legalBasis")}>
        <BulletList
          entries={item.legalBasis.map((basis) => `${basis.law} ${basis.article}`.trim())}
          empty={t("common.none")}
        />
      </GuideSection>

      <GuideSection id="conditions" title={t("item.conditions")}>
        <BulletList entries={item.conditions} empty={t("common.none")} ordered />
      </GuideSection>

      {item.situations.length > 0 && (
        <GuideSection id="situations" title={t("item.situations")}>
          <Typography.Paragraph>{t("item.situationsHint")}</Typography.Paragraph>
          <ol className="situation-list">
            {item.situations.map((situation) => (
              <li key={situation.question}>
                <p className="situation-question">{situation.question}</p>
                <p className="situation-options">
                  {t("item.options", { options: situation.options.join(" / ") })}
                </p>
              </li>
            ))}
          </ol>
        </GuideSection>
      )}

      <GuideSection id="materials" title={t("item.materials")}>
        <Table<Material>
          rowKey={(material) => `${material.name}|${material.when ?? ""}`}
          columns={materialColumns(t)}
          dataSource={item.materials}
          pagination={false}
          size="small"
          scroll={{ x: "max-content" }}
        />
      </GuideSection>

      <GuideSection id="time-limits" title={t("item.timeLimits")}>
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            {
              key: "statutory",
              label: t("item.statutoryLimit"),
              children: <StatutoryLimit limit={item.statutoryLimit} />,
            },
            { key: "promised", label: t("item.promisedLimit"), children: formatLimit(item.promisedLimit, t) },
          ]}
        />
      </GuideSection>

      <GuideSection id="fee" title={t("item.feeTitle")}>
        <Descriptions bordered column={1} size="small" items={feeInfo(item.fee, t)} />
      </GuideSection>

      <GuideSection id="delivery" title={t("item.delivery")}>
        <Descriptions bordered column={1} size="small" items={deliveryInfo(item, t)} />
      </GuideSection>

      {item.delegations.length > 0 && (
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
      )}
    </article>
  );
}

function StatutoryLimit({ limit }: { limit: ItemDetail["statutoryLimit"] }) {
  const { t } = useTranslation();
  return (
    <>
      <span>{formatLimit(limit, t)}</span>
      {limit?.text && <span className="limit-text">{limit.text}</span>}
    </>
  );
}

function GuideSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${id}`} className="guide-section">
      <Typography.Title level={2} id={`section-${id}`}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function BulletList({ entries, empty, ordered }: { entries: string[]; empty: string; ordered?: boolean }) {
  if (entries.length === 0) return <Typography.Paragraph>{empty}</Typography.Paragraph>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className="guide-list">
      {entries.map((entry) => (
        <li key={entry}>{entry}</li>
      ))}
    </List>
  );
}

function basicInfo(item: ItemDetail, t: TFunction): DescriptionsProps["items"] {
  const none = t("common.none");
  return [
    { key: "type", label: t("item.type"), children: item.type },
    { key: "department", label: t("item.department"), children: item.department.name },
    { key: "audience", label: t("item.audience"), children: item.audience.join("、") || none },
    { key: "themes", label: t("item.themes"), children: item.themes.join("、") || none },
    { key: "basicCode", label: t("item.basicCode"), children: item.basicCode || none },
    {
      key: "implementationCode",
      label: t("item.implementationCode"),
      children: item.implementationCode || none,
    },
  ];
}

function materialColumns(t: TFunction): TableColumnsType<Material> {
  return [
    { key: "name", title: t("item.materialName"), dataIndex: "name" },
    { key: "form", title: t("item.materialForm"), dataIndex: "form" },
    {
      key: "required",
      title: t("item.materialRequired"),
      render: (_, material) => (material.required ? t("item.required") : t("item.optional")),
    },
    {
      key: "licence",
      title: t("item.materialLicence"),
      render: (_, material) =>
        material.sourceLicence
          ? t("item.licenceReplaces", { name: material.sourceLicence.name })
          : t("common.no"),
    },
    {
      key: "when",
      title: t("item.materialWhen"),
      render: (_, material) => material.when ?? t("item.allSituations"),
    },
  ];
}

/** Formats fen as yuan with two decimals; money travels as integer fen to avoid rounding. */
function yuan(amountFen: number): string {
  return (amountFen / 100).toFixed(2);
}

function feeInfo(fee: ItemDetail["fee"], t: TFunction): DescriptionsProps["items"] {
  const rows: NonNullable<DescriptionsProps["items"]> = [
    {
      key: "charged",
      label: t("item.fee"),
      children: fee.charged ? t("item.feeCharged") : t("item.feeFree"),
    },
  ];
  if (!fee.charged) return rows;
  // The catalog's own wording ("每证20元，低保对象免收") says more than the bare amount, so it wins.
  const amount = fee.amountFen === null ? null : t("item.feeYuan", { amount: yuan(fee.amountFen) });
  rows.push({ key: "amount", label: t("item.feeAmount"), children: fee.text ?? amount ?? t("common.none") });
  rows.push({ key: "basis", label: t("item.feeBasis"), children: fee.basis ?? t("common.none") });
  return rows;
}

function deliveryInfo(item: ItemDetail, t: TFunction): DescriptionsProps["items"] {
  const visits =
    item.maxVisits === null
      ? t("common.none")
      : item.maxVisits === 0
        ? t("item.zeroVisits")
        : t("item.visitsCount", { count: item.maxVisits });
  return [
    {
      key: "depth",
      label: t("item.onlineDepth"),
      children: item.onlineDepth === null ? t("common.none") : t("depth.level", { level: item.onlineDepth }),
    },
    { key: "visits", label: t("item.maxVisits"), children: visits },
  ];
}
