import { type ContentChange, consistencyRules, type Finding } from "@tongban/core";
import { Table, type TableColumnsType, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { ApiState } from "../../api/use-api.ts";
import { todayInShanghai } from "../../app/dates.ts";
import { LoadError, Loading } from "../../app/feedback.tsx";
import type { Abilities } from "../../session/api.ts";
import { hasAbility, useSession } from "../../session/session-context.tsx";
import type { ChangeKind, ChangeStatus } from "./api.ts";
import { formatValue } from "./diff-format.ts";
import { filingState } from "./filing.ts";

/** Whether the user may open any page of the catalog administration. */
export function mayOpenCatalog(abilities: Abilities): boolean {
  return (
    hasAbility(abilities, "catalog.draft") ||
    hasAbility(abilities, "catalog.legality-review") ||
    hasAbility(abilities, "catalog.consistency-review") ||
    hasAbility(abilities, "catalog.report") ||
    hasAbility(abilities, "catalog.export")
  );
}

/** The catalog administration's own menu, showing only the pages the user's roles reach. */
export function CatalogNav() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const links: { to: string; label: string; show: boolean }[] = [
    { to: "/admin/catalog", label: t("catalogAdmin.nav.items"), show: true },
    {
      to: "/admin/catalog/review/mine",
      label: t("catalogAdmin.nav.mine"),
      show: hasAbility(abilities, "catalog.draft"),
    },
    {
      to: "/admin/catalog/review/legality",
      label: t("catalogAdmin.nav.legality"),
      show: hasAbility(abilities, "catalog.legality-review"),
    },
    {
      to: "/admin/catalog/review/consistency",
      label: t("catalogAdmin.nav.consistency"),
      show: hasAbility(abilities, "catalog.consistency-review"),
    },
    {
      to: "/admin/catalog/report",
      label: t("catalogAdmin.nav.report"),
      show: hasAbility(abilities, "catalog.report"),
    },
    {
      to: "/admin/catalog/transfer",
      label: t("catalogAdmin.nav.transfer"),
      show: hasAbility(abilities, "catalog.export") || hasAbility(abilities, "catalog.import"),
    },
  ];
  return (
    <nav aria-label={t("catalogAdmin.nav.label")} className="catalog-nav">
      <ul>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end>
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

// Dark tag colours keep white text at 4.5:1 contrast (axe checks every tag).
const statusColours: Record<ChangeStatus, string> = {
  draft: "#595959",
  "legality-review": "#0050b3",
  "consistency-review": "#391085",
  scheduled: "#006d75",
  published: "#135200",
  returned: "#a8071a",
  withdrawn: "#595959",
};

/** A change request's status as a tag. */
export function ChangeStatusTag({ status }: { status: ChangeStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status]}>{t(`catalogAdmin.changeStatus.${status}`)}</Tag>;
}

/** A change request's kind in words. */
export function kindText(kind: ChangeKind, t: TFunction): string {
  return t(`catalogAdmin.changeKind.${kind}`);
}

/** A review or publication instant as reviewers read it: Shanghai wall-clock time. */
export function reviewTime(iso: string): string {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" });
}

/**
 * Shows a catalog page's data once it has loaded; until then the spinner, and after a failed load the
 * error under the catalog menu, so the user can still move elsewhere.
 */
export function CatalogLoaded<T>({
  loaded,
  children,
}: {
  loaded: ApiState<T>;
  children: (data: T) => ReactNode;
}) {
  if (loaded.isLoading && !loaded.data) return <Loading />;
  if (loaded.error !== undefined || !loaded.data) {
    return (
      <div className="page catalog-page">
        <CatalogNav />
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  return children(loaded.data);
}

/** The filing deadline of a change with an overdue flag. */
export function FilingDue({ filingDue, status }: { filingDue: string | null; status: ChangeStatus }) {
  const { t } = useTranslation();
  const state = filingState(filingDue, status, todayInShanghai());
  if (!filingDue) return <>—</>;
  return (
    <span className="catalog-filing">
      {filingDue} {state === "overdue" && <Tag color="#a8071a">{t("catalogAdmin.filing.overdue")}</Tag>}
      {state === "met" && <Tag color="#135200">{t("catalogAdmin.filing.met")}</Tag>}
    </span>
  );
}

/** The differences between two versions, side by side: element, what happened, before, after. */
export function DiffTable({ changes, caption }: { changes: ContentChange[]; caption: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ContentChange> = [
    { key: "label", title: t("catalogAdmin.diff.element"), dataIndex: "label", width: "24%" },
    {
      key: "kind",
      title: t("catalogAdmin.diff.kind"),
      width: 90,
      render: (_, c) => t(`catalogAdmin.diff.kinds.${c.kind}`),
    },
    {
      key: "before",
      title: t("catalogAdmin.diff.before"),
      render: (_, c) => <span className="catalog-diff-before">{formatValue(c.before, t)}</span>,
    },
    {
      key: "after",
      title: t("catalogAdmin.diff.after"),
      render: (_, c) => <span className="catalog-diff-after">{formatValue(c.after, t)}</span>,
    },
  ];
  return (
    <Table<ContentChange>
      className="catalog-diff"
      rowKey={(c) => `${c.path}|${c.kind}`}
      columns={columns}
      dataSource={changes}
      pagination={false}
      size="small"
      title={() => caption}
      locale={{ emptyText: <span className="catalog-empty">{t("catalogAdmin.diff.none")}</span> }}
    />
  );
}

/** The title of a consistency rule, falling back to its key for a rule this build does not know. */
export function ruleTitle(rule: string): string {
  return (consistencyRules as Record<string, { title: string }>)[rule]?.title ?? rule;
}

/** Consistency findings as a list: errors block publication, warnings are for follow-up. */
export function FindingList({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  if (findings.length === 0) {
    return <Typography.Paragraph>{t("catalogAdmin.findings.none")}</Typography.Paragraph>;
  }
  return (
    <ul className="catalog-findings">
      {findings.map((finding) => (
        <li key={`${finding.rule}|${finding.itemId}|${finding.field}|${finding.message}`}>
          <Tag color={finding.severity === "error" ? "#a8071a" : "#874d00"}>
            {t(`catalogAdmin.findings.${finding.severity}`)}
          </Tag>
          <strong>{ruleTitle(finding.rule)}</strong>
          <span>{finding.message}</span>
        </li>
      ))}
    </ul>
  );
}
