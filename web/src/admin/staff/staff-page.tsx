import {
  App,
  Button,
  Input,
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
import { useSearchParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { errorText, LoadError, usePageTitle } from "../../app/feedback.tsx";
import {
  createStaff,
  listDepartments,
  listStaff,
  type NewStaff,
  resetSecondFactor,
  type StaffMember,
  updateStaff,
} from "./api.ts";
import { StaffForm } from "./staff-form.tsx";

/** Staff administration (/admin/staff): accounts in the administrator's region, roles, status, authenticators. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t("staffAdmin.title"));
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const staff = useApi((signal) => listStaff(q, signal), [q]);
  const departments = useApi((signal) => listDepartments(signal), []);
  const [editing, setEditing] = useState<StaffMember | "new" | undefined>(undefined);
  const [temporary, setTemporary] = useState<{ username: string; password: string } | undefined>(undefined);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      staff.reload();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const submit = async (values: NewStaff) => {
    try {
      if (editing === "new") {
        const created = await createStaff(values);
        setTemporary({ username: values.username, password: created.temporaryPassword });
      } else if (editing) {
        const { username: _ignored, ...changes } = values;
        await updateStaff(editing.id, changes);
        message.success(t("staffAdmin.saved"));
      }
      setEditing(undefined);
      staff.reload();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const columns: TableColumnsType<StaffMember> = [
    { key: "username", title: t("staffAdmin.username"), dataIndex: "username" },
    { key: "name", title: t("staffAdmin.displayName"), dataIndex: "displayName" },
    {
      key: "roles",
      title: t("staffAdmin.roles"),
      render: (_, s) => s.roles.map((r) => <Tag key={r}>{t(`roles.${r}`, { defaultValue: r })}</Tag>),
    },
    { key: "region", title: t("staffAdmin.regionCode"), dataIndex: "regionCode" },
    { key: "department", title: t("staffAdmin.department"), render: (_, s) => s.department?.name ?? "—" },
    {
      key: "status",
      title: t("staffAdmin.status"),
      render: (_, s) => (
        <Space wrap>
          {s.disabled ? (
            <Tag color="default">{t("staffAdmin.disabled")}</Tag>
          ) : (
            <Tag color="#135200">{t("staffAdmin.active")}</Tag>
          )}
          {!s.hasAuthenticator && <Tag color="#873800">{t("staffAdmin.noAuthenticator")}</Tag>}
        </Space>
      ),
    },
    {
      key: "actions",
      title: t("staffAdmin.actions"),
      render: (_, s) =>
        s.abilities.update ? (
          <Space wrap>
            <Button size="small" onClick={() => setEditing(s)}>
              {t("staffAdmin.edit")}
            </Button>
            <Button
              size="small"
              onClick={() => act(() => updateStaff(s.id, { disabled: !s.disabled }), t("staffAdmin.saved"))}
            >
              {s.disabled ? t("staffAdmin.enable") : t("staffAdmin.disable")}
            </Button>
            {s.hasAuthenticator && (
              <Popconfirm
                title={t("staffAdmin.resetConfirm")}
                okText={t("staffAdmin.reset")}
                cancelText={t("staffAdmin.cancel")}
                onConfirm={() => act(() => resetSecondFactor(s.id), t("staffAdmin.resetDone"))}
              >
                <Button size="small">{t("staffAdmin.reset")}</Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t("staffAdmin.self")}</Typography.Text>
        ),
    },
  ];

  return (
    <div className="page">
      <Typography.Title level={1}>{t("staffAdmin.title")}</Typography.Title>
      <Typography.Paragraph>{t("staffAdmin.intro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t("staffAdmin.search")}
          placeholder={t("staffAdmin.search")}
          defaultValue={q}
          allowClear
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
        <Button type="primary" onClick={() => setEditing("new")}>
          {t("staffAdmin.create")}
        </Button>
      </Space>
      {staff.error ? (
        <LoadError error={staff.error} onRetry={staff.reload} />
      ) : (
        <Table<StaffMember>
          rowKey="id"
          columns={columns}
          dataSource={staff.data?.items ?? []}
          loading={staff.isLoading}
          pagination={{ pageSize: 20 }}
        />
      )}
      <StaffForm
        open={editing !== undefined}
        editing={editing === "new" ? undefined : editing}
        departments={departments.data?.items ?? []}
        onCancel={() => setEditing(undefined)}
        onSubmit={submit}
      />
      <Modal
        open={temporary !== undefined}
        title={t("staffAdmin.temporaryTitle")}
        onOk={() => setTemporary(undefined)}
        onCancel={() => setTemporary(undefined)}
        okText={t("staffAdmin.done")}
        cancelButtonProps={{ style: { display: "none" } }}
      >
        <Typography.Paragraph>
          {t("staffAdmin.temporaryBody", { username: temporary?.username ?? "" })}
        </Typography.Paragraph>
        <Typography.Paragraph copyable strong data-testid="temporary-password">
          {temporary?.password}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
