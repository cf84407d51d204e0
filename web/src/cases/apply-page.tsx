import { Alert, Descriptions, Result, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { getItem } from "../portal/api.ts";
import { useSession } from "../session/session-context.tsx";
import { type CaseDetail, getCase, getPrefill } from "./api.ts";
import { CaseDraftEditor } from "./case-draft-editor.tsx";
import { instantSubmitted } from "./instant-result.tsx";
import "./cases.css";

/** From 网上办理深度 Ⅱ (online pre-check) on, an application starts online. */
const ONLINE_FROM_DEPTH = 2;

/** 在线办理 (/apply/:itemId, ?case= resumes a draft): fill in, upload, autosave, submit, confirmation. */
export function ApplyPage() {
  const { itemId = "" } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  // Read once: the address gains ?case= when the draft is created, which must not reload the page.
  const [resumeId] = useState(() => searchParams.get("case"));
  const { t } = useTranslation();
  const { user } = useSession();
  const [submitted, setSubmitted] = useState<CaseDetail | null>(null);
  const loaded = useApi(
    async (signal) => {
      // A new application starts with what the server prefills from the applicant's verified profile.
      const [item, draft, prefill] = await Promise.all([
        getItem(itemId, signal),
        resumeId ? getCase(resumeId, signal) : Promise.resolve(undefined),
        resumeId ? Promise.resolve({}) : getPrefill(itemId, undefined, signal),
      ]);
      return { item, draft, prefill };
    },
    [itemId, resumeId],
  );
  const itemName = loaded.data?.item.content.name ?? "";
  usePageTitle(t("cases.apply.title", { item: itemName }));

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || !user) return <Loading />;
  const { item, draft, prefill } = loaded.data;

  if (submitted) return <Submitted detail={submitted} {...instantSubmitted(submitted, t)} />;
  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("cases.apply.title", { item: itemName })}</Typography.Title>
      <Typography.Paragraph>{item.department.name}</Typography.Paragraph>
      {item.content.onlineDepth < ONLINE_FROM_DEPTH ? (
        <Alert type="info" showIcon title={t("cases.apply.notOnline")} />
      ) : draft && draft.status !== "draft" ? (
        <Alert
          type="info"
          showIcon
          title={t("cases.apply.notDraft")}
          action={<Link to={`/account/cases/${draft.id}`}>{t("cases.apply.openCase")}</Link>}
        />
      ) : (
        <CaseDraftEditor
          item={item}
          {...(draft ? { initial: draft } : {})}
          defaults={prefill}
          onCreated={(detail) => setSearchParams({ case: detail.id }, { replace: true })}
          onSubmitted={setSubmitted}
        />
      )}
    </div>
  );
}

/** The confirmation after submit: the case number and the query code for the public progress lookup. */
export function Submitted({
  detail,
  title,
  body,
  links,
}: {
  detail: CaseDetail;
  title?: string;
  body?: string;
  links?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="page case-page">
      <Result
        status="success"
        title={<h1 className="case-result-title">{title ?? t("cases.apply.submitted")}</h1>}
        subTitle={body ?? t("cases.apply.submittedBody")}
        extra={
          links ?? [
            <Link key="case" to={`/account/cases/${detail.id}`}>
              {t("cases.apply.openCase")}
            </Link>,
            <Link key="mine" to="/account/cases">
              {t("cases.apply.toMyCases")}
            </Link>,
          ]
        }
      />
      <Descriptions
        bordered
        column={1}
        className="case-receipt"
        items={[
          { key: "item", label: t("cases.detail.item"), children: detail.item.name },
          {
            key: "number",
            label: t("cases.apply.number"),
            children: <span data-testid="case-number">{detail.number}</span>,
          },
          {
            key: "code",
            label: t("cases.apply.queryCode"),
            children: <span data-testid="case-query-code">{detail.queryCode}</span>,
          },
        ]}
      />
    </div>
  );
}
