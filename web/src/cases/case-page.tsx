import { Alert, App, Button, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText, usePageTitle } from "../app/feedback.tsx";
import { type CaseDetail, type CaseMaterial, runAction } from "./api.ts";
import { CaseDocuments } from "./case-documents.tsx";
import { formatInstant, owedMaterials } from "./case-format.ts";
import { CaseClock, CaseTimeline } from "./case-parts.tsx";
import { CaseAnswers, CaseMaterials, CaseSummary, NoticeTable } from "./case-summary.tsx";
import { CaseFormValues } from "./form-fields.tsx";
import { InstantResult } from "./instant-result.tsx";
import { LoadedCase } from "./loaded-case.tsx";
import { MaterialUploads } from "./material-uploads.tsx";
import { PaymentPanel } from "./payment-panel.tsx";
import "./cases.css";

/** One of the applicant's cases (/account/cases/:id): status, notice, 容缺, clock, materials, timeline, withdraw. */
export function CasePage() {
  return <LoadedCase View={CaseView} />;
}

function CaseView({ initial }: { initial: CaseDetail }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState(initial);
  const title = detail.number
    ? t("cases.detail.title", { number: detail.number })
    : t("cases.detail.draftTitle");
  usePageTitle(title);
  const addUpload = (row: CaseMaterial) => setDetail((d) => ({ ...d, materials: [...d.materials, row] }));
  const dropUpload = (rowId: string) =>
    setDetail((d) => ({ ...d, materials: d.materials.filter((row) => row.id !== rowId) }));

  return (
    <div className="page case-page">
      <p>
        <Link to="/account/cases">{t("cases.detail.back")}</Link>
      </p>
      <Typography.Title level={1}>{title}</Typography.Title>
      <CaseSummary detail={detail} />
      <InstantResult detail={detail} viewer="applicant" />
      <CaseDocuments detail={detail} />
      {detail.status === "draft" && (
        <p className="case-section">
          <Link to={`/apply/${detail.item.id}?case=${detail.id}`}>{t("cases.mine.continue")}</Link>
        </p>
      )}
      {detail.status === "correction-requested" && detail.notice && (
        <CorrectionNotice
          detail={detail}
          onUploaded={addUpload}
          onRemoved={dropUpload}
          onChanged={setDetail}
        />
      )}
      {detail.status === "accepted-pending" && (
        <PendingMaterials detail={detail} onUploaded={addUpload} onChanged={setDetail} />
      )}
      {detail.status !== "draft" && <CaseClock clock={detail.clock} />}
      <PaymentPanel caseId={detail.id} version={detail.status} />
      <CaseAnswers answers={detail.answers} />
      <CaseFormValues form={detail.itemForm} values={detail.form} />
      <CaseMaterials detail={detail} />
      <CaseTimeline events={detail.events} applicant={detail.applicant} />
      {detail.abilities.withdraw && <Withdraw detail={detail} onChanged={setDetail} />}
    </div>
  );
}

/** 一次性告知补正: each named material with its problem, a re-upload for each, then resubmit. */
function CorrectionNotice({
  detail,
  onUploaded,
  onRemoved,
  onChanged,
}: {
  detail: CaseDetail;
  onUploaded: (row: CaseMaterial) => void;
  onRemoved: (rowId: string) => void;
  onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const notice = detail.notice;
  if (!notice) return null;
  const named = new Set(notice.items.map((item) => item.materialId));
  return (
    <section aria-labelledby="case-notice-title" className="case-section case-notice">
      <Typography.Title level={2} id="case-notice-title">
        {t("cases.notice.title")}
      </Typography.Title>
      <Typography.Paragraph>{t("cases.notice.intro")}</Typography.Paragraph>
      <Typography.Paragraph className="case-muted">
        {t("cases.notice.issuedAt", { time: formatInstant(notice.at) })}
      </Typography.Paragraph>
      <NoticeTable items={notice.items} />
      <MaterialUploads
        materials={detail.checklist.materials.filter((material) => named.has(material.id))}
        uploads={detail.materials}
        caseIdForLinks={detail.id}
        rules={{ caseId: async () => detail.id, only: named, mayRemove: true, onUploaded, onRemoved }}
      />
      {detail.abilities.resubmit && (
        <ActionButton
          detail={detail}
          action="resubmit"
          label={t("cases.notice.resubmit")}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

/** 容缺受理: the materials still owed and by when, with uploads and the button that says they are supplied. */
function PendingMaterials({
  detail,
  onUploaded,
  onChanged,
}: {
  detail: CaseDetail;
  onUploaded: (row: CaseMaterial) => void;
  onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const owed = owedMaterials(detail.events, detail.pendingDueOn);
  if (!owed) return null;
  const named = new Set(owed.items.map((item) => item.materialId));
  return (
    <section aria-labelledby="case-pending-title" className="case-section case-notice">
      <Typography.Title level={2} id="case-pending-title">
        {t("cases.pending.title")}
      </Typography.Title>
      <Typography.Paragraph>
        {owed.dueDate ? t("cases.pending.intro", { date: owed.dueDate }) : t("cases.pending.noDate")}
      </Typography.Paragraph>
      <NoticeTable items={owed.items} />
      {detail.abilities["supply-pending"] && (
        <>
          <MaterialUploads
            materials={detail.checklist.materials.filter((material) => named.has(material.id))}
            uploads={detail.materials}
            caseIdForLinks={detail.id}
            rules={{
              caseId: async () => detail.id,
              only: named,
              mayRemove: false,
              onUploaded,
              onRemoved: () => {},
            }}
          />
          <ActionButton
            detail={detail}
            action="supply-pending"
            label={t("cases.pending.supply")}
            onChanged={onChanged}
          />
        </>
      )}
    </section>
  );
}

function ActionButton({
  detail,
  action,
  label,
  onChanged,
}: {
  detail: CaseDetail;
  action: "resubmit" | "supply-pending";
  label: string;
  onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setIsBusy(true);
    setProblem(null);
    try {
      onChanged(await runAction(detail.id, action));
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div className="case-actions">
      <Button type="primary" loading={isBusy} onClick={() => void run()}>
        {label}
      </Button>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </div>
  );
}

function Withdraw({ detail, onChanged }: { detail: CaseDetail; onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const confirm = () =>
    modal.confirm({
      title: t("cases.withdraw.confirmTitle"),
      content: t("cases.withdraw.confirmBody"),
      okText: t("cases.withdraw.ok"),
      okButtonProps: { danger: true },
      cancelText: t("cases.withdraw.cancel"),
      onOk: async () => {
        try {
          onChanged(await runAction(detail.id, "withdraw"));
          message.success(t("cases.withdraw.done"));
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  return (
    <div className="case-actions">
      <Button danger onClick={confirm}>
        {t("cases.withdraw.button")}
      </Button>
    </div>
  );
}
