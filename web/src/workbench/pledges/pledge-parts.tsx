import type { PledgeCheckStatus } from "@tongban/core";
import { Descriptions, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { formatInstant } from "../../cases/case-format.ts";
import { type CasePledges, loadPledges, useCasePledges } from "../../cases/pledge-api.ts";
import "../../cases/pledges.css";

const statusColors: Record<PledgeCheckStatus, string> = {
  open: "#0958d9",
  verified: "#237804",
  failed: "#a8071a",
};

/** A pledge check's status as a coloured tag named in the UI language. */
export function PledgeStatusTag({ status }: { status: PledgeCheckStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`pledges.status.${status}`)}</Tag>;
}

type PledgeRow = CasePledges["pledges"][number];

/**
 * The commitments a case stands on and its post-verification task, for the staff case page; nothing
 * when the case has none. `version` changes when the case does (acceptance opens the task).
 */
export function CasePledgesSection({ caseId, version }: { caseId: string; version: string }) {
  const { t } = useTranslation();
  const state = useCasePledges(caseId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version of the case is the reason to reload.
  useEffect(() => {
    void loadPledges(caseId, true).catch(() => undefined);
  }, [caseId, version]);
  if (!state || (state.pledges.length === 0 && !state.check)) return null;
  const { check } = state;

  const columns: TableColumnsType<PledgeRow> = [
    { key: "name", title: t("pledges.case.material"), dataIndex: "name" },
    {
      key: "by",
      title: t("pledges.case.pledgedBy"),
      render: (_, row) => row.pledgedBy.name,
    },
    { key: "at", title: t("pledges.case.pledgedAt"), render: (_, row) => formatInstant(row.pledgedAt) },
    {
      key: "text",
      title: t("pledges.case.text"),
      render: (_, row) => (
        <details>
          <summary>{t("pledges.case.showText")}</summary>
          <p className="case-pledge-text">{row.text}</p>
        </details>
      ),
    },
  ];

  return (
    <section aria-labelledby="case-pledges-title" className="case-section">
      <Typography.Title level={2} id="case-pledges-title">
        {t("pledges.case.title")}
      </Typography.Title>
      <Table<PledgeRow>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={state.pledges}
      />
      {check ? (
        <Descriptions
          className="case-pledge-check"
          title={t("pledges.case.check")}
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "status",
              label: t("pledges.case.checkStatus"),
              children: <PledgeStatusTag status={check.status} />,
            },
            { key: "opened", label: t("pledges.case.openedOn"), children: check.openedOn },
            { key: "due", label: t("pledges.case.dueOn"), children: check.dueOn },
            { key: "by", label: t("pledges.case.resolvedBy"), children: check.resolvedBy?.name ?? "—" },
            { key: "note", label: t("pledges.case.note"), children: check.note ?? "—", span: 2 },
          ]}
        />
      ) : (
        <Typography.Paragraph className="case-muted">{t("pledges.case.noCheck")}</Typography.Paragraph>
      )}
    </section>
  );
}
