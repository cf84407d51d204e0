import { Alert, Button, Descriptions, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, usePageTitle } from "../app/feedback.tsx";
import { type AuditChainReport, verifyAuditChain } from "./operations-api.ts";

/** Audit-log verification (/admin/audit): recompute the hash chain and show the first broken row. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t("adminIdentity.auditTitle"));
  const [report, setReport] = useState<AuditChainReport>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  const verify = async () => {
    setIsBusy(true);
    setError(undefined);
    try {
      setReport(await verifyAuditChain());
    } catch (failure) {
      setReport(undefined);
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={1}>{t("adminIdentity.auditTitle")}</Typography.Title>
      <Typography.Paragraph>{t("adminIdentity.auditIntro")}</Typography.Paragraph>
      <Button type="primary" onClick={() => void verify()} loading={isBusy}>
        {t("adminIdentity.verify")}
      </Button>
      <div role="status" aria-live="polite" className="audit-result" data-testid="audit-result">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        {report && (
          <>
            <Alert
              type={report.ok ? "success" : "error"}
              showIcon
              title={report.ok ? t("adminIdentity.chainOk") : t("adminIdentity.chainBroken")}
              description={
                report.ok
                  ? t("adminIdentity.chainOkBody", { rows: report.rows })
                  : t("adminIdentity.chainBrokenBody", { id: report.firstBrokenId ?? "?" })
              }
            />
            <Descriptions
              bordered
              size="small"
              column={1}
              className="audit-report"
              items={[
                { key: "rows", label: t("adminIdentity.rows"), children: report.rows },
                { key: "unchained", label: t("adminIdentity.unchained"), children: report.unchained },
                {
                  key: "broken",
                  label: t("adminIdentity.firstBroken"),
                  children: report.firstBrokenId ?? t("common.none"),
                },
                {
                  key: "problem",
                  label: t("adminIdentity.problem"),
                  children: report.problem ?? t("common.none"),
                },
              ]}
            />
          </>
        )}
      </div>
    </div>
  );
}
