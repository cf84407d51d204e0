import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Table, type TableColumnsType, Typography } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText, usePageTitle } from "../../app/feedback.tsx";
import { hasAbility, useSession } from "../../session/session-context.tsx";
import { exportUrl, type ImportOutcome, type ImportRowError, importCatalog } from "./api.ts";
import { CatalogNav } from "./catalog-parts.tsx";
import "./catalog.css";

/**
 * Import and export of the whole catalog (/admin/catalog/transfer). An import is all or nothing: with
 * any bad row nothing is written and every bad row is listed; good new or changed items become change
 * requests that still go through both reviews.
 */
export function TransferPage() {
  const { t } = useTranslation();
  usePageTitle(t("catalogAdmin.transfer.title"));
  const { abilities } = useSession();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const hasErrors = (outcome?.errors.length ?? 0) > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setIsBusy(true);
    setOutcome(undefined);
    setError(undefined);
    try {
      setOutcome(await importCatalog(file));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  const columns: TableColumnsType<ImportRowError> = [
    { key: "sheet", title: t("catalogAdmin.transfer.sheet"), render: (_, e) => e.sheet ?? "—" },
    { key: "row", title: t("catalogAdmin.transfer.row"), dataIndex: "row", align: "right" },
    { key: "field", title: t("catalogAdmin.transfer.field"), dataIndex: "field" },
    { key: "message", title: t("catalogAdmin.transfer.message"), dataIndex: "message" },
  ];

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{t("catalogAdmin.transfer.title")}</Typography.Title>
      <Typography.Paragraph>{t("catalogAdmin.transfer.intro")}</Typography.Paragraph>
      {hasAbility(abilities, "catalog.export") && (
        <section aria-labelledby="export-title">
          <Typography.Title level={2} id="export-title">
            {t("catalogAdmin.transfer.export")}
          </Typography.Title>
          <ul className="catalog-downloads">
            <li>
              <a href={exportUrl("xlsx")} download>
                <DownloadOutlined aria-hidden /> {t("catalogAdmin.transfer.exportXlsx")}
              </a>
            </li>
            <li>
              <a href={exportUrl("json")} download="catalog.json">
                <DownloadOutlined aria-hidden /> {t("catalogAdmin.transfer.exportJson")}
              </a>
            </li>
          </ul>
        </section>
      )}
      {hasAbility(abilities, "catalog.import") && (
        <section aria-labelledby="import-title">
          <Typography.Title level={2} id="import-title">
            {t("catalogAdmin.transfer.import")}
          </Typography.Title>
          <form className="catalog-import-form" onSubmit={(event) => void submit(event)}>
            <label htmlFor="catalog-import-file">{t("catalogAdmin.transfer.file")}</label>
            <input
              id="catalog-import-file"
              type="file"
              accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="catalog-import-hint"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setOutcome(undefined);
                setError(undefined);
              }}
            />
            <p id="catalog-import-hint" className="catalog-muted">
              {t("catalogAdmin.transfer.fileHint")}
            </p>
            <Button type="primary" htmlType="submit" disabled={!file} loading={isBusy}>
              {t("catalogAdmin.transfer.submit")}
            </Button>
          </form>
          <div role="status">
            {outcome && !hasErrors && (
              <>
                <Alert type="success" showIcon title={t("catalogAdmin.transfer.done")} />
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: "created", label: t("catalogAdmin.transfer.created"), children: outcome.created },
                    { key: "changed", label: t("catalogAdmin.transfer.changed"), children: outcome.changed },
                    {
                      key: "unchanged",
                      label: t("catalogAdmin.transfer.unchanged"),
                      children: outcome.unchanged,
                    },
                  ]}
                />
                {outcome.changeRequests.length > 0 && (
                  <ul
                    className="catalog-created-changes"
                    aria-label={t("catalogAdmin.transfer.changeRequests")}
                  >
                    {outcome.changeRequests.map((c) => (
                      <li key={c.id}>
                        <Link to={`/admin/catalog/changes/${c.id}`}>{c.number}</Link> {c.ref}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
          <div role="alert">
            {hasErrors && <Alert type="error" showIcon title={t("catalogAdmin.transfer.refused")} />}
            {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
          </div>
          {outcome && hasErrors && (
            <Table<ImportRowError>
              rowKey={(e) => `${e.sheet}|${e.row}|${e.field}|${e.message}`}
              columns={columns}
              dataSource={outcome.errors}
              size="small"
              pagination={{ pageSize: 50 }}
              title={() => t("catalogAdmin.transfer.errorsTitle")}
            />
          )}
        </section>
      )}
    </div>
  );
}
