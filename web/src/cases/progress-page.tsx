import { Alert, Button, Descriptions, Form, Input, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { errorText, usePageTitle } from "../app/feedback.tsx";
import { getProgress, type Progress } from "./api.ts";
import { formatInstant } from "./case-format.ts";
import { actionText, CaseStatusTag } from "./case-parts.tsx";
import "./cases.css";

interface LookupValues {
  number: string;
  queryCode: string;
}

/** 办件查询 (/progress): anyone with a case number and its query code sees the status and the steps. */
export function ProgressPage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.progress.title"));
  const [searchParams] = useSearchParams();
  // The lookup is not put in the address: a query code in a URL would end up in history and logs.
  const [lookup, setLookup] = useState<LookupValues | null>(null);
  const found = useApi(
    (signal) => (lookup ? getProgress(lookup.number, lookup.queryCode, signal) : Promise.resolve(null)),
    [lookup],
  );

  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("cases.progress.title")}</Typography.Title>
      <Typography.Paragraph>{t("cases.progress.intro")}</Typography.Paragraph>
      <Form<LookupValues>
        layout="inline"
        className="case-progress-form"
        initialValues={{ number: searchParams.get("number") ?? "", queryCode: "" }}
        onFinish={(values) =>
          setLookup({ number: values.number.trim(), queryCode: values.queryCode.trim().toUpperCase() })
        }
      >
        <Form.Item
          name="number"
          label={t("cases.progress.number")}
          rules={[{ required: true, whitespace: true, message: t("cases.progress.numberRequired") }]}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="queryCode"
          label={t("cases.progress.queryCode")}
          rules={[{ required: true, len: 6, message: t("cases.progress.codeRequired") }]}
        >
          <Input maxLength={6} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={found.isLoading && lookup !== null}>
            {t("cases.progress.search")}
          </Button>
        </Form.Item>
      </Form>
      <div role="status" aria-live="polite">
        {lookup && found.error ? (
          <Alert
            type="error"
            showIcon
            title={
              found.error instanceof ApiError && found.error.status === 404
                ? t("cases.progress.notFound")
                : errorText(found.error, t)
            }
          />
        ) : (
          found.data && <ProgressResult progress={found.data} />
        )}
      </div>
    </div>
  );
}

function ProgressResult({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="progress-result-title" className="case-section">
      <Typography.Title level={2} id="progress-result-title">
        {t("cases.progress.result")}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "number", label: t("cases.progress.number"), children: progress.number },
          { key: "item", label: t("cases.progress.item"), children: progress.itemName },
          {
            key: "status",
            label: t("cases.progress.status"),
            children: <CaseStatusTag status={progress.status} />,
          },
          ...(progress.tracking
            ? [
                {
                  key: "tracking",
                  label: t("delivery.tracking"),
                  children: t("delivery.trackingText", progress.tracking),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={3}>{t("cases.progress.steps")}</Typography.Title>
      <Timeline
        className="case-timeline"
        items={progress.events.map((event, index) => ({
          key: `${event.at}-${index}`,
          content: (
            <p>
              <strong>{actionText(event.action, t)}</strong> · {event.statusName} ·{" "}
              <time dateTime={event.at}>{formatInstant(event.at)}</time>
            </p>
          ),
        }))}
      />
    </section>
  );
}
