import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Table, type TableColumnsType, Typography } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { errorText } from "../../app/feedback.tsx";
import { downloads, type ImportResult, importFile, type RowError } from "./api.ts";

/** The file's content as the import endpoint takes it: JSON as text, a workbook in base64. */
async function readForUpload(file: File): Promise<{ format: "json" | "xlsx"; content: string }> {
  if (/\.json$/i.test(file.name)) return { format: "json", content: await file.text() };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  return { format: "xlsx", content: dataUrl.slice(dataUrl.indexOf(",") + 1) };
}

/** The row errors an IMPORT_INVALID problem carries. */
function rowErrorsOf(error: unknown): { rows: RowError[]; total: number } | undefined {
  if (!(error instanceof ApiError) || error.code !== "IMPORT_INVALID" || !error.details) return undefined;
  const rows = Array.isArray(error.details.rows) ? (error.details.rows as RowError[]) : [];
  const total = typeof error.details.total === "number" ? error.details.total : rows.length;
  return { rows, total };
}

/**
 * Import and export: download the Excel template, export what the user manages, and import a JSON or
 * Excel file. The import is all or nothing: every bad row is listed (table, row, column, problem).
 */
export function ImportTab() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const rowErrors = rowErrorsOf(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setIsBusy(true);
    setResult(undefined);
    setError(undefined);
    try {
      const { format, content } = await readForUpload(file);
      setResult(await importFile({ fileName: file.name, format, content }));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  const columns: TableColumnsType<RowError> = [
    { key: "sheet", title: t("organisations.import.sheet"), dataIndex: "sheet" },
    { key: "row", title: t("organisations.import.row"), dataIndex: "row", align: "right" },
    { key: "column", title: t("organisations.import.column"), dataIndex: "column" },
    { key: "message", title: t("organisations.import.message"), dataIndex: "message" },
  ];
  const counts = (key: keyof ImportResult) =>
    result
      ? t("organisations.import.counts", { created: result[key].created, updated: result[key].updated })
      : "";

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title" className="visually-hidden">
        {t("organisations.tabs.import")}
      </h2>
      <Typography.Paragraph>{t("organisations.import.intro")}</Typography.Paragraph>
      <ul className="org-downloads">
        <li>
          <a href={downloads.template} download>
            <DownloadOutlined aria-hidden /> {t("organisations.import.template")}
          </a>
        </li>
        <li>
          <a href={downloads.exportXlsx} download>
            <DownloadOutlined aria-hidden /> {t("organisations.import.exportXlsx")}
          </a>
        </li>
        <li>
          <a href={downloads.exportJson} download="organisations.json">
            <DownloadOutlined aria-hidden /> {t("organisations.import.exportJson")}
          </a>
        </li>
      </ul>
      <form className="org-import-form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="import-file">{t("organisations.import.file")}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-hint"
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setResult(undefined);
            setError(undefined);
          }}
        />
        <p id="import-file-hint" className="org-muted">
          {t("organisations.import.fileHint")}
        </p>
        <Button type="primary" htmlType="submit" disabled={!file} loading={isBusy}>
          {t("organisations.import.submit")}
        </Button>
      </form>
      <div role="status">
        {result && (
          <>
            <Alert type="success" showIcon title={t("organisations.import.done")} />
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "regions", label: t("organisations.tabs.regions"), children: counts("regions") },
                {
                  key: "departments",
                  label: t("organisations.tabs.departments"),
                  children: counts("departments"),
                },
                { key: "places", label: t("organisations.tabs.places"), children: counts("places") },
                { key: "windows", label: t("organisations.windows.title"), children: counts("windows") },
              ]}
            />
          </>
        )}
      </div>
      <div role="alert">
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            title={errorText(error, t)}
            description={
              rowErrors && rowErrors.total > rowErrors.rows.length
                ? t("organisations.import.moreErrors", {
                    shown: rowErrors.rows.length,
                    total: rowErrors.total,
                  })
                : undefined
            }
          />
        )}
      </div>
      {rowErrors && (
        <Table<RowError>
          className="org-row-errors"
          rowKey={(e) => `${e.sheet}|${e.row}|${e.column}|${e.message}`}
          columns={columns}
          dataSource={rowErrors.rows}
          size="small"
          pagination={false}
          title={() => t("organisations.import.errorsTitle")}
        />
      )}
    </section>
  );
}
