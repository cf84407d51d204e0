import { App as AntApp, Button, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorText } from "../app/feedback.tsx";
import { useSession } from "../session/session-context.tsx";

/** 安全: signing out on every device, e.g. after using a shared computer or losing a phone. */
export function SecuritySection() {
  const { t } = useTranslation();
  const { signOutEverywhere } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();

  const endAll = async () => {
    try {
      // Leave first: this page would otherwise redirect to the login page when the session ends.
      await navigate("/");
      await signOutEverywhere();
      message.success(t("security.signedOutEverywhere"));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  return (
    <section aria-labelledby="security-title">
      <Typography.Title level={2} id="security-title">
        {t("security.title")}
      </Typography.Title>
      <Typography.Paragraph>{t("security.everywhereIntro")}</Typography.Paragraph>
      <Popconfirm
        title={t("security.everywhereConfirm")}
        okText={t("security.everywhere")}
        cancelText={t("account.cancel")}
        onConfirm={() => endAll()}
      >
        <Button danger>{t("security.everywhere")}</Button>
      </Popconfirm>
    </section>
  );
}
