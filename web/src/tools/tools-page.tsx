import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../app/feedback.tsx";
import { DeadlineCalculator } from "./deadline-calculator.tsx";
import { IdentifierChecker } from "./identifier-checker.tsx";

/** The public tools page (/tools): the same calculators the window staff use. */
export function ToolsPage() {
  const { t } = useTranslation();
  usePageTitle(t("tools.title"));
  return (
    <div className="page">
      <Typography.Title level={1}>{t("tools.title")}</Typography.Title>
      <Typography.Paragraph>{t("tools.intro")}</Typography.Paragraph>
      <div className="tool-grid">
        <DeadlineCalculator />
        <IdentifierChecker />
      </div>
    </div>
  );
}
