import { Alert, Checkbox, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/use-api.ts";
import { errorText } from "../app/feedback.tsx";
import { listDepartments } from "../portal/api.ts";
import { type OidcClient, type OidcScope, registerOidcClient, updateOidcClient } from "./api.ts";

interface ClientFields {
  name: string;
  departmentId?: string;
  redirectUris: string;
  scopes: OidcScope[];
  isPublic: boolean;
}

/** True for an absolute http(s) URL without a fragment (the server checks the finer rules). */
function isRedirectUri(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !value.includes("#");
  } catch {
    return false;
  }
}

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * Registers a client system (`client` absent) or edits one: name, redirect URIs one per line, and the
 * scopes it may ask for (openid always). Department and public/confidential are fixed at registration.
 */
export function ClientFormModal({
  client,
  scopes,
  onCancel,
  onDone,
}: {
  client?: OidcClient;
  scopes: OidcScope[];
  onCancel: () => void;
  onDone: (result: { client: OidcClient; secret?: string | null }) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClientFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const departments = useApi((signal) => listDepartments(signal), []);
  const isEdit = client !== undefined;

  const submit = async (fields: ClientFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const common = {
        name: fields.name.trim(),
        redirectUris: linesOf(fields.redirectUris),
        scopes: ["openid", ...fields.scopes.filter((s) => s !== "openid")] as OidcScope[],
      };
      const result = client
        ? await updateOidcClient(client.id, common)
        : await registerOidcClient({
            ...common,
            departmentId: fields.departmentId ?? null,
            isPublic: fields.isPublic,
          });
      onDone(result);
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        isEdit ? t("oidc.admin.form.editTitle", { name: client.name }) : t("oidc.admin.form.registerTitle")
      }
      okText={isEdit ? t("oidc.admin.form.submitEdit") : t("oidc.admin.form.submitRegister")}
      cancelText={t("oidc.admin.form.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form<ClientFields>
        form={form}
        name={isEdit ? "oidc-client-edit" : "oidc-client-register"}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          name: client?.name ?? "",
          redirectUris: client?.redirectUris.join("\n") ?? "",
          scopes: client?.scopes ?? ["openid", "profile", "realname"],
          isPublic: false,
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="name"
          label={t("oidc.admin.form.name")}
          rules={[{ required: true, whitespace: true, message: t("oidc.admin.form.nameRequired") }]}
        >
          <Input maxLength={100} placeholder={t("oidc.admin.form.namePlaceholder")} />
        </Form.Item>
        {!isEdit && (
          <Form.Item name="departmentId" label={t("oidc.admin.form.department")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              loading={departments.isLoading}
              placeholder={t("oidc.admin.form.departmentPlaceholder")}
              options={departments.data?.items.map((d) => ({ value: d.id, label: d.name })) ?? []}
            />
          </Form.Item>
        )}
        <Form.Item
          name="redirectUris"
          label={t("oidc.admin.form.redirectUris")}
          extra={t("oidc.admin.form.redirectUrisHint")}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const lines = linesOf(value ?? "");
                if (lines.length === 0)
                  return Promise.reject(new Error(t("oidc.admin.form.redirectUrisRequired")));
                const bad = lines.find((line) => !isRedirectUri(line));
                return bad
                  ? Promise.reject(new Error(t("oidc.admin.form.redirectUriInvalid", { uri: bad })))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea rows={3} placeholder="https://example.gov.cn/oidc/callback" />
        </Form.Item>
        <Form.Item name="scopes" label={t("oidc.admin.form.scopes")} extra={t("oidc.admin.form.scopesHint")}>
          <Checkbox.Group
            className="oidc-scope-choices"
            options={scopes.map((scope) => ({
              value: scope,
              label: `${t(`oidc.scopes.${scope}.title`)}（${scope}）`,
              disabled: scope === "openid",
            }))}
          />
        </Form.Item>
        {!isEdit && (
          <Form.Item name="isPublic" valuePropName="checked" extra={t("oidc.admin.form.isPublicHint")}>
            <Checkbox>{t("oidc.admin.form.isPublic")}</Checkbox>
          </Form.Item>
        )}
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
