import type { Finding } from "@tongban/core";
import { Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../../app/feedback.tsx";
import { type CatalogReport, getReport } from "./api.ts";
import { CatalogNav, ruleTitle } from "./catalog-parts.tsx";
import { filterFindings } from "./report-filter.ts";
import "./catalog.css";

type DepartmentRow = CatalogReport["departments"][number];
type ItemRow = CatalogReport["items"][number];

/**
 * The consistency report (/admin/catalog/report): every finding across the catalog, filterable by rule
 * and department, and the completeness score per department and per item. A plain table stands in for
 * the chart while no chart library is a dependency of the web app.
 */
export function ReportPage() {
  const { t } = useTranslation();
  usePageTitle(t("catalogAdmin.report.title"));
  const report = useApi((signal) => getReport(signal), []);

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{t("catalogAdmin.report.title")}</Typography.Title>
      <Typography.Paragraph>{t("catalogAdmin.report.intro")}</Typography.Paragraph>
      {report.isLoading && !report.data ? (
        <Loading />
      ) : report.error !== undefined || !report.data ? (
        <LoadError error={report.error} onRetry={report.reload} />
      ) : (
        <ReportView report={report.data} />
      )}
    </div>
  );
}

function ReportView({ report }: { report: CatalogReport }) {
  const { t } = useTranslation();
  const [rule, setRule] = useState<string | undefined>(undefined);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const rules = [...new Set(report.findings.map((f) => f.rule))];
  // Findings reach a department through their item; without the items' departments there is nothing to filter by.
  const hasDepartments = report.items.some((item) => item.department);
  const findings = filterFindings(report, { rule, departmentId: department });

  const findingColumns: TableColumnsType<Finding> = [
    {
      key: "severity",
      title: t("catalogAdmin.report.severity"),
      render: (_, f) => (
        <Tag color={f.severity === "error" ? "#a8071a" : "#874d00"}>
          {t(`catalogAdmin.findings.${f.severity}`)}
        </Tag>
      ),
    },
    { key: "rule", title: t("catalogAdmin.report.rule"), render: (_, f) => ruleTitle(f.rule) },
    {
      key: "item",
      title: t("catalogAdmin.report.item"),
      render: (_, f) =>
        f.itemId ? (
          <Link to={`/admin/catalog/items/${f.itemId}`}>{nameOf(report, f.itemId) ?? f.ref}</Link>
        ) : (
          "—"
        ),
    },
    { key: "field", title: t("catalogAdmin.report.field"), dataIndex: "field" },
    { key: "message", title: t("catalogAdmin.report.message"), dataIndex: "message" },
  ];
  const departmentColumns: TableColumnsType<DepartmentRow> = [
    { key: "department", title: t("catalogAdmin.report.department"), render: (_, d) => d.department.name },
    { key: "items", title: t("catalogAdmin.report.itemCount"), dataIndex: "itemCount", align: "right" },
    {
      key: "completeness",
      title: t("catalogAdmin.report.averageCompleteness"),
      align: "right",
      sorter: (a, b) => a.averageCompleteness - b.averageCompleteness,
      render: (_, d) => <CompletenessBar score={d.averageCompleteness} />,
    },
    { key: "errors", title: t("catalogAdmin.report.errors"), dataIndex: "errorCount", align: "right" },
    { key: "warnings", title: t("catalogAdmin.report.warnings"), dataIndex: "warningCount", align: "right" },
  ];
  const itemColumns: TableColumnsType<ItemRow> = [
    { key: "ref", title: t("catalogAdmin.list.ref"), dataIndex: "ref" },
    {
      key: "name",
      title: t("catalogAdmin.list.name"),
      render: (_, i) => <Link to={`/admin/catalog/items/${i.id}`}>{i.name}</Link>,
    },
    {
      key: "completeness",
      title: t("catalogAdmin.list.completeness"),
      align: "right",
      sorter: (a, b) => a.completeness - b.completeness,
      defaultSortOrder: "ascend",
      render: (_, i) => `${Math.round(i.completeness)}%`,
    },
    { key: "errors", title: t("catalogAdmin.report.errors"), dataIndex: "errorCount", align: "right" },
    { key: "warnings", title: t("catalogAdmin.report.warnings"), dataIndex: "warningCount", align: "right" },
  ];

  return (
    <>
      <section aria-labelledby="report-findings-title">
        <Typography.Title level={2} id="report-findings-title">
          {t("catalogAdmin.report.findings", { count: report.findings.length })}
        </Typography.Title>
        <div className="catalog-filters">
          <Select
            aria-label={t("catalogAdmin.report.rule")}
            placeholder={t("catalogAdmin.report.allRules")}
            virtual={false}
            allowClear
            value={rule}
            onChange={setRule}
            options={rules.map((r) => ({ value: r, label: ruleTitle(r) }))}
            style={{ minWidth: 260 }}
          />
          {hasDepartments && (
            <Select
              aria-label={t("catalogAdmin.report.department")}
              placeholder={t("catalogAdmin.list.allDepartments")}
              virtual={false}
              allowClear
              value={department}
              onChange={setDepartment}
              options={report.departments.map((d) => ({ value: d.department.id, label: d.department.name }))}
              style={{ minWidth: 200 }}
            />
          )}
        </div>
        <Table<Finding>
          rowKey={(f) => `${f.rule}|${f.itemId}|${f.field}|${f.message}`}
          columns={findingColumns}
          dataSource={findings}
          size="small"
          pagination={{ pageSize: 20 }}
          locale={{ emptyText: <span className="catalog-empty">{t("catalogAdmin.findings.none")}</span> }}
        />
      </section>
      <section aria-labelledby="report-departments-title">
        <Typography.Title level={2} id="report-departments-title">
          {t("catalogAdmin.report.byDepartment")}
        </Typography.Title>
        <Table<DepartmentRow>
          rowKey={(d) => d.department.id}
          columns={departmentColumns}
          dataSource={report.departments}
          size="small"
          pagination={false}
        />
      </section>
      <section aria-labelledby="report-items-title">
        <Typography.Title level={2} id="report-items-title">
          {t("catalogAdmin.report.byItem")}
        </Typography.Title>
        <Table<ItemRow>
          rowKey="id"
          columns={itemColumns}
          dataSource={report.items}
          size="small"
          pagination={{ pageSize: 20 }}
        />
      </section>
    </>
  );
}

/** A score as a number with a proportional bar beside it (the bar is decoration; the number is the fact). */
function CompletenessBar({ score }: { score: number }) {
  const rounded = Math.round(score);
  return (
    <span className="catalog-bar">
      <span className="catalog-bar-track" aria-hidden>
        <span className="catalog-bar-fill" style={{ width: `${Math.max(0, Math.min(100, rounded))}%` }} />
      </span>
      {rounded}%
    </span>
  );
}

function nameOf(report: CatalogReport, itemId: string): string | undefined {
  return report.items.find((i) => i.id === itemId)?.name;
}
