import { Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { LoadError, usePageTitle } from "../../app/feedback.tsx";
import { NotFoundPage } from "../../app/not-found-page.tsx";
import { type ChangeRow, listChanges } from "./api.ts";
import { CatalogNav, ChangeStatusTag, FilingDue, kindText } from "./catalog-parts.tsx";
import "./catalog.css";

const queues = ["legality", "consistency", "mine"] as const;
type Queue = (typeof queues)[number];
const isQueue = (value: string | undefined): value is Queue => queues.some((q) => q === value);

/**
 * A review queue (/admin/catalog/review/:queue): 合法性审查 for legality reviewers, 一致性审核 for the
 * office, or the editor's own change requests.
 */
export function ReviewQueuePage() {
  const { queue } = useParams();
  if (!isQueue(queue)) return <NotFoundPage />;
  return <Queue queue={queue} />;
}

function Queue({ queue }: { queue: Queue }) {
  const { t } = useTranslation();
  const title = t(`catalogAdmin.queue.${queue}.title`);
  usePageTitle(title);
  const changes = useApi((signal) => listChanges({ queue }, signal), [queue]);

  const columns: TableColumnsType<ChangeRow> = [
    {
      key: "number",
      title: t("catalogAdmin.change.number"),
      render: (_, c) => <Link to={`/admin/catalog/changes/${c.id}`}>{c.number}</Link>,
    },
    { key: "kind", title: t("catalogAdmin.change.kind"), render: (_, c) => kindText(c.kind, t) },
    {
      key: "item",
      title: t("catalogAdmin.change.item"),
      render: (_, c) => c.name,
    },
    {
      key: "status",
      title: t("catalogAdmin.change.status"),
      render: (_, c) => <ChangeStatusTag status={c.status} />,
    },
    { key: "effectiveFrom", title: t("catalogAdmin.change.effectiveFrom"), dataIndex: "effectiveFrom" },
    {
      key: "filingDue",
      title: t("catalogAdmin.change.filingDue"),
      render: (_, c) => <FilingDue filingDue={c.filingDue} status={c.status} />,
    },
    { key: "author", title: t("catalogAdmin.change.author"), render: (_, c) => c.author?.name ?? "—" },
  ];

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph>{t(`catalogAdmin.queue.${queue}.intro`)}</Typography.Paragraph>
      {changes.error ? (
        <LoadError error={changes.error} onRetry={changes.reload} />
      ) : (
        <Table<ChangeRow>
          rowKey="id"
          columns={columns}
          dataSource={changes.data?.items ?? []}
          loading={changes.isLoading}
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <span className="catalog-empty">{t("catalogAdmin.queue.empty")}</span> }}
        />
      )}
    </div>
  );
}
