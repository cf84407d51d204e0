import { type StaffRole, staffRoles } from "@tongban/core";
import { Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { NewStaff, StaffMember } from "./api.ts";

/** The create/edit dialog for a staff account; `editing` undefined means a new account. */
export function StaffForm({
  open,
  editing,
  departments,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  editing: StaffMember | undefined;
  departments: { id: string; name: string }[];
  onCancel: () => void;
  onSubmit: (values: NewStaff) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewStaff>();
  const initial = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        roles: editing.roles as StaffRole[],
        regionCode: editing.regionCode ?? "",
        departmentId: editing.department?.id ?? null,
      }
    : { roles: [], departmentId: null };
  return (
    <Modal
      open={open}
      title={editing ? t("staffAdmin.editTitle") : t("staffAdmin.createTitle")}
      okText={t("staffAdmin.save")}
      cancelText={t("staffAdmin.cancel")}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<NewStaff>
        form={form}
        name="staff"
        layout="vertical"
        initialValues={initial}
        onFinish={onSubmit}
        preserve={false}
      >
        <Form.Item
          name="username"
          label={t("staffAdmin.username")}
          rules={[
            { required: true, pattern: /^[a-z][a-z0-9._-]{2,31}$/, message: t("staffAdmin.usernameRule") },
          ]}
        >
          <Input disabled={editing !== undefined} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("staffAdmin.displayName")}
          rules={[{ required: true, max: 30 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("staffAdmin.roles")}
          rules={[{ required: true, message: t("staffAdmin.rolesRule") }]}
        >
          {/* virtual={false}: a virtual list leaves an unnamed hidden listbox behind that screen readers
              (and axe) stumble over; these lists are short. */}
          <Select
            mode="multiple"
            virtual={false}
            options={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t("staffAdmin.regionCode")}
          extra={t("staffAdmin.regionHelp")}
          rules={[{ required: true, pattern: /^\d{6}(\d{6})?$/, message: t("staffAdmin.regionRule") }]}
        >
          <Input inputMode="numeric" maxLength={12} autoComplete="off" />
        </Form.Item>
        <Form.Item name="departmentId" label={t("staffAdmin.department")}>
          <Select
            virtual={false}
            allowClear
            showSearch
            optionFilterProp="label"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
