import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/** What the password form collects: a username, mobile number or 统一社会信用代码, and the password. */
export interface PasswordCredentials {
  login: string;
  password: string;
}

/** Sign-in with a password, for staff, citizens and company accounts alike. */
export function PasswordForm({
  isBusy,
  onSubmit,
}: {
  isBusy: boolean;
  onSubmit: (credentials: PasswordCredentials) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form<PasswordCredentials>
      name="login-password"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => onSubmit({ login: values.login.trim(), password: values.password })}
    >
      <Form.Item
        name="login"
        label={t("login.account")}
        extra={t("login.accountHint")}
        rules={[{ required: true, whitespace: true, message: t("login.accountRequired") }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("login.password")}
        rules={[{ required: true, message: t("login.passwordRequired") }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isBusy} block>
        {t("login.submit")}
      </Button>
    </Form>
  );
}
