import { App as AntApp, Button } from "antd";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { mayOpenCatalog } from "../admin/catalog/catalog-parts.tsx";
import { ApiError } from "../api/client.ts";
import { useElderlyMode } from "../elderly/elderly-mode.tsx";
import { changeLanguage, currentLanguage } from "../i18n/i18n.ts";
import { MessageBell } from "../messages/message-bell.tsx";
import { ActingForBar, ActingForSwitch } from "../session/acting-for.tsx";
import { hasAbility, isApplicant, isStaff, isSystemAdmin, useSession } from "../session/session-context.tsx";

/** The frame shared by all three areas: skip link, header with navigation and switches, main, footer. */
export function Layout() {
  const { t } = useTranslation();

  return (
    <div className="app-shell">
      {/* tabIndex -1 on <main> lets the fragment move keyboard focus there, not only the scroll position. */}
      <a className="skip-link" href="#main">
        {t("header.skipLink")}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t("app.footer")}</p>
        <p>{t("app.footerHotline")}</p>
      </footer>
    </div>
  );
}

function SiteHeader() {
  const { t } = useTranslation();
  const { user, abilities } = useSession();

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </Link>
        <nav aria-label={t("nav.label")} className="app-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/items">{t("nav.items")}</NavLink>
            </li>
            <li>
              <NavLink to="/tools">{t("nav.tools")}</NavLink>
            </li>
            <li>
              <NavLink to="/progress">{t("cases.nav.progress")}</NavLink>
            </li>
            {isStaff(user) && (
              <li>
                <NavLink to="/workbench" end>
                  {t("nav.workbench")}
                </NavLink>
              </li>
            )}
            {hasAbility(abilities, "case.read") && (
              <li>
                <NavLink to="/workbench/cases">{t("cases.nav.queue")}</NavLink>
              </li>
            )}
            {hasAbility(abilities, "pledge.verify") && (
              <li>
                <NavLink to="/workbench/pledge-checks">{t("pledges.nav")}</NavLink>
              </li>
            )}
            {isApplicant(user) && (
              <li>
                <NavLink to="/account/cases">{t("cases.nav.mine")}</NavLink>
              </li>
            )}
            {isApplicant(user) && (
              <li>
                <NavLink to="/account" end>
                  {t("account.navLink")}
                </NavLink>
              </li>
            )}
            {isSystemAdmin(user) && (
              <li>
                <NavLink to="/admin" end>
                  {t("nav.admin")}
                </NavLink>
              </li>
            )}
            {(hasAbility(abilities, "organisation.manage") || hasAbility(abilities, "delegation.manage")) && (
              <li>
                <NavLink to="/admin/organisations">{t("organisations.nav")}</NavLink>
              </li>
            )}
            {mayOpenCatalog(abilities) && (
              <li>
                <NavLink to="/admin/catalog">{t("catalogAdmin.nav.link")}</NavLink>
              </li>
            )}
            {hasAbility(abilities, "staff.manage") && (
              <li>
                <NavLink to="/admin/staff">{t("staffAdmin.nav")}</NavLink>
              </li>
            )}
            {hasAbility(abilities, "oidc-client.manage") && (
              <li>
                <NavLink to="/admin/oidc-clients">{t("oidc.admin.navLink")}</NavLink>
              </li>
            )}
            {hasAbility(abilities, "outbox.read") && (
              <li>
                <NavLink to="/admin/outbox">{t("adminIdentity.outboxNav")}</NavLink>
              </li>
            )}
            {hasAbility(abilities, "audit.verify") && (
              <li>
                <NavLink to="/admin/audit">{t("adminIdentity.auditNav")}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="app-switches">
          <LanguageSwitch />
          <ElderlySwitch />
          <ActingForSwitch />
          <MessageBell />
          <AccountControl />
        </div>
      </div>
      <ActingForBar />
    </header>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === "zh-CN" ? "en-US" : "zh-CN";
  return (
    <Button
      className="header-button"
      lang={next}
      aria-label={t("header.switchLanguageLabel")}
      onClick={() => void changeLanguage(next)}
    >
      {t("header.switchLanguage")}
    </Button>
  );
}

function ElderlySwitch() {
  const { t } = useTranslation();
  const { isElderly, setElderly } = useElderlyMode();
  return (
    <Button
      className="header-button"
      aria-pressed={isElderly}
      title={isElderly ? t("header.elderlyOffLabel") : t("header.elderlyOnLabel")}
      onClick={() => setElderly(!isElderly)}
    >
      {t("header.elderlyOn")}
    </Button>
  );
}

function AccountControl() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();

  if (!user) {
    return (
      <Link to="/login" className="header-link">
        {t("header.login")}
      </Link>
    );
  }

  const logout = async () => {
    try {
      await signOut();
      // Protected pages send a person who signed out home themselves (RequireAccess); public ones too.
      await navigate("/");
    } catch (error) {
      message.error(error instanceof ApiError && error.isFromServer ? error.title : t("common.networkError"));
    }
  };

  return (
    <span className="account">
      <span className="account-name">{t("header.account", { name: user.displayName })}</span>
      <Button className="header-button" onClick={() => void logout()}>
        {t("header.logout")}
      </Button>
    </span>
  );
}
