import { Alert, Button, Form, QRCode, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, Loading } from "../app/feedback.tsx";
import { startTotpEnrolment } from "../session/api.ts";
import { TotpCodeField } from "./totp-step.tsx";

/** Groups a base32 secret in fours, the way people copy it into an authenticator by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * First sign-in of a staff member without an authenticator: scan the QR code (or type the secret),
 * then confirm with the first code, which also completes the sign-in.
 */
export function EnrolStep({
  isBusy,
  onSubmit,
  onCancel,
}: {
  isBusy: boolean;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string }>();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);

  useEffect(() => {
    // Each start makes a new secret on the server: start exactly once, even when effects run twice.
    if (started.current) return;
    started.current = true;
    startTotpEnrolment().then(setEnrolment, setError);
  }, []);

  return (
    <section aria-labelledby="enrol-title">
      <Typography.Title level={2} id="enrol-title">
        {t("mfa.enrolTitle")}
      </Typography.Title>
      <Typography.Paragraph>{t("mfa.enrolIntro")}</Typography.Paragraph>
      {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      {enrolment === undefined && error === undefined && <Loading />}
      {enrolment && (
        <>
          <figure className="enrol-qr">
            <QRCode
              value={enrolment.uri}
              size={200}
              aria-label={t("mfa.qrLabel")}
              className="enrol-qr-code"
            />
            <figcaption>{t("mfa.qrCaption")}</figcaption>
          </figure>
          <Typography.Paragraph>
            {t("mfa.secretLabel")}{" "}
            <code className="totp-secret" data-testid="totp-secret">
              {groupSecret(enrolment.secret)}
            </code>
          </Typography.Paragraph>
          <Form<{ code: string }>
            name="login-enrol"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => onSubmit(values.code.trim())}
          >
            <TotpCodeField />
            <Button type="primary" htmlType="submit" loading={isBusy} block>
              {t("mfa.enrolSubmit")}
            </Button>
          </Form>
        </>
      )}
      <Button type="link" onClick={onCancel} className="login-back">
        {t("mfa.cancel")}
      </Button>
    </section>
  );
}
