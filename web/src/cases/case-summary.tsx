import type { ItemContent } from "@tongban/core";
import { Descriptions, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail, NoticeItem } from "./api.ts";
import { formatInstant } from "./case-format.ts";
import { CaseStatusTag } from "./case-parts.tsx";
import { deliveryText } from "./delivery.ts";
import { MaterialUploads } from "./material-uploads.tsx";

/** The facts of a case at a glance: item, department, status, channel, applicant, query code, result. */
export function CaseSummary({ detail, showApplicant }: { detail: CaseDetail; showApplicant?: boolean }) {
  const { t } = useTranslation();
  const items = [
    { key: "item", label: t("cases.detail.item"), children: detail.item.name },
    { key: "department", label: t("cases.detail.department"), children: detail.item.department },
    { key: "status", label: t("cases.detail.status"), children: <CaseStatusTag status={detail.status} /> },
    { key: "channel", label: t("cases.detail.channel"), children: t(`cases.channel.${detail.channel}`) },
  ];
  if (showApplicant) {
    items.push({ key: "applicant", label: t("cases.detail.applicant"), children: detail.applicant.name });
  }
  if (detail.actedBy) {
    items.push({ key: "actedBy", label: t("cases.detail.actedBy"), children: detail.actedBy.name });
  }
  items.push({
    key: "contact",
    label: t("cases.detail.contact"),
    // Every form has these two fields (申请表); a draft may not have them filled yet.
    children: [detail.form.contactName, detail.form.contactPhone]
      .filter((value) => value !== undefined && value !== null && value !== "")
      .join(" "),
  });
  if (detail.queryCode) {
    items.push({
      key: "queryCode",
      label: t("cases.detail.queryCode"),
      children: <span data-testid="case-query-code">{detail.queryCode}</span>,
    });
  }
  const submitted = detail.events.find((event) => event.action === "submit");
  if (submitted) {
    items.push({
      key: "submittedAt",
      label: t("cases.detail.submittedAt"),
      children: formatInstant(submitted.at),
    });
  }
  if (detail.delivery) {
    items.push({
      key: "delivery",
      label: t("cases.detail.delivery"),
      children: <span data-testid="case-delivery">{deliveryText(detail.delivery, t)}</span>,
    });
  }
  if (detail.outcome) {
    items.push({
      key: "outcome",
      label: t("cases.detail.outcome"),
      children: t(`cases.outcome.${detail.outcome}`),
    });
  }
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} className="case-summary" />
  );
}

/** The 情形引导 answers as question → answer; the question text comes from the item when it is known. */
export function CaseAnswers({
  answers,
  content,
}: {
  answers: Record<string, string>;
  content?: ItemContent;
}) {
  const { t } = useTranslation();
  const entries = Object.entries(answers);
  return (
    <section aria-labelledby="case-answers-title" className="case-section">
      <Typography.Title level={2} id="case-answers-title">
        {t("cases.detail.answers")}
      </Typography.Title>
      {entries.length === 0 ? (
        <Typography.Paragraph>{t("cases.detail.noAnswers")}</Typography.Paragraph>
      ) : (
        <dl className="case-answers">
          {entries.map(([id, label]) => (
            <div key={id}>
              <dt>{content?.situations.find((situation) => situation.id === id)?.question ?? id}</dt>
              <dd>{label}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Every material of the checklist with the files uploaded for it, read-only. */
export function CaseMaterials({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-materials-title" className="case-section">
      <Typography.Title level={2} id="case-materials-title">
        {t("cases.detail.materials")}
      </Typography.Title>
      <MaterialUploads
        materials={detail.checklist.materials}
        uploads={detail.materials}
        caseIdForLinks={detail.id}
      />
    </section>
  );
}

/** The materials a notice names (补正) or 容缺 leaves owed, each with its problem. */
export function NoticeTable({ items }: { items: NoticeItem[] }) {
  const { t } = useTranslation();
  return (
    <Table<NoticeItem>
      rowKey="materialId"
      size="small"
      bordered
      pagination={false}
      dataSource={items}
      columns={[
        { key: "name", title: t("cases.notice.material"), dataIndex: "name" },
        { key: "problem", title: t("cases.notice.problem"), dataIndex: "problem" },
      ]}
    />
  );
}
