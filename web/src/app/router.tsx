import type { ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { AccountPage } from "../account/account-page.tsx";
import { CompanyAgentsPage } from "../account/company-agents-page.tsx";
import { AuditPage } from "../admin/audit-page.tsx";
import { CalendarAdminPage } from "../admin/calendar-admin-page.tsx";
import { CatalogListPage } from "../admin/catalog/catalog-list-page.tsx";
import { mayOpenCatalog } from "../admin/catalog/catalog-parts.tsx";
import { ChangePage } from "../admin/catalog/change-page.tsx";
import { EditorPage } from "../admin/catalog/editor-page.tsx";
import { ItemPage } from "../admin/catalog/item-page.tsx";
import { ReportPage } from "../admin/catalog/report-page.tsx";
import { ReviewQueuePage } from "../admin/catalog/review-queue-page.tsx";
import { TransferPage } from "../admin/catalog/transfer-page.tsx";
import { OidcClientsPage } from "../admin/oidc-clients-page.tsx";
import { mayOpenOrganisations, OrganisationsPage } from "../admin/organisations/organisations-page.tsx";
import { PlacePage } from "../admin/organisations/place-page.tsx";
import { OutboxPage } from "../admin/outbox-page.tsx";
import { StaffPage } from "../admin/staff/staff-page.tsx";
import { ApplyPage } from "../cases/apply-page.tsx";
import { CasePage } from "../cases/case-page.tsx";
import { MyCasesPage } from "../cases/my-cases-page.tsx";
import { ProgressPage } from "../cases/progress-page.tsx";
import { LoginPage } from "../login/login-page.tsx";
import { MessagesPage } from "../messages/messages-page.tsx";
import { ConsentPage } from "../oidc/consent-page.tsx";
import { DemoCheckoutPage } from "../payments/demo-checkout-page.tsx";
import { HomePage } from "../portal/home-page.tsx";
import { ItemDetailPage } from "../portal/item-detail-page.tsx";
import { ItemsPage } from "../portal/items-page.tsx";
import { RegisterPage } from "../register/register-page.tsx";
import type { Abilities, SessionUser } from "../session/api.ts";
import { RequireAccess } from "../session/require-access.tsx";
import { hasAbility, isApplicant, isStaff, isSystemAdmin } from "../session/session-context.tsx";
import { ToolsPage } from "../tools/tools-page.tsx";
import { IntakePage } from "../workbench/cases/intake-page.tsx";
import { QueuePage } from "../workbench/cases/queue-page.tsx";
import { StaffCasePage } from "../workbench/cases/staff-case-page.tsx";
import { PledgeChecksPage } from "../workbench/pledges/pledge-checks-page.tsx";
import { WorkbenchPage } from "../workbench/workbench-page.tsx";
import { Layout } from "./layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";

/** The three areas — portal (public), workbench (staff), admin (system-admin) — under one layout. */
export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "items", element: <ItemsPage /> },
        { path: "items/:id", element: <ItemDetailPage /> },
        { path: "tools", element: <ToolsPage /> },
        { path: "login", element: <LoginPage /> },
        { path: "register", element: <RegisterPage /> },
        {
          path: "account",
          element: (
            <RequireAccess allow={isApplicant}>
              <AccountPage />
            </RequireAccess>
          ),
        },
        {
          path: "account/company/:id",
          element: (
            <RequireAccess allow={isApplicant}>
              <CompanyAgentsPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin/outbox",
          element: (
            <RequireAccess allow={(_user, abilities) => hasAbility(abilities, "outbox.read")}>
              <OutboxPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin/audit",
          element: (
            <RequireAccess allow={(_user, abilities) => hasAbility(abilities, "audit.verify")}>
              <AuditPage />
            </RequireAccess>
          ),
        },
        {
          path: "workbench",
          element: (
            <RequireAccess allow={isStaff}>
              <WorkbenchPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin",
          element: (
            <RequireAccess allow={isSystemAdmin}>
              <CalendarAdminPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin/staff",
          element: (
            <RequireAccess allow={(_user, abilities) => hasAbility(abilities, "staff.manage")}>
              <StaffPage />
            </RequireAccess>
          ),
        },
        ...catalogAdminRoutes(),
        ...caseRoutes(),
        {
          path: "admin/oidc-clients",
          element: (
            <RequireAccess allow={(_user, abilities) => hasAbility(abilities, "oidc-client.manage")}>
              <OidcClientsPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin/organisations",
          element: (
            <RequireAccess allow={(_user, abilities) => mayOpenOrganisations(abilities)}>
              <OrganisationsPage />
            </RequireAccess>
          ),
        },
        {
          path: "admin/organisations/places/:id",
          element: (
            <RequireAccess allow={(_user, abilities) => hasAbility(abilities, "organisation.manage")}>
              <PlacePage />
            </RequireAccess>
          ),
        },
        {
          path: "oidc/consent/:uid",
          element: (
            <RequireAccess allow={() => true}>
              <ConsentPage />
            </RequireAccess>
          ),
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}

/** Case processing (办件): applying and one's own cases, the public progress lookup, the staff workbench. */
function caseRoutes() {
  const guarded = (
    path: string,
    page: ReactNode,
    allow: (user: SessionUser, abilities: Abilities) => boolean,
  ) => ({
    path,
    element: <RequireAccess allow={allow}>{page}</RequireAccess>,
  });
  return [
    { path: "progress", element: <ProgressPage /> },
    guarded("apply/:itemId", <ApplyPage />, isApplicant),
    guarded("account/cases", <MyCasesPage />, isApplicant),
    guarded("account/cases/:id", <CasePage />, isApplicant),
    guarded("account/messages", <MessagesPage />, isApplicant),
    guarded("workbench/messages", <MessagesPage />, isStaff),
    guarded("pay/demo/:ref", <DemoCheckoutPage />, isApplicant),
    guarded("workbench/cases", <QueuePage />, isStaff),
    guarded("workbench/cases/:id", <StaffCasePage />, isStaff),
    guarded("workbench/intake", <IntakePage />, (_user, abilities) => hasAbility(abilities, "case.intake")),
    guarded("workbench/pledge-checks", <PledgeChecksPage />, (_user, abilities) =>
      hasAbility(abilities, "pledge.verify"),
    ),
  ];
}

/** The catalog administration (事项管理): list, item history, editor, review queues, report, import/export. */
function catalogAdminRoutes() {
  const guarded = (path: string, page: ReactNode, allow = mayOpenCatalog) => ({
    path,
    element: <RequireAccess allow={(_user, abilities) => allow(abilities)}>{page}</RequireAccess>,
  });
  const mayDraft = (abilities: Abilities) => hasAbility(abilities, "catalog.draft");
  return [
    guarded("admin/catalog", <CatalogListPage />),
    guarded("admin/catalog/items/:id", <ItemPage />),
    guarded("admin/catalog/edit", <EditorPage />, mayDraft),
    guarded("admin/catalog/changes/:id", <ChangePage />),
    guarded("admin/catalog/changes/:id/edit", <EditorPage />, mayDraft),
    guarded("admin/catalog/review/:queue", <ReviewQueuePage />),
    guarded("admin/catalog/report", <ReportPage />, (abilities) => hasAbility(abilities, "catalog.report")),
    guarded("admin/catalog/transfer", <TransferPage />),
  ];
}
