import { PlusOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Input, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { LoadError } from "../../app/feedback.tsx";
import { type Department, listDepartments, listRegions } from "./api.ts";
import { DepartmentFormModal } from "./department-form-modal.tsx";

/** Departments (实施主体) with their 统一社会信用代码: search, add, edit within the user's region. */
export function DepartmentsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [words, setWords] = useState("");
  const departments = useApi((signal) => listDepartments({ q: words.trim() || undefined }, signal), [words]);
  const regions = useApi((signal) => listRegions(signal), []);
  const [form, setForm] = useState<{ department?: Department } | undefined>(undefined);

  const columns: TableColumnsType<Department> = [
    { key: "name", title: t("organisations.departments.name"), dataIndex: "name" },
    { key: "kind", title: t("organisations.departments.kind"), dataIndex: "kind" },
    {
      key: "creditCode",
      title: t("organisations.departments.creditCode"),
      render: (_, d) => d.creditCode ?? t("common.none"),
    },
    { key: "region", title: t("organisations.departments.region"), render: (_, d) => d.region.name },
    {
      key: "actions",
      title: t("organisations.actions"),
      render: (_, d) =>
        d.abilities.update ? (
          <Button
            size="small"
            aria-label={t("organisations.departments.editLabel", { name: d.name })}
            onClick={() => setForm({ department: d })}
          >
            {t("organisations.edit")}
          </Button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="departments-title">
      <h2 id="departments-title" className="visually-hidden">
        {t("organisations.tabs.departments")}
      </h2>
      <div className="org-toolbar">
        <div className="org-search">
          <label htmlFor="department-words">{t("organisations.departments.search")}</label>
          <Input.Search
            id="department-words"
            allowClear
            enterButton={t("common.search")}
            placeholder={t("organisations.departments.searchPlaceholder")}
            onSearch={setWords}
            className="org-search-input"
          />
        </div>
        {departments.data?.abilities.create && regions.data && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({})}>
            {t("organisations.departments.create")}
          </Button>
        )}
      </div>
      {departments.error !== undefined && (
        <LoadError error={departments.error} onRetry={departments.reload} />
      )}
      <Table<Department>
        rowKey="id"
        columns={columns}
        dataSource={departments.data?.items ?? []}
        loading={departments.isLoading}
        size="small"
        scroll={{ x: "max-content" }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t("organisations.departments.empty") }}
      />
      {form && regions.data && (
        <DepartmentFormModal
          {...form}
          regions={regions.data.items}
          onCancel={() => setForm(undefined)}
          onDone={(department) => {
            setForm(undefined);
            message.success(t("organisations.departments.savedOk", { name: department.name }));
            departments.reload();
          }}
        />
      )}
    </section>
  );
}
