import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "./feedback.tsx";

/** The page for any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t("notFound.title")}</h1>}
      subTitle={t("notFound.body")}
      extra={<Link to="/">{t("notFound.home")}</Link>}
    />
  );
}
