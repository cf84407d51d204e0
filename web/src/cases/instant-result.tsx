import { Alert, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CaseDetail, InstantRuleResult } from "./api.ts";
import { formatInstant } from "./case-format.ts";
import "./instant-result.css";

/**
 * 秒批结果: a case the platform completed by its rules shows each rule passed; a case passed to people
 * shows the failed rules (the applicant sees what was not met, the staff see every rule and why).
 */
export function InstantResult({ detail, viewer }: { detail: CaseDetail; viewer: "applicant" | "staff" }) {
  const { t } = useTranslation();
  const instant = detail.instant;
  if (!instant) return null;
  const time = formatInstant(instant.at);
  const shown = instant.passed || viewer === "staff" ? instant.rules : instant.rules.filter((r) => !r.passed);
  const intro = instant.passed
    ? t("instant.passedIntro", { time })
    : viewer === "staff"
      ? t("instant.failedIntroStaff", { time })
      : t("instant.failedIntroApplicant");
  return (
    <section aria-labelledby="instant-result-title" className="case-section instant-result">
      <Typography.Title level={2} id="instant-result-title">
        {t("instant.title")}
      </Typography.Title>
      <Alert
        type={instant.passed ? "success" : "warning"}
        showIcon
        title={instant.passed ? t("instant.passed") : t("instant.failed")}
        description={intro}
      />
      <ul className="instant-rules">
        {shown.map((result) => (
          <RuleLine
            // A rule is its own identity: the same rule twice says the same thing.
            key={JSON.stringify(result.rule)}
            result={result}
            showDetail={viewer === "staff" || !result.passed}
          />
        ))}
      </ul>
    </section>
  );
}

function RuleLine({ result, showDetail }: { result: InstantRuleResult; showDetail: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={result.passed ? "instant-rule-passed" : "instant-rule-failed"}>
      <span aria-hidden="true">{result.passed ? "✓" : "✗"} </span>
      <span className="visually-hidden">
        {result.passed ? t("instant.rulePassed") : t("instant.ruleFailed")}：
      </span>
      {result.description}
      {showDetail && <span className="instant-rule-detail">（{result.detail}）</span>}
    </li>
  );
}

/** The confirmation's words after a submission the platform completed at once by 秒批 (none otherwise). */
export function instantSubmitted(detail: CaseDetail, t: TFunction): { title?: string; body?: string } {
  if (!detail.instant?.passed) return {};
  return { title: t("instant.passed"), body: t("instant.submittedBody") };
}
