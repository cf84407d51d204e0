import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/use-api.ts";
import { errorText, LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { listOidcClients, type OidcClient, type OidcScope, updateOidcClient } from "../oidc/api.ts";
import { ClientFormModal } from "../oidc/client-form-modal.tsx";
import "../oidc/oidc.css";

/** What the register form hands back: the client and, once, its secret. */
interface Issued {
  client: OidcClient;
  secret: string | null;
}

/**
 * Client systems for single sign-on (/admin/oidc-clients): the discovery address to give departments,
 * the registered systems, registering one (its secret shown once), editing and disabling.
 */
export function OidcClientsPage() {
  const { t } = useTranslation();
  usePageTitle(t("oidc.admin.title"));
  const { message } = AntApp.useApp();
  const list = useApi((signal) => listOidcClients(signal), []);
  const [form, setForm] = useState<{ client?: OidcClient } | undefined>(undefined);
  const [issued, setIssued] = useState<Issued | undefined>(undefined);

  return (
    <div className="page">
      <Typography.Title level={1}>{t("oidc.admin.title")}</Typography.Title>
      <Typography.Paragraph>{t("oidc.admin.intro")}</Typography.Paragraph>
      {list.isLoading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: "discovery",
                label: t("oidc.admin.discoveryUrl"),
                children: (
                  <Typography.Text code copyable>
                    {list.data.discoveryUrl}
                  </Typography.Text>
                ),
              },
              {
                key: "issuer",
                label: t("oidc.admin.issuer"),
                children: <Typography.Text code>{list.data.issuer}</Typography.Text>,
              },
              { key: "flow", label: t("oidc.admin.flowLabel"), children: t("oidc.admin.flow") },
            ]}
          />
          <div className="oidc-toolbar">
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setForm({})}>
              {t("oidc.admin.register")}
            </Button>
          </div>
          <ClientTable
            clients={list.data.clients}
            onEdit={(client) => setForm({ client })}
            onChanged={list.reload}
          />
          {form && (
            <ClientFormModal
              {...(form.client ? { client: form.client } : {})}
              scopes={list.data.scopes}
              onCancel={() => setForm(undefined)}
              onDone={({ client, secret }) => {
                setForm(undefined);
                if (secret !== undefined) setIssued({ client, secret });
                else message.success(t("oidc.admin.savedOk", { name: client.name }));
                list.reload();
              }}
            />
          )}
          {issued && <IssuedModal issued={issued} onClose={() => setIssued(undefined)} />}
        </>
      )}
    </div>
  );
}

function ClientTable({
  clients,
  onEdit,
  onChanged,
}: {
  clients: OidcClient[];
  onEdit: (client: OidcClient) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();

  const setDisabled = async (client: OidcClient, disabled: boolean) => {
    try {
      await updateOidcClient(client.id, { disabled });
      message.success(t(disabled ? "oidc.admin.disabledOk" : "oidc.admin.enabledOk", { name: client.name }));
      onChanged();
    } catch (failure) {
      message.error(errorText(failure, t));
    }
  };

  const columns: TableColumnsType<OidcClient> = [
    {
      key: "name",
      title: t("oidc.admin.columns.name"),
      render: (_, client) => (
        <>
          <strong>{client.name}</strong>
          <Typography.Text code className="oidc-client-id">
            {client.id}
          </Typography.Text>
        </>
      ),
    },
    {
      key: "department",
      title: t("oidc.admin.columns.department"),
      render: (_, client) => client.department?.name ?? t("oidc.admin.noDepartment"),
    },
    {
      key: "redirectUris",
      title: t("oidc.admin.columns.redirectUris"),
      render: (_, client) => (
        <ul className="oidc-uri-list">
          {client.redirectUris.map((uri) => (
            <li key={uri}>{uri}</li>
          ))}
        </ul>
      ),
    },
    {
      key: "scopes",
      title: t("oidc.admin.columns.scopes"),
      render: (_, client) => client.scopes.map((scope: OidcScope) => <Tag key={scope}>{scope}</Tag>),
    },
    {
      key: "type",
      title: t("oidc.admin.columns.type"),
      render: (_, client) => (client.isPublic ? t("oidc.admin.public") : t("oidc.admin.confidential")),
    },
    {
      key: "status",
      title: t("oidc.admin.columns.status"),
      render: (_, client) =>
        client.disabledAt ? (
          <Tag color="default">{t("oidc.admin.disabled")}</Tag>
        ) : (
          <Tag color="blue">{t("oidc.admin.enabled")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("oidc.admin.columns.actions"),
      render: (_, client) => (
        <Space wrap>
          <Button
            size="small"
            aria-label={t("oidc.admin.editLabel", { name: client.name })}
            onClick={() => onEdit(client)}
          >
            {t("oidc.admin.edit")}
          </Button>
          {client.disabledAt ? (
            <Button
              size="small"
              aria-label={t("oidc.admin.enableLabel", { name: client.name })}
              onClick={() => void setDisabled(client, false)}
            >
              {t("oidc.admin.enable")}
            </Button>
          ) : (
            <Popconfirm
              title={t("oidc.admin.disableConfirm", { name: client.name })}
              okText={t("oidc.admin.disable")}
              cancelText={t("oidc.admin.form.cancel")}
              onConfirm={() => setDisabled(client, true)}
            >
              <Button size="small" aria-label={t("oidc.admin.disableLabel", { name: client.name })}>
                {t("oidc.admin.disable")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<OidcClient>
      rowKey="id"
      columns={columns}
      dataSource={clients}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t("oidc.admin.empty") }}
    />
  );
}

/** The one time the secret is shown: the client id and secret to hand to the department. */
function IssuedModal({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t("oidc.admin.issued.title", { name: issued.client.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("oidc.admin.issued.done")}
        </Button>
      }
    >
      {issued.secret && <Alert type="warning" showIcon title={t("oidc.admin.issued.warning")} />}
      <Descriptions
        className="oidc-issued"
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "id",
            label: t("oidc.admin.issued.clientId"),
            children: (
              <Typography.Text code copyable data-testid="issued-client-id">
                {issued.client.id}
              </Typography.Text>
            ),
          },
          {
            key: "secret",
            label: t("oidc.admin.issued.clientSecret"),
            children: issued.secret ? (
              <Typography.Text code copyable data-testid="issued-client-secret">
                {issued.secret}
              </Typography.Text>
            ) : (
              t("oidc.admin.issued.noSecret")
            ),
          },
          {
            key: "auth",
            label: t("oidc.admin.issued.authMethod"),
            children: issued.secret ? "client_secret_basic" : "none (PKCE)",
          },
        ]}
      />
    </Modal>
  );
}
