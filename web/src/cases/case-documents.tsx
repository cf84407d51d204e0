import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CaseDetail } from "./api.ts";
import "./case-documents.css";

type CaseDocument = CaseDetail["documents"][number];

/** Where a case document is served as PDF (the applicant and staff who may read the case). */
export function caseDocumentUrl(caseId: string, kind: CaseDocument["kind"]): string {
  return `/api/cases/${encodeURIComponent(caseId)}/documents/${kind}`;
}

/**
 * The case's documents (受理回执, 补正告知书, 不予受理告知书, 决定书) with buttons to open one in a new tab,
 * where the browser's PDF viewer prints it, or to download it. With `printReceipt` (the staff case page)
 * an accepted window case also gets a prominent 打印受理回执 button for the applicant waiting at the window.
 */
export function CaseDocuments({ detail, printReceipt }: { detail: CaseDetail; printReceipt?: boolean }) {
  const { t } = useTranslation();
  const documents = detail.documents;
  if (documents.length === 0) return null;
  const receipt = documents.find((document) => document.kind === "acceptance-receipt");
  // The walk-in applicant takes the receipt home from the window; online applicants download it themselves.
  const showReceipt =
    printReceipt &&
    receipt &&
    detail.channel === "window" &&
    !["completed", "withdrawn"].includes(detail.status);
  return (
    <section aria-labelledby="case-documents-title" className="case-section">
      <Typography.Title level={2} id="case-documents-title">
        {t("caseDocuments.title")}
      </Typography.Title>
      {showReceipt && (
        <div className="case-print-receipt">
          <Typography.Text>{t("caseDocuments.printReceiptHint")}</Typography.Text>
          <Button
            type="primary"
            size="large"
            icon={<PrinterOutlined />}
            href={caseDocumentUrl(detail.id, "acceptance-receipt")}
            target="_blank"
            rel="noopener"
          >
            {t("caseDocuments.printReceipt")}
          </Button>
        </div>
      )}
      <Typography.Paragraph className="case-muted">{t("caseDocuments.intro")}</Typography.Paragraph>
      <ul className="case-documents">
        {documents.map((document) => (
          <li key={document.kind} className="case-document">
            <span className="case-document-name">{document.name}</span>
            <Button
              icon={<PrinterOutlined />}
              href={caseDocumentUrl(detail.id, document.kind)}
              target="_blank"
              rel="noopener"
              aria-label={t("caseDocuments.open", { name: document.name })}
            >
              {t("caseDocuments.openShort")}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={caseDocumentUrl(detail.id, document.kind)}
              download={`${document.name}-${detail.number ?? detail.id}.pdf`}
              aria-label={t("caseDocuments.download", { name: document.name })}
            >
              {t("caseDocuments.downloadShort")}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
