import { Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/feedback.tsx";
import type { CaseDetail } from "../../cases/api.ts";
import { CaseDocuments } from "../../cases/case-documents.tsx";
import { owedMaterials } from "../../cases/case-format.ts";
import { CaseClock, CaseTimeline } from "../../cases/case-parts.tsx";
import { CaseAnswers, CaseMaterials, CaseSummary, NoticeTable } from "../../cases/case-summary.tsx";
import { CaseFormValues } from "../../cases/form-fields.tsx";
import { InstantResult } from "../../cases/instant-result.tsx";
import { LoadedCase } from "../../cases/loaded-case.tsx";
import { PaymentPanel } from "../../cases/payment-panel.tsx";
import { getItem } from "../../portal/api.ts";
import { CasePledgesSection } from "../pledges/pledge-parts.tsx";
import { ActionPanel } from "./action-panel.tsx";
import "../../cases/cases.css";

/** A case on the workbench (/workbench/cases/:id): applicant, answers, materials, clock, events, actions. */
export function StaffCasePage() {
  return <LoadedCase View={StaffCaseView} />;
}

function StaffCaseView({ initial }: { initial: CaseDetail }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState(initial);
  // The guide gives the questions' wording; the case itself stays readable without it.
  const item = useApi((signal) => getItem(detail.item.id, signal).catch(() => undefined), [detail.item.id]);
  const title = t("cases.staff.title", { number: detail.number ?? t("cases.detail.draftTitle") });
  usePageTitle(title);
  const owed =
    detail.status === "accepted-pending" ? owedMaterials(detail.events, detail.pendingDueOn) : null;

  return (
    <div className="page case-page">
      <p>
        <Link to="/workbench/cases">{t("cases.staff.back")}</Link>
      </p>
      <Typography.Title level={1}>{title}</Typography.Title>
      <CaseSummary detail={detail} showApplicant />
      <InstantResult detail={detail} viewer="staff" />
      <ActionPanel detail={detail} onChanged={setDetail} />
      <CaseDocuments detail={detail} printReceipt />
      {/* Under 容缺 the notice is the owed list, shown below under its own heading. */}
      {detail.notice && detail.status !== "accepted-pending" && (
        <section aria-labelledby="staff-notice-title" className="case-section">
          <Typography.Title level={2} id="staff-notice-title">
            {t("cases.notice.title")}
          </Typography.Title>
          <NoticeTable items={detail.notice.items} />
        </section>
      )}
      {owed && (
        <section aria-labelledby="staff-owed-title" className="case-section">
          <Typography.Title level={2} id="staff-owed-title">
            {t("cases.pending.title")}
          </Typography.Title>
          {owed.dueDate && (
            <Typography.Paragraph>{t("cases.pending.intro", { date: owed.dueDate })}</Typography.Paragraph>
          )}
          <NoticeTable items={owed.items} />
        </section>
      )}
      <CaseClock clock={detail.clock} />
      <PaymentPanel caseId={detail.id} version={detail.status} />
      <CaseAnswers answers={detail.answers} {...(item.data ? { content: item.data.content } : {})} />
      <CaseFormValues form={detail.itemForm} values={detail.form} />
      <CaseMaterials detail={detail} />
      <CasePledgesSection caseId={detail.id} version={detail.status} />
      <CaseTimeline events={detail.events} applicant={detail.applicant} />
    </div>
  );
}
