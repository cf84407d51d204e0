import { App as AntApp, Button, List, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorText } from "../app/feedback.tsx";
import { type AgentCompany, actFor, type RepresentedCompany } from "../session/api.ts";
import { useSession } from "../session/session-context.tsx";

/**
 * Companies in the user's life: the ones they manage (the company account itself, or a company whose
 * legal representative they are) and the ones they may act for as an agent (经办人).
 */
export function CompaniesSection() {
  const { t } = useTranslation();
  const { user, info } = useSession();
  if (!user || !info) return null;
  const managed = info.representedCompanies;

  return (
    <section aria-labelledby="companies-title">
      <Typography.Title level={2} id="companies-title">
        {t("company.sectionTitle")}
      </Typography.Title>
      <section aria-labelledby="managed-title" className="account-block">
        <Typography.Title level={3} id="managed-title">
          {user.kind === "company" ? t("company.agentsTitle") : t("company.representedTitle")}
        </Typography.Title>
        {managed.length === 0 ? (
          <Typography.Paragraph>{t("company.representedNone")}</Typography.Paragraph>
        ) : (
          <List<RepresentedCompany>
            dataSource={managed}
            renderItem={(company) => (
              <List.Item>
                <Link to={`/account/company/${company.id}`}>
                  {t("company.manageAgentsOf", { name: company.name })}
                </Link>
              </List.Item>
            )}
          />
        )}
      </section>
      {user.kind === "citizen" && (
        <AgentOfSection companies={info.companies} actingForId={info.actingFor?.id} />
      )}
    </section>
  );
}

function AgentOfSection({
  companies,
  actingForId,
}: {
  companies: AgentCompany[];
  actingForId: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agent-of-title" className="account-block">
      <Typography.Title level={3} id="agent-of-title">
        {t("company.agentOfTitle")}
      </Typography.Title>
      {companies.length === 0 ? (
        <Typography.Paragraph>{t("company.agentOfNone")}</Typography.Paragraph>
      ) : (
        <List<AgentCompany>
          dataSource={companies}
          renderItem={(company) => (
            <List.Item
              actions={[<ActForButton key="act" company={company} isActing={company.id === actingForId} />]}
            >
              <List.Item.Meta
                title={company.name}
                description={
                  <>
                    {company.creditCode && <span>{company.creditCode} · </span>}
                    {company.scope.length === 0
                      ? t("company.scopeAll")
                      : t("company.scopeItems", { count: company.scope.length })}
                    {" · "}
                    {t("company.validTo", { date: company.validTo })}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

/** Starts acting for the company (or shows that the user already does). */
export function ActForButton({ company, isActing }: { company: AgentCompany; isActing: boolean }) {
  const { t } = useTranslation();
  const { accept } = useSession();
  const { message } = AntApp.useApp();
  const [isBusy, setIsBusy] = useState(false);
  if (isActing) return <Tag className="status-tag-info">{t("company.actingNow")}</Tag>;

  const start = async () => {
    setIsBusy(true);
    try {
      accept(await actFor(company.id));
      message.success(t("company.actingStarted", { name: company.name }));
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Button
      onClick={() => void start()}
      loading={isBusy}
      aria-label={t("company.actForLabel", { name: company.name })}
    >
      {t("company.actFor")}
    </Button>
  );
}
