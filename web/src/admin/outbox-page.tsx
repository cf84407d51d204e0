import { Button, Form, Input, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, usePageTitle } from "../app/feedback.tsx";
import { listOutbox, type OutboxMessage } from "./operations-api.ts";

const MOBILE = /^1[3-9]\d{9}$/;

/** The demo SMS outbox (/admin/outbox): what the platform would have sent, filterable by mobile number. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("adminIdentity.outboxTitle"));
  const [params, setParams] = useSearchParams();
  const mobile = params.get("mobile") ?? "";
  const filter = MOBILE.test(mobile) ? mobile : undefined;
  const outbox = useApi((signal) => listOutbox(filter, signal), [filter]);
  const time = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Asia/Shanghai",
  });

  const columns: TableColumnsType<OutboxMessage> = [
    { key: "time", title: t("adminIdentity.sentAt"), render: (_, m) => time.format(new Date(m.createdAt)) },
    {
      key: "channel",
      title: t("adminIdentity.channel"),
      render: (_, m) => <Tag>{t(`adminIdentity.channels.${m.channel}`)}</Tag>,
    },
    { key: "recipient", title: t("adminIdentity.recipient"), dataIndex: "recipientMasked" },
    { key: "template", title: t("adminIdentity.template"), dataIndex: "template" },
    { key: "body", title: t("adminIdentity.body"), dataIndex: "body" },
  ];

  return (
    <div className="page">
      <Typography.Title level={1}>{t("adminIdentity.outboxTitle")}</Typography.Title>
      <Typography.Paragraph>{t("adminIdentity.outboxIntro")}</Typography.Paragraph>
      <Form<{ mobile: string }>
        name="outbox-filter"
        layout="inline"
        initialValues={{ mobile }}
        onFinish={({ mobile: value }) => setParams(value?.trim() ? { mobile: value.trim() } : {})}
        className="outbox-filter"
      >
        <Form.Item
          name="mobile"
          label={t("adminIdentity.filterMobile")}
          rules={[{ pattern: MOBILE, message: t("sms.mobileInvalid") }]}
        >
          <Input inputMode="numeric" maxLength={11} allowClear autoComplete="off" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t("adminIdentity.filter")}
          </Button>
          <Button onClick={outbox.reload}>{t("adminIdentity.refresh")}</Button>
        </Space>
      </Form>
      {outbox.error !== undefined ? (
        <LoadError error={outbox.error} onRetry={outbox.reload} />
      ) : (
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={outbox.data?.items ?? []}
          loading={outbox.isLoading}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <span className="table-empty">{t("adminIdentity.outboxEmpty")}</span> }}
          aria-label={t("adminIdentity.outboxTitle")}
        />
      )}
    </div>
  );
}
