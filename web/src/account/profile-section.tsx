import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "../session/api.ts";
import { RealNameBadge, RealNameLevelsExplained } from "./real-name-level.tsx";

/** Who the account is, with identifiers masked as the server sends them. */
export function ProfileSection({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const none = t("common.none");
  const isCompany = user.kind === "company";
  const rows = [
    {
      key: "name",
      label: isCompany ? t("account.companyName") : t("account.displayName"),
      value: user.displayName,
    },
    {
      key: "kind",
      label: t("account.kind"),
      value: t(isCompany ? "account.kindCompany" : "account.kindCitizen"),
    },
    ...(isCompany
      ? [{ key: "credit", label: t("account.creditCode"), value: user.creditCode ?? none }]
      : [
          { key: "legal", label: t("account.legalName"), value: user.legalName ?? t("account.notVerified") },
          { key: "mobile", label: t("account.mobile"), value: user.mobileMasked ?? none },
          {
            key: "citizenId",
            label: t("account.citizenId"),
            value: user.citizenIdMasked ?? t("account.notVerified"),
          },
        ]),
  ];
  return (
    <section aria-labelledby="profile-title">
      <Typography.Title level={2} id="profile-title">
        {t("account.profileTitle")}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          ...rows.map((row) => ({ key: row.key, label: row.label, children: row.value })),
          {
            key: "level",
            label: t("account.realNameLevel"),
            children: <RealNameBadge level={user.realNameLevel} />,
          },
        ]}
      />
      <Typography.Title level={3} className="levels-title">
        {t("account.levelsTitle")}
      </Typography.Title>
      <RealNameLevelsExplained />
    </section>
  );
}
