import { validateCreditCode } from "@tongban/core";
import { Alert, Form, Input, Modal, TreeSelect } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../app/feedback.tsx";
import { createDepartment, type Department, type Region, updateDepartment } from "./api.ts";
import { buildRegionTree, regionPickerData } from "./region-tree.ts";

interface DepartmentFields {
  name: string;
  kind: string;
  creditCode: string;
  regionCode?: string;
}

/** Adds a department (`department` absent) or edits one; the 统一社会信用代码 is checked with the core's GB 32100 rule. */
export function DepartmentFormModal({
  department,
  regions,
  onCancel,
  onDone,
}: {
  department?: Department;
  regions: Region[];
  onCancel: () => void;
  onDone: (department: Department) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DepartmentFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (fields: DepartmentFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const input = {
        name: fields.name.trim(),
        kind: fields.kind.trim(),
        creditCode: fields.creditCode.trim().toUpperCase() || null,
        regionCode: fields.regionCode ?? "",
      };
      onDone(department ? await updateDepartment(department.id, input) : await createDepartment(input));
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        department
          ? t("organisations.departments.editTitle", { name: department.name })
          : t("organisations.departments.createTitle")
      }
      okText={t("organisations.save")}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<DepartmentFields>
        form={form}
        name={department ? "department-edit" : "department-create"}
        layout="vertical"
        initialValues={{
          name: department?.name ?? "",
          kind: department?.kind ?? "",
          creditCode: department?.creditCode ?? "",
          regionCode: department?.region.code,
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="name"
          label={t("organisations.departments.name")}
          rules={[{ required: true, whitespace: true, message: t("organisations.departments.nameRequired") }]}
        >
          <Input maxLength={100} placeholder={t("organisations.departments.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t("organisations.departments.kind")}
          rules={[{ required: true, whitespace: true, message: t("organisations.departments.kindRequired") }]}
        >
          <Input maxLength={20} placeholder={t("organisations.departments.kindPlaceholder")} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t("organisations.departments.creditCode")}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const code = value?.trim().toUpperCase() ?? "";
                if (!code) return;
                const result = validateCreditCode(code);
                if (!result.valid) {
                  throw new Error(
                    t("organisations.departments.creditCodeInvalid", {
                      reason: t(`identifier.reason.${result.reason}`),
                    }),
                  );
                }
              },
            },
          ]}
        >
          <Input maxLength={18} className="org-code-input" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t("organisations.departments.region")}
          rules={[{ required: true, message: t("organisations.departments.regionRequired") }]}
        >
          <TreeSelect
            virtual={false}
            showSearch={{ treeNodeFilterProp: "title" }}
            treeDefaultExpandAll
            treeData={regionPickerData(buildRegionTree(regions), (r) => r.abilities.createInside)}
          />
        </Form.Item>
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
