import { Tabs, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../app/feedback.tsx";
import type { Abilities } from "../../session/api.ts";
import { hasAbility, useSession } from "../../session/session-context.tsx";
import { DelegationsTab } from "./delegations-tab.tsx";
import { DepartmentsTab } from "./departments-tab.tsx";
import { ImportTab } from "./import-tab.tsx";
import { PlacesTab } from "./places-tab.tsx";
import { RegionsTab } from "./regions-tab.tsx";
import "./organisations.css";

const tabs = ["places", "regions", "departments", "delegations", "import"] as const;
type TabKey = (typeof tabs)[number];

/** Whether the user may open the organisation pages at all (administrators, or editors who delegate). */
export function mayOpenOrganisations(abilities: Abilities): boolean {
  return hasAbility(abilities, "organisation.manage") || hasAbility(abilities, "delegation.manage");
}

/**
 * Organisation management (/admin/organisations): service places and their windows, the region tree,
 * departments, delegation (委托受理), and import/export. The core's permission table decides which tabs
 * show; each record's abilities (from the server) decide which buttons do.
 */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("organisations.title"));
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const manages = hasAbility(abilities, "organisation.manage");
  const visible: TabKey[] = manages ? [...tabs] : ["delegations"];
  const requested = params.get("tab") as TabKey | null;
  const active: TabKey = requested && visible.includes(requested) ? requested : (visible[0] ?? "delegations");

  const panes: Record<TabKey, { label: string; children: ReactNode }> = {
    places: { label: t("organisations.tabs.places"), children: <PlacesTab /> },
    regions: { label: t("organisations.tabs.regions"), children: <RegionsTab /> },
    departments: { label: t("organisations.tabs.departments"), children: <DepartmentsTab /> },
    delegations: { label: t("organisations.tabs.delegations"), children: <DelegationsTab /> },
    import: { label: t("organisations.tabs.import"), children: <ImportTab /> },
  };

  return (
    <div className="page">
      <Typography.Title level={1}>{t("organisations.title")}</Typography.Title>
      <Typography.Paragraph>{t("organisations.intro")}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={visible.map((key) => ({ key, label: panes[key].label, children: panes[key].children }))}
      />
    </div>
  );
}
