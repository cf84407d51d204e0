import { Button, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** The 6-digit code field shared by the second-factor and the enrolment steps. */
export function TotpCodeField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="code"
      label={t("mfa.code")}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t("mfa.codeInvalid") }]}
    >
      <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} className="totp-input" />
    </Form.Item>
  );
}

/** The second step of a staff sign-in: the authenticator's current code. */
export function TotpStep({
  isBusy,
  onSubmit,
  onCancel,
}: {
  isBusy: boolean;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <section aria-labelledby="mfa-title">
      <Typography.Title level={2} id="mfa-title">
        {t("mfa.title")}
      </Typography.Title>
      <Typography.Paragraph>{t("mfa.intro")}</Typography.Paragraph>
      <Form<{ code: string }>
        form={form}
        name="login-totp"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          onSubmit(values.code.trim());
          // A code is good once: clear it so a retry starts from the app's next code.
          form.resetFields();
        }}
      >
        <TotpCodeField />
        <Button type="primary" htmlType="submit" loading={isBusy} block>
          {t("mfa.submit")}
        </Button>
      </Form>
      <Button type="link" onClick={onCancel} className="login-back">
        {t("mfa.cancel")}
      </Button>
    </section>
  );
}
