import { Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, usePageTitle } from "../app/feedback.tsx";
import { type CaseRow, listMyCases } from "./api.ts";
import { formatInstant } from "./case-format.ts";
import { CaseStatusTag } from "./case-parts.tsx";
import "./cases.css";

/** 我的办件 (/account/cases): the signed-in applicant's cases with their status, a page at a time. */
export function MyCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.mine.title"));
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number(searchParams.get("page")) || 1);
  const cases = useApi((signal) => listMyCases({ page }, signal), [page]);

  const columns: TableColumnsType<CaseRow> = [
    {
      key: "number",
      title: t("cases.mine.number"),
      render: (_, row) =>
        row.status === "draft" ? (
          <Link to={`/account/cases/${row.id}`}>{t("cases.mine.draftNumber")}</Link>
        ) : (
          <Link to={`/account/cases/${row.id}`}>{row.number}</Link>
        ),
    },
    { key: "item", title: t("cases.mine.item"), dataIndex: "itemName" },
    {
      key: "status",
      title: t("cases.mine.status"),
      render: (_, row) => <CaseStatusTag status={row.status} />,
    },
    {
      key: "submittedAt",
      title: t("cases.mine.submittedAt"),
      render: (_, row) => (row.submittedAt ? formatInstant(row.submittedAt) : "—"),
    },
  ];

  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("cases.mine.title")}</Typography.Title>
      <Typography.Paragraph>{t("cases.mine.intro")}</Typography.Paragraph>
      {cases.error ? (
        <LoadError error={cases.error} onRetry={cases.reload} />
      ) : (
        <Table<CaseRow>
          rowKey="id"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.isLoading}
          pagination={{
            current: page,
            pageSize: cases.data?.pageSize ?? 20,
            total: cases.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setSearchParams(next === 1 ? {} : { page: String(next) }),
          }}
          locale={{ emptyText: t("cases.mine.empty") }}
        />
      )}
    </div>
  );
}
