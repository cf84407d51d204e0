import { Button, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { LoadError, usePageTitle } from "../../app/feedback.tsx";
import { hasAbility, useSession } from "../../session/session-context.tsx";
import { listDepartments } from "../organisations/api.ts";
import { type CatalogRow, listCatalog } from "./api.ts";
import { CatalogNav, ChangeStatusTag } from "./catalog-parts.tsx";
import { catalogFilterOf, completenessBands, pendingChoices } from "./list-filter.ts";
import "./catalog.css";

/** The catalog as staff see it (/admin/catalog): every item with its version, pending change and completeness. */
export function CatalogListPage() {
  const { t } = useTranslation();
  usePageTitle(t("catalogAdmin.list.title"));
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = catalogFilterOf(params);
  const page = filter.page ?? 1;
  // Every filter goes to the server, so the pages and the total are those of the filtered catalog.
  const items = useApi(
    (signal) => listCatalog(filter, signal),
    [filter.q, filter.department, filter.status, filter.completeness, filter.pending, page],
  );
  const pendingChoice = filter.pending && (filter.pending === "true" ? "yes" : "no");
  const departments = useApi((signal) => listDepartments({}, signal), []);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    setParams(next);
  };

  const columns: TableColumnsType<CatalogRow> = [
    { key: "ref", title: t("catalogAdmin.list.ref"), dataIndex: "ref" },
    {
      key: "name",
      title: t("catalogAdmin.list.name"),
      render: (_, row) => <Link to={`/admin/catalog/items/${row.id}`}>{row.name}</Link>,
    },
    { key: "department", title: t("catalogAdmin.list.department"), render: (_, row) => row.department.name },
    { key: "version", title: t("catalogAdmin.list.version"), dataIndex: "version", align: "right" },
    {
      key: "status",
      title: t("catalogAdmin.list.status"),
      render: (_, row) => (
        <Tag color={row.status === "active" ? "#135200" : "#595959"}>
          {t(`catalogAdmin.itemStatus.${row.status}`)}
        </Tag>
      ),
    },
    { key: "effectiveFrom", title: t("catalogAdmin.list.effectiveFrom"), dataIndex: "effectiveFrom" },
    {
      key: "completeness",
      title: t("catalogAdmin.list.completeness"),
      align: "right",
      render: (_, row) => `${row.completeness}%`,
    },
    {
      key: "pending",
      title: t("catalogAdmin.list.pending"),
      render: (_, row) =>
        row.pendingChange ? (
          <Space size={4} wrap>
            <Link to={`/admin/catalog/changes/${row.pendingChange.id}`}>{row.pendingChange.number}</Link>
            <ChangeStatusTag status={row.pendingChange.status} />
          </Space>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{t("catalogAdmin.list.title")}</Typography.Title>
      <Typography.Paragraph>{t("catalogAdmin.list.intro")}</Typography.Paragraph>
      <div className="catalog-filters">
        <Input.Search
          aria-label={t("catalogAdmin.list.search")}
          placeholder={t("catalogAdmin.list.search")}
          defaultValue={filter.q}
          allowClear
          onSearch={(value) => setParam("q", value.trim() || undefined)}
        />
        <Select
          aria-label={t("catalogAdmin.list.department")}
          placeholder={t("catalogAdmin.list.allDepartments")}
          virtual={false}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={filter.department}
          onChange={(value?: string) => setParam("department", value)}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label={t("catalogAdmin.list.status")}
          placeholder={t("catalogAdmin.list.allStatuses")}
          virtual={false}
          allowClear
          value={filter.status}
          onChange={(value?: string) => setParam("status", value)}
          options={(["active", "cancelled"] as const).map((s) => ({
            value: s,
            label: t(`catalogAdmin.itemStatus.${s}`),
          }))}
          style={{ minWidth: 120 }}
        />
        <Select
          aria-label={t("catalogAdmin.list.completeness")}
          placeholder={t("catalogAdmin.list.anyCompleteness")}
          virtual={false}
          allowClear
          value={filter.completeness}
          onChange={(value?: string) => setParam("completeness", value)}
          options={completenessBands.map((c) => ({
            value: c,
            label: t(`catalogAdmin.list.completenessFilter.${c}`),
          }))}
          style={{ minWidth: 140 }}
        />
        <Select
          aria-label={t("catalogAdmin.list.pending")}
          placeholder={t("catalogAdmin.list.anyPending")}
          virtual={false}
          allowClear
          value={pendingChoice}
          onChange={(value?: string) => setParam("pending", value)}
          options={(Object.keys(pendingChoices) as (keyof typeof pendingChoices)[]).map((p) => ({
            value: p,
            label: t(`catalogAdmin.list.pendingFilter.${p}`),
          }))}
          style={{ minWidth: 140 }}
        />
        {(items.data?.abilities.create ?? hasAbility(abilities, "catalog.draft")) && (
          <Button type="primary" onClick={() => void navigate("/admin/catalog/edit")}>
            {t("catalogAdmin.list.create")}
          </Button>
        )}
      </div>
      {items.error ? (
        <LoadError error={items.error} onRetry={items.reload} />
      ) : (
        <Table<CatalogRow>
          rowKey="id"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isLoading}
          locale={{ emptyText: <span className="catalog-empty">{t("catalogAdmin.list.empty")}</span> }}
          pagination={{
            current: items.data?.page ?? page,
            pageSize: items.data?.pageSize ?? 20,
            total: items.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setParam("page", String(next)),
          }}
        />
      )}
    </div>
  );
}
