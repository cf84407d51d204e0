import { Alert, Form, Input, Modal, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { errorText } from "../../app/feedback.tsx";
import {
  createWindow,
  listDepartments,
  type ServiceWindow,
  updateWindow,
  type WindowKind,
  windowKinds,
} from "./api.ts";
import { HoursFields, type HoursValues, hoursValues, openingHoursOf } from "./hours-fields.tsx";

interface WindowFields extends HoursValues {
  number: string;
  name: string;
  kind: WindowKind;
  departmentId?: string;
  ownHours: boolean;
  isActive: boolean;
}

/**
 * Adds a window to a place (`window` absent) or edits one: number, name, kind, the department of a
 * specialised (专业) window, its own hours or the place's, and whether it is open for now.
 */
export function WindowFormModal({
  placeId,
  window,
  onCancel,
  onDone,
}: {
  placeId: string;
  window?: ServiceWindow;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WindowFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const departments = useApi((signal) => listDepartments({}, signal), []);
  const kind = Form.useWatch("kind", form) ?? window?.kind;
  const ownHours = Form.useWatch("ownHours", form) ?? window?.openingHours != null;

  const submit = async (fields: WindowFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const input = {
        number: fields.number.trim(),
        name: fields.name.trim(),
        kind: fields.kind,
        departmentId: fields.departmentId ?? null,
        openingHours: fields.ownHours ? openingHoursOf(fields) : null,
        isActive: fields.isActive,
      };
      if (window) await updateWindow(placeId, window.id, input);
      else await createWindow(placeId, input);
      onDone();
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        window
          ? t("organisations.windows.editTitle", { number: window.number })
          : t("organisations.windows.createTitle")
      }
      okText={t("organisations.save")}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Form<WindowFields>
        form={form}
        name={window ? "window-edit" : "window-create"}
        layout="vertical"
        initialValues={{
          number: window?.number ?? "",
          name: window?.name ?? "",
          kind: window?.kind ?? "general",
          departmentId: window?.department?.id,
          ownHours: window?.openingHours != null,
          isActive: window?.isActive ?? true,
          ...hoursValues(window?.openingHours),
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <div className="org-form-row">
          <Form.Item
            name="number"
            label={t("organisations.windows.number")}
            rules={[
              { required: true, whitespace: true, message: t("organisations.windows.numberRequired") },
              { pattern: /^[0-9A-Za-z-]{1,20}$/, message: t("organisations.windows.numberInvalid") },
            ]}
          >
            <Input maxLength={20} placeholder="A01" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("organisations.windows.name")}
            className="org-grow"
            rules={[{ required: true, whitespace: true, message: t("organisations.windows.nameRequired") }]}
          >
            <Input maxLength={50} placeholder={t("organisations.windows.namePlaceholder")} />
          </Form.Item>
        </div>
        {/* virtual={false} on every select here: a virtual list leaves an unnamed hidden listbox behind that
            screen readers (and axe) stumble over; these lists are short. */}
        <Form.Item name="kind" label={t("organisations.windows.kind")} rules={[{ required: true }]}>
          <Select
            virtual={false}
            options={windowKinds.map((k) => ({ value: k, label: t(`organisations.windowKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t("organisations.windows.department")}
          extra={kind === "specialised" ? t("organisations.windows.departmentHint") : undefined}
          dependencies={["kind"]}
          rules={[
            { required: kind === "specialised", message: t("organisations.windows.departmentRequired") },
          ]}
        >
          <Select
            virtual={false}
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            loading={departments.isLoading}
            placeholder={t("organisations.windows.departmentPlaceholder")}
            options={departments.data?.items.map((d) => ({ value: d.id, label: d.name })) ?? []}
          />
        </Form.Item>
        <Form.Item name="ownHours" label={t("organisations.windows.ownHours")} valuePropName="checked">
          <Switch />
        </Form.Item>
        {ownHours && <HoursFields legend={t("organisations.windows.hours")} />}
        <Form.Item name="isActive" label={t("organisations.windows.activeLabel")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
