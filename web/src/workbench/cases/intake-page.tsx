import { Alert, Button, Form, Input, List, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { errorText, LoadError, Loading, usePageTitle } from "../../app/feedback.tsx";
import { type CaseDetail, getPrefill } from "../../cases/api.ts";
import { Submitted } from "../../cases/apply-page.tsx";
import { CaseDraftEditor } from "../../cases/case-draft-editor.tsx";
import { getItem } from "../../portal/api.ts";
import { type ApplicantMatch, findApplicants } from "./api.ts";
import { ItemSelect } from "./item-select.tsx";
import "../../cases/cases.css";

/**
 * 窗口收件 (/workbench/intake): a window clerk files for a walk-in applicant — find their account, pick
 * the item, answer the questions, upload the scanned materials and submit on their behalf.
 */
export function IntakePage() {
  const { t } = useTranslation();
  usePageTitle(t("cases.intake.title"));
  const [applicant, setApplicant] = useState<ApplicantMatch | null>(null);
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const [submitted, setSubmitted] = useState<CaseDetail | null>(null);
  // A new key starts the next walk-in with a clean editor.
  const [round, setRound] = useState(0);

  if (submitted) {
    return (
      <Submitted
        detail={submitted}
        title={t("cases.intake.submitted")}
        body={t("cases.intake.submittedBody")}
        links={[
          <Link key="case" to={`/workbench/cases/${submitted.id}`}>
            {t("cases.intake.openCase")}
          </Link>,
          <Button
            key="next"
            onClick={() => {
              setSubmitted(null);
              setApplicant(null);
              setItemId(undefined);
              setRound((n) => n + 1);
            }}
          >
            {t("cases.intake.another")}
          </Button>,
        ]}
      />
    );
  }

  return (
    <div className="page case-page" key={round}>
      <Typography.Title level={1}>{t("cases.intake.title")}</Typography.Title>
      <Typography.Paragraph>{t("cases.intake.intro")}</Typography.Paragraph>
      {applicant ? (
        <p className="case-section">
          <strong>{t("cases.intake.applicant", { name: applicant.name })}</strong>{" "}
          {applicant.mobileMasked && <span className="case-muted">{applicant.mobileMasked}</span>}{" "}
          <Button size="small" onClick={() => setApplicant(null)}>
            {t("cases.intake.change")}
          </Button>
        </p>
      ) : (
        <FindApplicant onPick={setApplicant} />
      )}
      {applicant && (
        <section aria-labelledby="intake-item-title" className="case-section">
          <Typography.Title level={2} id="intake-item-title">
            <label htmlFor="intake-item">{t("cases.intake.item")}</label>
          </Typography.Title>
          <ItemSelect
            id="intake-item"
            value={itemId}
            placeholder={t("cases.intake.itemPlaceholder")}
            onChange={setItemId}
          />
        </section>
      )}
      {applicant && itemId && (
        <IntakeEditor
          key={`${applicant.id}-${itemId}`}
          itemId={itemId}
          applicant={applicant}
          onSubmitted={setSubmitted}
        />
      )}
    </div>
  );
}

function FindApplicant({ onPick }: { onPick: (applicant: ApplicantMatch) => void }) {
  const { t } = useTranslation();
  const [matches, setMatches] = useState<ApplicantMatch[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const search = async (values: { by: "mobile" | "citizenId"; value: string }) => {
    setIsBusy(true);
    setFailure(null);
    try {
      const value = values.value.trim();
      const found = await findApplicants(
        values.by === "mobile" ? { mobile: value } : { citizenId: value.toUpperCase() },
      );
      setMatches(found.items);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="intake-find-title" className="case-section">
      <Typography.Title level={2} id="intake-find-title">
        {t("cases.intake.find")}
      </Typography.Title>
      <Form
        name="intake-find"
        layout="inline"
        initialValues={{ by: "mobile", value: "" }}
        onFinish={(values) => void search(values)}
      >
        <Form.Item name="by" label={t("cases.intake.by")}>
          <Radio.Group
            options={[
              { value: "mobile", label: t("cases.intake.byMobile") },
              { value: "citizenId", label: t("cases.intake.byCitizenId") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t("cases.intake.value")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t("cases.intake.search")}
          </Button>
        </Form.Item>
      </Form>
      <div role="status">
        {failure && <Alert type="error" showIcon title={failure} />}
        {matches && matches.length === 0 && <Alert type="info" showIcon title={t("cases.intake.noMatch")} />}
      </div>
      {matches && matches.length > 0 && (
        <List
          dataSource={matches}
          renderItem={(match) => (
            <List.Item
              actions={[
                <Button key="pick" onClick={() => onPick(match)}>
                  {t("cases.intake.pick")}
                </Button>,
              ]}
            >
              {match.name} {match.mobileMasked ?? ""}
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

function IntakeEditor({
  itemId,
  applicant,
  onSubmitted,
}: {
  itemId: string;
  applicant: ApplicantMatch;
  onSubmitted: (detail: CaseDetail) => void;
}) {
  // The applicant's name arrives masked here; the form is prefilled from their verified profile instead.
  const loaded = useApi(
    async (signal) => {
      const [item, prefill] = await Promise.all([
        getItem(itemId, signal),
        getPrefill(itemId, applicant.id, signal),
      ]);
      return { item, prefill };
    },
    [itemId, applicant.id],
  );
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  return (
    <CaseDraftEditor
      item={loaded.data.item}
      defaults={loaded.data.prefill}
      applicant={{ accountId: applicant.id }}
      onSubmitted={onSubmitted}
    />
  );
}
