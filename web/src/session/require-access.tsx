import { Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Abilities, SessionUser } from "./api.ts";
import { useSession } from "./session-context.tsx";

/** Shows `children` only to a signed-in user who passes `allow`; visitors go to the login page. */
export function RequireAccess({
  allow,
  children,
}: {
  allow: (user: SessionUser, abilities: Abilities) => boolean;
  children: ReactNode;
}) {
  const { user, abilities, isLoading, signedOut } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (isLoading) {
    return (
      <div className="page-loading">
        <Spin description={t("common.loading")} />
      </div>
    );
  }
  if (!user) {
    if (signedOut) return <Navigate to="/" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!allow(user, abilities)) {
    return <Result status="403" title={t("access.forbiddenTitle")} subTitle={t("access.forbiddenBody")} />;
  }
  return children;
}
