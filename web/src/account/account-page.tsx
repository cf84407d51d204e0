import { Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../app/feedback.tsx";
import { useSession } from "../session/session-context.tsx";
import { AuthorisationsSection } from "./authorisations-section.tsx";
import { CompaniesSection } from "./companies-section.tsx";
import { ProfileSection } from "./profile-section.tsx";
import { RealNameSection } from "./real-name-section.tsx";
import { SecuritySection } from "./security-section.tsx";

/** The personal space (/account) of a citizen or a company: profile, 实名认证, 代办授权, companies, security. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isCompany = user?.kind === "company";
  const title = isCompany ? t("account.companyTitle") : t("account.title");
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  // RequireAccess guarantees an applicant here; the check only satisfies the type.
  if (!user) return null;

  const tabs = [
    { key: "profile", label: t("account.profileTab"), children: <ProfileSection user={user} /> },
    ...(isCompany
      ? []
      : [{ key: "real-name", label: t("account.realNameTab"), children: <RealNameSection /> }]),
    { key: "authorisations", label: t("account.authorisationsTab"), children: <AuthorisationsSection /> },
    { key: "company", label: t("account.companyTab"), children: <CompaniesSection /> },
    { key: "security", label: t("account.securityTab"), children: <SecuritySection /> },
  ];
  const requested = params.get("tab");
  const active = tabs.some((tab) => tab.key === requested) ? (requested ?? "profile") : "profile";

  return (
    <div className="page account-page">
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph>{t("account.welcome", { name: user.displayName })}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={tabs}
        destroyOnHidden
      />
    </div>
  );
}
