import type { TimeLimit } from "@tongban/core";
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ItemDetail } from "./api.ts";
import { depthKey, formatLimit, formatYuan, romanDepth } from "./format.ts";
import { Facts, FileLink, GuideSection, TextList } from "./guide-parts.tsx";

type Props = { item: ItemDetail };

/** 基本信息: what the item is, who implements it at which level, for whom, under which codes. */
export function BasicInfoSection({ item }: Props) {
  const { t } = useTranslation();
  const { content } = item;
  const audience = content.audience.map((a) => t(`portal.audiences.${a}`)).join(t("portal.listSeparator"));
  const none = t("portal.guide.none");
  return (
    <GuideSection id="basic" title={t("portal.guide.sections.basic")}>
      <Facts
        items={[
          { key: "name", label: t("portal.guide.basic.name"), children: content.name },
          { key: "type", label: t("portal.guide.basic.type"), children: t(`portal.types.${content.type}`) },
          {
            key: "level",
            label: t("portal.guide.basic.level"),
            children: t(`portal.levels.${content.level}`),
          },
          { key: "department", label: t("portal.guide.basic.department"), children: item.department.name },
          { key: "region", label: t("portal.guide.basic.region"), children: item.region.name },
          {
            key: "audience",
            label: t("portal.guide.basic.audience"),
            // Subtypes (个体工商户, 老年人) refine the audience, so they follow it in brackets.
            children:
              content.audienceDetail.length > 0
                ? t("portal.guide.basic.audienceWithDetail", {
                    audience,
                    detail: content.audienceDetail.join(t("portal.listSeparator")),
                  })
                : audience,
          },
          {
            key: "themes",
            label: t("portal.guide.basic.themes"),
            children:
              content.themes.map((theme) => t(`portal.themes.${theme}`)).join(t("portal.listSeparator")) ||
              none,
          },
          {
            key: "processing",
            label: t("portal.guide.basic.processing"),
            children: t(`portal.processing.${content.processing}`),
          },
          { key: "basicCode", label: t("portal.guide.basic.basicCode"), children: content.basicCode },
          {
            key: "implementationCode",
            label: t("portal.guide.basic.implementationCode"),
            children: content.implementationCode,
          },
        ]}
      />
    </GuideSection>
  );
}

/** 设定依据: each law with its article and, when given, the article's words. */
export function LegalBasisSection({ item }: Props) {
  const { t } = useTranslation();
  const { legalBasis } = item.content;
  return (
    <GuideSection id="legalBasis" title={t("portal.guide.sections.legalBasis")}>
      {legalBasis.length === 0 ? (
        <Typography.Paragraph>{t("portal.guide.none")}</Typography.Paragraph>
      ) : (
        <ul className="guide-list legal-basis">
          {legalBasis.map((basis) => (
            <li key={`${basis.law}|${basis.article ?? ""}`}>
              <strong>
                {basis.law}
                {basis.article ?? ""}
              </strong>
              {basis.text && <blockquote className="law-text">{basis.text}</blockquote>}
            </li>
          ))}
        </ul>
      )}
    </GuideSection>
  );
}

/** 受理条件. */
export function ConditionsSection({ item }: Props) {
  const { t } = useTranslation();
  return (
    <GuideSection id="conditions" title={t("portal.guide.sections.conditions")}>
      <TextList entries={item.content.conditions} ordered />
    </GuideSection>
  );
}

/** 办理时限: statutory and promised, each with its unit and the catalog's own wording. */
export function TimeLimitsSection({ item }: Props) {
  const { t } = useTranslation();
  const { content } = item;
  return (
    <GuideSection id="timeLimits" title={t("portal.guide.sections.timeLimits")}>
      <Facts
        items={[
          {
            key: "processing",
            label: t("portal.guide.basic.processing"),
            children: t(`portal.processing.${content.processing}`),
          },
          {
            key: "statutory",
            label: t("portal.guide.limits.statutory"),
            children: <LimitText limit={content.statutoryLimit} />,
          },
          {
            key: "promised",
            label: t("portal.guide.limits.promised"),
            children: <LimitText limit={content.promisedLimit} />,
          },
        ]}
      />
    </GuideSection>
  );
}

function LimitText({ limit }: { limit: TimeLimit | null }) {
  const { t } = useTranslation();
  return (
    <>
      <span>{formatLimit(limit, t)}</span>
      {limit?.text && <span className="limit-text">{limit.text}</span>}
    </>
  );
}

