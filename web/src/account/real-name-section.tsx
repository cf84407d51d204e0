import { validateCitizenId } from "@tongban/core";
import { Alert, App as AntApp, Button, Form, Input, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import { useSession } from "../session/session-context.tsx";
import { verifyRealName } from "./api.ts";

interface RealNameFields {
  name: string;
  citizenId: string;
}

/** People type IDs with spaces and a lowercase x; the number itself is what counts. */
const normalizeId = (value: string) => value.replace(/\s+/g, "").toUpperCase();

/** 实名认证: name and 公民身份号码, checked as typed and then against the population register. */
export function RealNameSection() {
  const { t } = useTranslation();
  const { user, accept } = useSession();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  if (!user) return null;

  const submit = async (fields: RealNameFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      accept(await verifyRealName({ name: fields.name.trim(), citizenId: normalizeId(fields.citizenId) }));
      message.success(t("realName.success"));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="real-name-title">
      <Typography.Title level={2} id="real-name-title">
        {t("realName.title")}
      </Typography.Title>
      {user.realNameLevel >= 2 ? (
        <Result
          status="success"
          title={<span className="result-title">{t("realName.done")}</span>}
          subTitle={t("realName.doneBody", { name: user.legalName ?? "", id: user.citizenIdMasked ?? "" })}
        />
      ) : (
        <>
          <Typography.Paragraph>{t("realName.intro")}</Typography.Paragraph>
          <div role="alert" className="form-error">
            {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
          </div>
          <Form<RealNameFields>
            name="real-name"
            layout="vertical"
            requiredMark={false}
            onFinish={(fields) => void submit(fields)}
            className="narrow-form"
          >
            <Form.Item
              name="name"
              label={t("realName.name")}
              rules={[{ required: true, whitespace: true, message: t("realName.nameRequired") }]}
            >
              <Input autoComplete="name" maxLength={30} />
            </Form.Item>
            <Form.Item
              name="citizenId"
              label={t("realName.citizenId")}
              validateTrigger="onBlur"
              rules={[
                { required: true, message: t("realName.citizenIdRequired") },
                {
                  validator: (_rule, value: string | undefined) => {
                    if (!value) return Promise.resolve();
                    const checked = validateCitizenId(normalizeId(value));
                    if (checked.valid) return Promise.resolve();
                    const reason = t(`identifier.reason.${checked.reason}`);
                    return Promise.reject(new Error(t("identifier.invalid", { reason })));
                  },
                },
              ]}
            >
              <Input autoComplete="off" spellCheck={false} maxLength={22} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={isBusy}>
              {t("realName.submit")}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
