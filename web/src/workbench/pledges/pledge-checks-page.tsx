import { Alert, Button, Form, Input, Modal, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { errorText, LoadError, usePageTitle } from "../../app/feedback.tsx";
import {
  listPledgeChecks,
  type PledgeCheckFilter,
  type PledgeCheckRow,
  resolvePledgeCheck,
} from "../../cases/pledge-api.ts";
import { PledgeStatusTag } from "./pledge-parts.tsx";
import "../../cases/cases.css";

const filters: readonly PledgeCheckFilter[] = ["open", "overdue", "all"];
type Result = "verified" | "failed";

/**
 * 告知承诺事后核查 (/workbench/pledge-checks): the department's post-verification tasks by due date, each
 * resolved as verified or untrue with what was checked.
 */
export function PledgeChecksPage() {
  const { t } = useTranslation();
  usePageTitle(t("pledges.checks.title"));
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filters.find((f) => f === searchParams.get("filter")) ?? "open";
  const page = Math.max(1, Number(searchParams.get("page")) || 1);
  const rows = useApi((signal) => listPledgeChecks({ filter, page }, signal), [filter, page]);
  const [resolving, setResolving] = useState<{ row: PledgeCheckRow; result: Result } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const columns: TableColumnsType<PledgeCheckRow> = [
    {
      key: "number",
      title: t("pledges.checks.column.number"),
      render: (_, row) => <Link to={`/workbench/cases/${row.caseId}`}>{row.caseNumber ?? row.caseId}</Link>,
    },
    { key: "item", title: t("pledges.checks.column.item"), dataIndex: "itemName" },
    { key: "applicant", title: t("pledges.checks.column.applicant"), dataIndex: "applicantName" },
    {
      key: "materials",
      title: t("pledges.checks.column.materials"),
      render: (_, row) => row.materials.map((m) => m.name).join(t("portal.listSeparator")),
    },
    { key: "openedOn", title: t("pledges.checks.column.openedOn"), dataIndex: "openedOn" },
    {
      key: "dueOn",
      title: t("pledges.checks.column.dueOn"),
      render: (_, row) => (
        <>
          {row.dueOn} {row.overdue && <Tag color="#a8071a">{t("pledges.checks.overdue")}</Tag>}
        </>
      ),
    },
    {
      key: "status",
      title: t("pledges.checks.column.status"),
      render: (_, row) => <PledgeStatusTag status={row.status} />,
    },
    {
      key: "actions",
      title: t("pledges.checks.column.actions"),
      render: (_, row) =>
        row.status === "open" ? (
          <span className="pledge-actions">
            <Button size="small" onClick={() => setResolving({ row, result: "verified" })}>
              {t("pledges.checks.verify")}
            </Button>{" "}
            <Button size="small" danger onClick={() => setResolving({ row, result: "failed" })}>
              {t("pledges.checks.fail")}
            </Button>
          </span>
        ) : (
          (row.resolvedBy?.name ?? "—")
        ),
    },
  ];

  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("pledges.checks.title")}</Typography.Title>
      <Typography.Paragraph>{t("pledges.checks.intro")}</Typography.Paragraph>
      <nav aria-label={t("pledges.checks.filters")} className="case-queue-nav">
        <ul>
          {filters.map((f) => (
            <li key={f}>
              <Link
                to={`/workbench/pledge-checks?filter=${f}`}
                aria-current={f === filter ? "page" : undefined}
              >
                {t(`pledges.checks.filter.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {done && <Alert type="success" showIcon title={done} role="status" />}
      {rows.error ? (
        <LoadError error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table<PledgeCheckRow>
          rowKey="id"
          columns={columns}
          dataSource={rows.data?.items ?? []}
          loading={rows.isLoading}
          pagination={{
            current: page,
            pageSize: rows.data?.pageSize ?? 20,
            total: rows.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => setSearchParams({ filter, page: String(next) }),
          }}
          locale={{ emptyText: t("pledges.checks.empty") }}
        />
      )}
      {resolving && (
        <ResolveDialog
          row={resolving.row}
          result={resolving.result}
          onClose={() => setResolving(null)}
          onResolved={() => {
            setResolving(null);
            setDone(t("pledges.checks.resolved"));
            rows.reload();
          }}
        />
      )}
    </div>
  );
}

function ResolveDialog({
  row,
  result,
  onClose,
  onResolved,
}: {
  row: PledgeCheckRow;
  result: Result;
  onClose: () => void;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = t(`pledges.checks.resolveTitle.${result}`, { number: row.caseNumber ?? row.caseId });

  const submit = async () => {
    const { note } = await form.validateFields();
    setIsBusy(true);
    setProblem(null);
    try {
      await resolvePledgeCheck(row.id, { result, note });
      onResolved();
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t("pledges.checks.confirm")}
      cancelText={t("pledges.checks.cancel")}
      okButtonProps={{ danger: result === "failed" }}
      confirmLoading={isBusy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      {result === "failed" && <Alert type="warning" showIcon title={t("pledges.checks.failedWarning")} />}
      <Form form={form} layout="vertical" name="pledge-resolve">
        <Form.Item
          name="note"
          label={t("pledges.checks.note")}
          rules={[{ required: true, whitespace: true, message: t("pledges.checks.noteRequired") }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
