import type { Finding } from "@tongban/core";
import { Select, Table, type TableColumnsType, Tag, Typography, theme } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import type { ChartOption } from "../../app/chart.tsx";
import { LoadError, Loading, usePageTitle } from "../../app/feedback.tsx";
import { type CatalogReport, getReport } from "./api.ts";
import { CatalogNav, ruleTitle } from "./catalog-parts.tsx";
import { filterFindings } from "./report-filter.ts";
import "./catalog.css";

type DepartmentRow = CatalogReport["departments"][number];

// ECharts is loaded with the report, not with every page of the app.
const Chart = lazy(() => import("../../app/chart.tsx").then((module) => ({ default: module.Chart })));
type ItemRow = CatalogReport["items"][number];

/**
 * The consistency report (/admin/catalog/report): every finding across the catalog, filterable by rule
 * and department, and the completeness score per department (a bar chart over the table of figures) and
 * per item.
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
      render: (_, d) => `${d.averageCompleteness}%`,
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
          <Select
            aria-label={t("catalogAdmin.report.department")}
            placeholder={t("catalogAdmin.list.allDepartments")}
            virtual={false}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            value={department}
            onChange={setDepartment}
            options={report.departments.map((d) => ({ value: d.department.id, label: d.department.name }))}
            style={{ minWidth: 200 }}
          />
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
        <DepartmentChart departments={report.departments} />
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

/**
 * Average completeness per department as horizontal bars, lowest first so the departments to follow up
 * stand at the top. Its spoken name summarises it; the table after it holds every figure.
 */
function DepartmentChart({ departments }: { departments: DepartmentRow[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const sorted = useMemo(
    () => [...departments].sort((a, b) => a.averageCompleteness - b.averageCompleteness),
    [departments],
  );
  const option = useMemo<ChartOption>(
    () => ({
      // The axis labels sit inside the margins (ECharts' containLabel); the right margin holds the bar labels.
      grid: {
        left: 8,
        right: 4 * token.fontSize,
        top: 8,
        bottom: 8,
        outerBoundsMode: "same",
        outerBoundsContain: "axisLabel",
      },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => `${v}%` },
      // Axis labels keep ECharts' own 12px unless told, so they follow the theme (长辈版) explicitly.
      xAxis: {
        type: "value",
        min: 0,
        max: 100,
        axisLabel: { formatter: "{value}%", fontSize: token.fontSize },
      },
      yAxis: {
        type: "category",
        inverse: true,
        data: sorted.map((d) => d.department.name),
        axisLabel: { width: 12 * token.fontSize, overflow: "truncate", fontSize: token.fontSize },
      },
      series: [
        {
          type: "bar",
          data: sorted.map((d) => d.averageCompleteness),
          itemStyle: { color: token.colorPrimary },
          label: { show: true, position: "right", formatter: "{c}%" },
        },
      ],
    }),
    [sorted, token.colorPrimary, token.fontSize],
  );
  const lowest = sorted[0];
  const highest = sorted[sorted.length - 1];
  if (!lowest || !highest) return null;
  // Each bar gets room for its label at the theme's font size, so 长辈版's larger type still fits.
  const height = 32 + sorted.length * Math.round(token.fontSize * 2.2);
  return (
    <Suspense fallback={<div className="catalog-chart" style={{ height }} />}>
      <Chart
        option={option}
        height={height}
        className="catalog-chart"
        label={t("catalogAdmin.report.chartLabel", {
          count: sorted.length,
          lowest: lowest.department.name,
          lowestScore: lowest.averageCompleteness,
          highest: highest.department.name,
          highestScore: highest.averageCompleteness,
        })}
      />
    </Suspense>
  );
}

function nameOf(report: CatalogReport, itemId: string): string | undefined {
  return report.items.find((i) => i.id === itemId)?.name;
}
