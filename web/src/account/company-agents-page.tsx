import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { todayInShanghai } from "../app/dates.ts";
import { errorText, LoadError, usePageTitle } from "../app/feedback.tsx";
import { useSession } from "../session/session-context.tsx";
import { type AgentGrant, type AgentGrantRequest, grantAgent, listAgents, revokeAgent } from "./api.ts";
import { GrantStatusTag } from "./grant-status-tag.tsx";
import { ItemPicker } from "./item-picker.tsx";
import { PeriodFields } from "./period-fields.tsx";
import { grantStatus, oneYearAfter } from "./validity.ts";

/**
 * 企业经办人管理 (/account/company/:id): the company account or its legal representative lists, adds
 * and revokes the people who may act for the company, each within a scope of items and a period.
 */
export function CompanyAgentsPage() {
  const { t } = useTranslation();
  usePageTitle(t("company.agentsTitle"));
  const { id = "" } = useParams();
  const { info } = useSession();
  const { message } = AntApp.useApp();
  const agents = useApi((signal) => listAgents(id, signal), [id]);
  const name = info?.representedCompanies.find((c) => c.id === id)?.name;

  const revoke = async (grant: AgentGrant) => {
    try {
      await revokeAgent(id, grant.id);
      message.success(t("company.revoked", { name: grant.agentName }));
      agents.reload();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const columns: TableColumnsType<AgentGrant> = [
    { key: "name", title: t("company.agentName"), dataIndex: "agentName" },
    { key: "mobile", title: t("company.agentMobile"), render: (_, g) => g.agentMobile ?? t("common.none") },
    {
      key: "scope",
      title: t("company.scope"),
      render: (_, g) => (g.scope.length === 0 ? t("company.scopeAll") : g.scope.join("、")),
    },
    {
      key: "period",
      title: t("authorise.periodTitle"),
      render: (_, g) => t("authorise.period", { from: g.validFrom, to: g.validTo }),
    },
    { key: "status", title: t("authorise.statusTitle"), render: (_, g) => <GrantStatusTag grant={g} /> },
    {
      key: "actions",
      title: t("authorise.actions"),
      render: (_, g) => {
        const status = grantStatus(g, todayInShanghai());
        if (status === "revoked" || status === "expired") return null;
        return (
          <Popconfirm
            title={t("company.revokeConfirm", { name: g.agentName })}
            okText={t("company.revoke")}
            cancelText={t("account.cancel")}
            onConfirm={() => revoke(g)}
          >
            <Button size="small" danger aria-label={t("company.revokeLabel", { name: g.agentName })}>
              {t("company.revoke")}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <div className="page">
      <Link to="/account?tab=company">{t("company.back")}</Link>
      <Typography.Title level={1}>{t("company.agentsTitle")}</Typography.Title>
      {name && <Typography.Paragraph className="company-name">{name}</Typography.Paragraph>}
      <Typography.Paragraph>{t("company.agentsIntro")}</Typography.Paragraph>
      {agents.error !== undefined ? (
        <LoadError error={agents.error} onRetry={agents.reload} />
      ) : (
        <>
          <section aria-labelledby="agents-list-title" className="account-block">
            <Typography.Title level={2} id="agents-list-title">
              {t("company.agentsListTitle")}
            </Typography.Title>
            <Table<AgentGrant>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={agents.data?.items ?? []}
              loading={agents.isLoading}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <span className="table-empty">{t("company.agentsEmpty")}</span> }}
            />
          </section>
          <AgentGrantForm companyId={id} onGranted={agents.reload} />
        </>
      )}
    </div>
  );
}

function AgentGrantForm({ companyId, onGranted }: { companyId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AgentGrantRequest>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const today = todayInShanghai();

  const submit = async (fields: AgentGrantRequest) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await grantAgent(companyId, {
        ...fields,
        agentMobile: fields.agentMobile.trim(),
        scope: fields.scope ?? [],
      });
      message.success(t("company.granted"));
      form.resetFields();
      onGranted();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="agent-grant-title" className="account-block">
      <Typography.Title level={2} id="agent-grant-title">
        {t("company.grantTitle")}
      </Typography.Title>
      <div role="alert" className="form-error">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      </div>
      <Form<AgentGrantRequest>
        form={form}
        name="agent-grant"
        layout="vertical"
        requiredMark={false}
        initialValues={{ scope: [], validFrom: today, validTo: oneYearAfter(today) }}
        onFinish={(fields) => void submit(fields)}
        className="narrow-form"
      >
        <Form.Item
          name="agentMobile"
          label={t("company.agentMobileField")}
          extra={t("company.agentMobileHint")}
          rules={[
            { required: true, message: t("sms.mobileRequired") },
            { pattern: /^1[3-9]\d{9}$/, message: t("sms.mobileInvalid") },
          ]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="scope" label={t("company.scope")} extra={t("company.scopeHint")}>
          <ItemPicker multiple placeholder={t("company.scopePlaceholder")} />
        </Form.Item>
        <PeriodFields />
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t("company.grantSubmit")}
        </Button>
      </Form>
    </section>
  );
}
