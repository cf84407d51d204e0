import { Button, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { SendCodeButton } from "./send-code-button.tsx";

/** What the SMS form collects. */
export interface SmsCredentials {
  mobile: string;
  code: string;
}

/** Sign-in with a one-time code sent to the mobile number (citizens; staff must use a password). */
export function SmsLoginForm({
  isBusy,
  onSubmit,
}: {
  isBusy: boolean;
  onSubmit: (c: SmsCredentials) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SmsCredentials>();
  return (
    <Form<SmsCredentials>
      form={form}
      name="login-sms"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => onSubmit({ mobile: values.mobile.trim(), code: values.code.trim() })}
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
            purpose="login"
            getMobile={() => form.getFieldValue("mobile")}
            onInvalidMobile={() => void form.validateFields(["mobile"])}
          />
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isBusy} block>
        {t("login.submit")}
      </Button>
    </Form>
  );
}