/** 收费标准: each fee in yuan (stored in fen) with its basis, or a plain "free of charge". */
export function FeesSection({ item }: Props) {
  const { t } = useTranslation();
  const { fees } = item.content;
  return (
    <GuideSection id="fees" title={t("portal.guide.sections.fees")}>
      {fees.length === 0 ? (
        <Typography.Paragraph>{t("portal.guide.fees.free")}</Typography.Paragraph>
      ) : (
        <Table
          rowKey="name"
          dataSource={fees}
          pagination={false}
          size="small"
          bordered
          columns={[
            { key: "name", title: t("portal.guide.fees.name"), dataIndex: "name" },
            {
              key: "amount",
              title: t("portal.guide.fees.amount"),
              render: (_, fee) => t("portal.guide.fees.yuan", { amount: formatYuan(fee.amountFen) }),
            },
            {
              key: "basis",
              title: t("portal.guide.fees.basis"),
              render: (_, fee) => fee.basis ?? t("portal.guide.none"),
            },
          ]}
        />
      )}
    </GuideSection>
  );
}

/** 办理流程: the steps in order. */
export function ProcessSection({ item }: Props) {
  const { t } = useTranslation();
  const steps = item.content.process;
  return (
    <GuideSection id="process" title={t("portal.guide.sections.process")}>
      {steps.length === 0 ? (
        <Typography.Paragraph>{t("portal.guide.notStated")}</Typography.Paragraph>
      ) : (
        <ol className="process-steps">
          {steps.map((step) => (
            <li key={step.name}>
              <strong>{step.name}</strong>
              {step.description && <p>{step.description}</p>}
            </li>
          ))}
        </ol>
      )}
    </GuideSection>
  );
}

/** 办理结果: what the applicant receives, the electronic licence it is issued as, and a sample. */
export function ResultSection({ item }: Props) {
  const { t } = useTranslation();
  const { result } = item.content;
  return (
    <GuideSection id="result" title={t("portal.guide.sections.result")}>
      {result === null ? (
        <Typography.Paragraph>{t("portal.guide.notStated")}</Typography.Paragraph>
      ) : (
        <Facts
          items={[
            {
              key: "type",
              label: t("portal.guide.result.type"),
              children: t(`portal.results.${result.type}`),
            },
            { key: "name", label: t("portal.guide.result.name"), children: result.name },
            ...(result.licenceTypeRef
              ? [
                  {
                    key: "licence",
                    label: t("portal.guide.result.licence"),
                    children: item.licenceTypes[result.licenceTypeRef] ?? result.licenceTypeRef,
                  },
                ]
              : []),
            ...(result.sample
              ? [
                  {
                    key: "sample",
                    label: t("portal.guide.materials.files"),
                    children: (
                      <FileLink
                        file={result.sample}
                        label={t("portal.guide.result.sample", { name: result.sample.name })}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </GuideSection>
  );
}

/** 办理方式: online depth I–IV, visits in person with the reason, post, appointments. */
export function DeliverySection({ item }: Props) {
  const { t } = useTranslation();
  const { content } = item;
  const key = depthKey(content.onlineDepth);
  const depth = key
    ? t(`portal.depth.${key}`)
    : t("portal.depth.short", { level: romanDepth(content.onlineDepth) });
  return (
    <GuideSection id="delivery" title={t("portal.guide.sections.delivery")}>
      <Facts
        items={[
          { key: "depth", label: t("portal.guide.delivery.onlineDepth"), children: depth },
          {
            key: "visits",
            label: t("portal.guide.delivery.visits"),
            children:
              content.maxVisits === 0
                ? t("portal.guide.delivery.zeroVisits")
                : t("portal.guide.delivery.visitsCount", { count: content.maxVisits }),
          },
          ...(content.maxVisits > 0
            ? [
                {
                  key: "reason",
                  label: t("portal.guide.delivery.visitReason"),
                  children: content.visitReason ?? t("portal.guide.notStated"),
                },
              ]
            : []),
          {
            key: "postal",
            label: t("portal.guide.delivery.postal"),
            children: content.postal
              ? t("portal.guide.delivery.postalYes")
              : t("portal.guide.delivery.postalNo"),
          },
          {
            key: "appointment",
            label: t("portal.guide.delivery.appointment"),
            children: content.appointment
              ? t("portal.guide.delivery.appointmentYes")
              : t("portal.guide.delivery.appointmentNo"),
          },
        ]}
      />
    </GuideSection>
  );
}
