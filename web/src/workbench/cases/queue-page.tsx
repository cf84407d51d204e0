import { Button, Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { LoadError, usePageTitle } from "../../app/feedback.tsx";
import { formatInstant } from "../../cases/case-format.ts";
import { CaseStatusTag, channelText } from "../../cases/case-parts.tsx";
import { channels } from "../../cases/case-types.ts";
import { useSession } from "../../session/session-context.tsx";
import { listQueue, type QueueRow } from "./api.ts";
import { ItemSelect } from "./item-select.tsx";
import { parseQueueFilter, type QueueFilter, queueSearch, queues } from "./queue-filter.ts";
import "../../cases/cases.css";

/** The workbench queues (/workbench/cases?queue=…): cases at each step, filtered by item and channel. */
export function QueuePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const roles = user?.roles ?? [];
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = parseQueueFilter(searchParams, roles);
  usePageTitle(`${t("cases.workbench.title")} · ${t(`cases.workbench.queue.${filter.queue}`)}`);
  const rows = useApi((signal) => listQueue(filter, signal), [searchParams.toString()]);
  const go = (next: Partial<QueueFilter>) => {
    const merged: QueueFilter = { ...filter, page: 1, ...next };
    if (next.item === undefined && "item" in next) delete merged.item;
    if (next.channel === undefined && "channel" in next) delete merged.channel;
    setSearchParams(queueSearch(merged));
  };

  const columns: TableColumnsType<QueueRow> = [
    {
      key: "number",
      title: t("cases.workbench.column.number"),
      render: (_, row) => <Link to={`/workbench/cases/${row.id}`}>{row.number ?? row.id.slice(0, 8)}</Link>,
    },
    { key: "item", title: t("cases.workbench.column.item"), dataIndex: "itemName" },
    { key: "applicant", title: t("cases.workbench.column.applicant"), dataIndex: "applicantName" },
    {
      key: "channel",
      title: t("cases.workbench.column.channel"),
      render: (_, row) => channelText(row.channel, t),
    },
    {
      key: "status",
      title: t("cases.workbench.column.status"),
      render: (_, row) => <CaseStatusTag status={row.status} />,
    },
    {
      key: "submittedAt",
      title: t("cases.workbench.column.submittedAt"),
      render: (_, row) => (row.submittedAt ? formatInstant(row.submittedAt) : "—"),
    },
    { key: "dueOn", title: t("cases.workbench.column.dueOn"), render: (_, row) => row.dueOn ?? "—" },
    {
      key: "left",
      title: t("cases.workbench.column.left"),
      render: (_, row) =>
        row.overdue ? (
          <Tag color="#a8071a">{t("cases.workbench.overdue")}</Tag>
        ) : row.left === null ? (
          "—"
        ) : (
          t("cases.workbench.leftDays", { count: row.left })
        ),
    },
  ];

  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("cases.workbench.title")}</Typography.Title>
      <Typography.Paragraph>{t("cases.workbench.intro")}</Typography.Paragraph>
      {roles.includes("window-clerk") && (
        <p>
          <Link to="/workbench/intake">{t("cases.workbench.intakeLink")}</Link>
        </p>
      )}
      <nav aria-label={t("cases.workbench.queues")} className="case-queue-nav">
        <ul>
          {queues.map((queue) => (
            <li key={queue}>
              <Link
                to={`/workbench/cases?queue=${queue}`}
                aria-current={queue === filter.queue ? "page" : undefined}
              >
                {t(`cases.workbench.queue.${queue}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="case-filters">
        <div>
          <label htmlFor="queue-item">{t("cases.workbench.filter.item")}</label>
          <ItemSelect
            id="queue-item"
            value={filter.item}
            placeholder={t("cases.workbench.filter.itemPlaceholder")}
            onChange={(item) => go({ item })}
          />
        </div>
        <div>
          <label htmlFor="queue-channel">{t("cases.workbench.filter.channel")}</label>
          <Select
            id="queue-channel"
            virtual={false}
            style={{ minWidth: 160 }}
            value={filter.channel ?? ""}
            onChange={(value: string) => go({ channel: channels.find((c) => c === value) })}
            options={[
              { value: "", label: t("cases.workbench.filter.any") },
              ...channels.map((channel) => ({ value: channel, label: channelText(channel, t) })),
            ]}
          />
        </div>
        {(filter.item || filter.channel) && (
          <Button onClick={() => go({ item: undefined, channel: undefined })}>
            {t("cases.workbench.filter.clear")}
          </Button>
        )}
      </div>
      {rows.error ? (
        <LoadError error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<QueueRow>
          rowKey="id"
          columns={columns}
          dataSource={rows.data?.items ?? []}
          loading={rows.isLoading}
          pagination={{
            current: filter.page,
            pageSize: rows.data?.pageSize ?? 20,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => go({ page }),
          }}
          locale={{ emptyText: t("cases.workbench.empty") }}
        />
      )}
    </div>
  );
}
