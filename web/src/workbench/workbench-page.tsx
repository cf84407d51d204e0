import { type StaffRole, staffRoles } from "@tongban/core";
import { Descriptions, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../app/feedback.tsx";
import type { SessionUser } from "../session/api.ts";
import { useSession } from "../session/session-context.tsx";
import { DeadlineCalculator } from "../tools/deadline-calculator.tsx";
import { IdentifierChecker } from "../tools/identifier-checker.tsx";

function isKnownRole(role: string): role is StaffRole {
  return staffRoles.some((known) => known === role);
}

/** A role's name in the UI language; roles the UI does not know yet show their code. */
export function roleLabel(role: string, t: TFunction): string {
  return isKnownRole(role) ? t(`roles.${role}`) : role;
}

/** The staff workbench home (/workbench): who is signed in and the everyday tools. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  usePageTitle(t("workbench.title"));
  const { user } = useSession();
  // RequireAccess guarantees a staff user here; the check only satisfies the type.
  if (!user) return null;

  return (
    <div className="page">
      <Typography.Title level={1}>{t("workbench.welcome", { name: user.displayName })}</Typography.Title>
      <section aria-labelledby="profile-title" className="workbench-profile">
        <Typography.Title level={2} id="profile-title">
          {t("workbench.profile")}
        </Typography.Title>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={profile(user, t)} />
      </section>
      <section aria-labelledby="workbench-tools-title">
        <Typography.Title level={2} id="workbench-tools-title">
          {t("workbench.tools")}
        </Typography.Title>
        <div className="tool-grid">
          <DeadlineCalculator headingLevel={3} />
          <IdentifierChecker headingLevel={3} />
        </div>
      </section>
    </div>
  );
}

function profile(user: SessionUser, t: TFunction) {
  return [
    { key: "name", label: t("workbench.name"), children: user.displayName },
    { key: "username", label: t("workbench.username"), children: user.username },
    {
      key: "roles",
      label: t("workbench.roles"),
      children:
        user.roles.length === 0
          ? t("common.none")
          : user.roles.map((role) => <Tag key={role}>{roleLabel(role, t)}</Tag>),
    },
    {
      key: "department",
      label: t("workbench.department"),
      children: user.department?.name ?? t("common.none"),
    },
    { key: "region", label: t("workbench.region"), children: user.regionCode ?? t("common.none") },
  ];
}
