import { Alert, App as AntApp, Button, Form, Input, Result, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../api/client.ts";
import { errorText, usePageTitle } from "../app/feedback.tsx";
import { isSafeNext } from "../login/landing.ts";
import { SendCodeButton } from "../login/send-code-button.tsx";
import type { SessionInfo } from "../session/api.ts";
import { useSession } from "../session/session-context.tsx";
import { PasswordChecklist } from "./password-checklist.tsx";
import { isStrongEnough } from "./password-rules.ts";

interface RegistrationFields {
  mobile: string;
  code: string;
  displayName: string;
  password: string;
}

/** Registers a citizen with a verified mobile number; the new account is signed in at once. */
function register(fields: RegistrationFields): Promise<SessionInfo> {
  return api("/api/registrations", { method: "POST", body: fields });
}

/** Registration (/register): mobile and SMS code, a name to show, a password; then 实名认证 is offered. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t("register.title"));
  const { accept } = useSession();
  const { message } = AntApp.useApp();
  const [params] = useSearchParams();
  const next = params.get("next");
  const [form] = Form.useForm<RegistrationFields>();
  const password = Form.useWatch("password", form) ?? "";
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const [registeredName, setRegisteredName] = useState<string>();

  const submit = async (fields: RegistrationFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const session = await register({
        mobile: fields.mobile.trim(),
        code: fields.code.trim(),
        displayName: fields.displayName.trim(),
        password: fields.password,
      });
      accept(session);
      message.success(t("register.success"));
      setRegisteredName(session.user?.displayName ?? fields.displayName);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  if (registeredName !== undefined) {
    const later = next && isSafeNext(next) ? next : "/";
    return (
      <div className="page login-page">
        <Result
          status="success"
          title={<h1 className="result-title">{t("register.doneTitle", { name: registeredName })}</h1>}
          subTitle={t("register.doneBody")}
          extra={
            <Space wrap>
              <Link to="/account?tab=real-name" className="link-button">
                {t("register.verifyNow")}
              </Link>
              <Link to={later}>{t("register.later")}</Link>
            </Space>
          }
        />
      </div>
    );
  }

  return (
    <div className="page login-page">
      <Typography.Title level={1}>{t("register.title")}</Typography.Title>
      <Typography.Paragraph>{t("register.intro")}</Typography.Paragraph>
      <div role="alert" className="login-error">
        {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
      </div>
      <Form<RegistrationFields>
        form={form}
        name="register"
        layout="vertical"
        requiredMark={false}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="mobile"
          label={t("sms.mobile")}
          rules={[
            { required: true, message: t("sms.mobileRequired") },
            { pattern: /^1[3-9]\d{9}$/, message: t("sms.mobileInvalid") },
          ]}
        >
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item label={t("sms.code")} required>
          <Space.Compact block>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, pattern: /^\d{6}$/, message: t("sms.codeInvalid") }]}
            >
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                aria-label={t("sms.code")}
              />
            </Form.Item>
            <SendCodeButton
              purpose="register"
              getMobile={() => form.getFieldValue("mobile")}
              onInvalidMobile={() => void form.validateFields(["mobile"])}
            />
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("register.displayName")}
          extra={t("register.displayNameHint")}
          rules={[{ required: true, whitespace: true, max: 30, message: t("register.displayNameRequired") }]}
        >
          <Input autoComplete="nickname" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("register.password")}
          extra={<PasswordChecklist password={password} id="password-rules" />}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                isStrongEnough(value ?? "")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("register.passwordWeak"))),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" aria-describedby="password-rules" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy} block>
          {t("register.submit")}
        </Button>
      </Form>
      <Typography.Paragraph className="login-register">
        {t("register.haveAccount")}{" "}
        <Link to={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>{t("register.login")}</Link>
      </Typography.Paragraph>
    </div>
  );
}
