import { isWithinRegion } from "@tongban/core";
import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isIsoDate } from "../../app/dates.ts";
import { errorText } from "../../app/feedback.tsx";
import { createRegion, type Region, updateRegion } from "./api.ts";

interface RegionFields {
  code: string;
  name: string;
  validFrom: string;
  validTo: string;
}

/**
 * Adds a child region under `parent`, or edits `region` (name and validity; a code never changes, and an
 * abolished region keeps its code with a last valid day).
 */
export function RegionFormModal({
  parent,
  region,
  onCancel,
  onDone,
}: {
  parent?: Region;
  region?: Region;
  onCancel: () => void;
  onDone: (region: Region) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegionFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (fields: RegionFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const validity = { validFrom: fields.validFrom || null, validTo: fields.validTo || null };
      const saved = region
        ? await updateRegion(region.code, { name: fields.name.trim(), ...validity })
        : await createRegion({
            code: fields.code.trim(),
            name: fields.name.trim(),
            parentCode: parent?.code ?? null,
            ...validity,
          });
      onDone(saved);
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  const dateRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (value && !isIsoDate(value)) throw new Error(t("organisations.regions.dateInvalid"));
    },
  };

  return (
    <Modal
      open
      title={
        region
          ? t("organisations.regions.editTitle", { name: region.name })
          : t("organisations.regions.createTitle", { parent: parent?.name ?? "" })
      }
      okText={t("organisations.save")}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<RegionFields>
        form={form}
        name={region ? "region-edit" : "region-create"}
        layout="vertical"
        initialValues={{
          code: region?.code ?? "",
          name: region?.name ?? "",
          validFrom: region?.validFrom ?? "",
          validTo: region?.validTo ?? "",
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="code"
          label={t("organisations.regions.code")}
          extra={
            region
              ? t("organisations.regions.codeFixed")
              : t("organisations.regions.codeHint", { parent: parent?.code ?? "" })
          }
          rules={[
            { required: true, message: t("organisations.regions.codeRequired") },
            { pattern: /^\d{6}(\d{6})?$/, message: t("organisations.regions.codeFormat") },
            {
              // The same prefix rule the server applies; the server's answer is final.
              validator: async (_, value: string | undefined) => {
                if (region || !parent || !value || !/^\d{6}(\d{6})?$/.test(value)) return;
                if (value === parent.code || !isWithinRegion(value, parent.code)) {
                  throw new Error(t("organisations.regions.codeOutsideParent", { parent: parent.code }));
                }
              },
            },
          ]}
        >
          <Input maxLength={12} inputMode="numeric" disabled={region !== undefined} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("organisations.regions.name")}
          rules={[{ required: true, whitespace: true, message: t("organisations.regions.nameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <div className="org-form-row">
          <Form.Item name="validFrom" label={t("organisations.regions.validFrom")} rules={[dateRule]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t("organisations.regions.validTo")}
            extra={t("organisations.regions.validToHint")}
            dependencies={["validFrom"]}
            rules={[
              dateRule,
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const from: string = getFieldValue("validFrom");
                  if (value && from && value < from)
                    throw new Error(t("organisations.regions.periodInvalid"));
                },
              }),
            ]}
          >
            <Input type="date" />
          </Form.Item>
        </div>
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
