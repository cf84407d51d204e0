import { createBrowserRouter } from "react-router";
import { AccountPage } from "../account/account-page.tsx";
import { CompanyAgentsPage } from "../account/company-agents-page.tsx";
import { AuditPage } from "../admin/audit-page.tsx";
import { CalendarAdminPage } from "../admin/calendar-admin-page.tsx";
import { OidcClientsPage } from "../admin/oidc-clients-page.tsx";
import { mayOpenOrganisations, OrganisationsPage } from "../admin/organisations/organisations-page.tsx";
import { PlacePage } from "../admin/organisations/place-page.tsx";
import { OutboxPage } from "../admin/outbox-page.tsx";
import { StaffPage } from "../admin/staff/staff-page.tsx";
import { LoginPage } from "../login/login-page.tsx";
import { ConsentPage } from "../oidc/consent-page.tsx";
import { HomePage } from "../portal/home-page.tsx";
import { ItemDetailPage } from "../portal/item-detail-page.tsx";
import { ItemsPage } from "../portal/items-page.tsx";
import { RegisterPage } from "../register/register-page.tsx";
import { RequireAccess } from "../session/require-access.tsx";
import { hasAbility, isApplicant, isStaff, isSystemAdmin } from "../session/session-context.tsx";
import { ToolsPage } from "../tools/tools-page.tsx";
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
