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
import { useApi } from "../api/use-api.ts";
import { todayInShanghai } from "../app/dates.ts";
import { errorText, LoadError } from "../app/feedback.tsx";
import {
  type Authorisation,
  type AuthorisationRequest,
  grantAuthorisation,
  listAuthorisations,
  withdrawAuthorisation,
} from "./api.ts";
import { GrantStatusTag } from "./grant-status-tag.tsx";
import { ItemPicker } from "./item-picker.tsx";
import { PeriodFields } from "./period-fields.tsx";
import { grantStatus, oneYearAfter } from "./validity.ts";

/** 代办授权: who may act for the user (given) and for whom the user may act (received). */
export function AuthorisationsSection() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const list = useApi((signal) => listAuthorisations(signal), []);
  const given = list.data?.items.filter((a) => a.direction === "given") ?? [];
  const received = list.data?.items.filter((a) => a.direction === "received") ?? [];

  const withdraw = async (id: string) => {
    try {
      await withdrawAuthorisation(id);
      message.success(t("authorise.withdrawn"));
      list.reload();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const item = (a: Authorisation) => a.itemName ?? a.itemRef ?? t("common.none");
  const period = (a: Authorisation) => t("authorise.period", { from: a.validFrom, to: a.validTo });
  const givenColumns: TableColumnsType<Authorisation> = [
    { key: "item", title: t("authorise.item"), render: (_, a) => item(a) },
    {
      key: "agent",
      title: t("authorise.agent"),
      render: (_, a) => (a.agentMobile ? `${a.agentName}（${a.agentMobile}）` : a.agentName),
    },
    { key: "purpose", title: t("authorise.purpose"), dataIndex: "purpose" },
    { key: "period", title: t("authorise.periodTitle"), render: (_, a) => period(a) },
    { key: "status", title: t("authorise.statusTitle"), render: (_, a) => <GrantStatusTag grant={a} /> },
    {
      key: "actions",
      title: t("authorise.actions"),
      render: (_, a) => {
        const status = grantStatus(a, todayInShanghai());
        if (status === "revoked" || status === "expired") return null;
        return (
          <Popconfirm
            title={t("authorise.withdrawConfirm")}
            okText={t("authorise.withdraw")}
            cancelText={t("account.cancel")}
            onConfirm={() => withdraw(a.id)}
          >
            <Button
              size="small"
              danger
              aria-label={t("authorise.withdrawLabel", { item: item(a), agent: a.agentName })}
            >
              {t("authorise.withdraw")}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];
  const receivedColumns: TableColumnsType<Authorisation> = [
    { key: "item", title: t("authorise.item"), render: (_, a) => item(a) },
    { key: "grantor", title: t("authorise.grantor"), dataIndex: "grantorName" },
    { key: "purpose", title: t("authorise.purpose"), dataIndex: "purpose" },
    { key: "period", title: t("authorise.periodTitle"), render: (_, a) => period(a) },
    { key: "status", title: t("authorise.statusTitle"), render: (_, a) => <GrantStatusTag grant={a} /> },
  ];

  return (
    <section aria-labelledby="authorisations-title">
      <Typography.Title level={2} id="authorisations-title">
        {t("authorise.title")}
      </Typography.Title>
      <Typography.Paragraph>{t("authorise.intro")}</Typography.Paragraph>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <section aria-labelledby="given-title" className="account-block">
        <Typography.Title level={3} id="given-title">
          {t("authorise.givenTitle")}
        </Typography.Title>
        <Table<Authorisation>
          rowKey="id"
          size="small"
          columns={givenColumns}
          dataSource={given}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="table-empty">{t("authorise.givenEmpty")}</span> }}
        />
      </section>
      <section aria-labelledby="received-title" className="account-block">
        <Typography.Title level={3} id="received-title">
          {t("authorise.receivedTitle")}
        </Typography.Title>
        <Table<Authorisation>
          rowKey="id"
          size="small"
          columns={receivedColumns}
          dataSource={received}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="table-empty">{t("authorise.receivedEmpty")}</span> }}
        />
      </section>
      <GrantForm onGranted={list.reload} />
    </section>
  );
}

function GrantForm({ onGranted }: { onGranted: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AuthorisationRequest>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const today = todayInShanghai();

  const submit = async (fields: AuthorisationRequest) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await grantAuthorisation({
        ...fields,
        agentMobile: fields.agentMobile.trim(),
        purpose: fields.purpose.trim(),
      });
      message.success(t("authorise.granted"));
      form.resetFields();
      onGranted();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="grant-title" className="account-block">
      <Typography.Title level={3} id="grant-title">
        {t("authorise.grantTitle")}
      </Typography.Title>
      <div role="alert" className="form-error">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      </div>
      <Form<AuthorisationRequest>
        form={form}
        name="authorisation"
        layout="vertical"
        requiredMark={false}
        initialValues={{ validFrom: today, validTo: oneYearAfter(today) }}
        onFinish={(fields) => void submit(fields)}
        className="narrow-form"
      >
        <Form.Item
          name="agentMobile"
          label={t("authorise.agentMobile")}
          extra={t("authorise.agentMobileHint")}
          rules={[
            { required: true, message: t("sms.mobileRequired") },
            { pattern: /^1[3-9]\d{9}$/, message: t("sms.mobileInvalid") },
          ]}
        >
          <Input inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="itemRef"
          label={t("authorise.item")}
          rules={[{ required: true, message: t("authorise.itemRequired") }]}
        >
          <ItemPicker />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t("authorise.purpose")}
          rules={[{ required: true, whitespace: true, message: t("authorise.purposeRequired") }]}
        >
          <Input maxLength={200} placeholder={t("authorise.purposePlaceholder")} />
        </Form.Item>
        <PeriodFields />
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t("authorise.submit")}
        </Button>
      </Form>
    </section>
  );
}
