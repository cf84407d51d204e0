import { PlusOutlined } from "@ant-design/icons";
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { errorText, LoadError } from "../../app/feedback.tsx";
import { type Delegation, type DelegationStatus, listDelegations, revokeDelegation } from "./api.ts";
import { DelegationFormModal } from "./delegation-form-modal.tsx";
import { StatusTag, usePeriodText } from "./labels.tsx";

const statuses: DelegationStatus[] = ["active", "scheduled", "expired", "revoked"];

/**
 * Delegation (委托受理, 000 article 44): items whose acceptance a county-level department has delegated
 * to township and village places. Filter by status, delegate, revoke with a reason.
 */
export function DelegationsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const period = usePeriodText();
  const [status, setStatus] = useState<DelegationStatus | undefined>(undefined);
  const delegations = useApi((signal) => listDelegations({ status }, signal), [status]);
  const [isCreating, setIsCreating] = useState(false);
  const [revoking, setRevoking] = useState<Delegation | undefined>(undefined);

  const columns: TableColumnsType<Delegation> = [
    { key: "item", title: t("organisations.delegations.item"), render: (_, d) => d.item.name },
    {
      key: "department",
      title: t("organisations.delegations.department"),
      render: (_, d) => d.department.name,
    },
    { key: "place", title: t("organisations.delegations.place"), render: (_, d) => d.place.name },
    {
      key: "period",
      title: t("organisations.delegations.period"),
      render: (_, d) => period(d.validFrom, d.validTo),
    },
    {
      key: "status",
      title: t("organisations.delegations.status"),
      render: (_, d) => (
        <>
          <StatusTag status={d.status} />
          {d.revokeReason && <div className="org-muted">{d.revokeReason}</div>}
        </>
      ),
    },
    {
      key: "actions",
      title: t("organisations.actions"),
      render: (_, d) =>
        d.abilities.revoke ? (
          <Button
            size="small"
            danger
            aria-label={t("organisations.delegations.revokeLabel", {
              item: d.item.name,
              place: d.place.name,
            })}
            onClick={() => setRevoking(d)}
          >
            {t("organisations.delegations.revoke")}
          </Button>
        ) : null,
    },
  ];

  return (
    <section aria-labelledby="delegations-title">
      <h2 id="delegations-title" className="visually-hidden">
        {t("organisations.tabs.delegations")}
      </h2>
      <p>{t("organisations.delegations.intro")}</p>
      <div className="org-toolbar">
        <div className="org-search">
          <label htmlFor="delegation-status">{t("organisations.delegations.status")}</label>
          <Select<DelegationStatus>
            virtual={false}
            id="delegation-status"
            allowClear
            className="org-kind-picker"
            value={status}
            onChange={(value) => setStatus(value ?? undefined)}
            placeholder={t("organisations.delegations.anyStatus")}
            options={statuses.map((s) => ({ value: s, label: t(`organisations.delegations.statuses.${s}`) }))}
          />
        </div>
        {delegations.data?.abilities.create && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setIsCreating(true)}>
            {t("organisations.delegations.create")}
          </Button>
        )}
      </div>
      {delegations.error !== undefined && (
        <LoadError error={delegations.error} onRetry={delegations.reload} />
      )}
      <Table<Delegation>
        rowKey="id"
        columns={columns}
        dataSource={delegations.data?.items ?? []}
        loading={delegations.isLoading}
        size="small"
        scroll={{ x: "max-content" }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t("organisations.delegations.empty") }}
      />
      {isCreating && (
        <DelegationFormModal
          onCancel={() => setIsCreating(false)}
          onDone={() => {
            setIsCreating(false);
            message.success(t("organisations.savedOk"));
            delegations.reload();
          }}
        />
      )}
      {revoking && (
        <RevokeModal
          delegation={revoking}
          onCancel={() => setRevoking(undefined)}
          onDone={() => {
            setRevoking(undefined);
            message.success(t("organisations.delegations.revokedOk"));
            delegations.reload();
          }}
        />
      )}
    </section>
  );
}

function RevokeModal({
  delegation,
  onCancel,
  onDone,
}: {
  delegation: Delegation;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await revokeDelegation(delegation.id, reason.trim());
      onDone();
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t("organisations.delegations.revokeTitle", {
        item: delegation.item.name,
        place: delegation.place.name,
      })}
      okText={t("organisations.delegations.revoke")}
      okButtonProps={{ danger: true }}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} name="delegation-revoke" layout="vertical" onFinish={(fields) => void submit(fields)}>
        <Form.Item
          name="reason"
          label={t("organisations.delegations.reason")}
          rules={[
            { required: true, whitespace: true, message: t("organisations.delegations.reasonRequired") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
