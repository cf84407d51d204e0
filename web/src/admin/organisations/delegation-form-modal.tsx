import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { isIsoDate, todayInShanghai } from "../../app/dates.ts";
import { errorText } from "../../app/feedback.tsx";
import { listItems } from "../../portal/api.ts";
import { createDelegation, listPlaceOptions } from "./api.ts";

interface DelegationFields {
  itemId?: string;
  placeId?: string;
  validFrom: string;
  validTo: string;
  note: string;
}

/**
 * Delegates an item's acceptance to a township (便民服务中心) or village (便民服务站) place. The item's own
 * department delegates; the server checks the levels, the region and overlapping periods.
 */
export function DelegationFormModal({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DelegationFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const [words, setWords] = useState("");
  const [debounced, setDebounced] = useState("");
  const places = useApi((signal) => listPlaceOptions(signal), []);
  const items = useApi(
    (signal) => listItems({ q: debounced || undefined, page: 1, pageSize: 30 }, signal),
    [debounced],
  );

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(words.trim()), 300);
    return () => clearTimeout(timer);
  }, [words]);

  const submit = async (fields: DelegationFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      await createDelegation({
        itemId: fields.itemId ?? "",
        placeId: fields.placeId ?? "",
        validFrom: fields.validFrom,
        validTo: fields.validTo || null,
        note: fields.note.trim() || null,
      });
      onDone();
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
      title={t("organisations.delegations.createTitle")}
      okText={t("organisations.save")}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form<DelegationFields>
        form={form}
        name="delegation-create"
        layout="vertical"
        initialValues={{ validFrom: todayInShanghai(), validTo: "", note: "" }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="itemId"
          label={t("organisations.delegations.item")}
          rules={[{ required: true, message: t("organisations.delegations.itemRequired") }]}
        >
          <Select
            virtual={false}
            showSearch={{ filterOption: false, onSearch: setWords }}
            loading={items.isLoading}
            placeholder={t("organisations.delegations.itemPlaceholder")}
            options={
              items.data?.items.map((i) => ({ value: i.id, label: `${i.name}（${i.department.name}）` })) ??
              []
            }
          />
        </Form.Item>
        <Form.Item
          name="placeId"
          label={t("organisations.delegations.place")}
          extra={t("organisations.delegations.placeHint")}
          rules={[{ required: true, message: t("organisations.delegations.placeRequired") }]}
        >
          <Select
            virtual={false}
            showSearch={{ optionFilterProp: "label" }}
            loading={places.isLoading}
            options={
              places.data?.items
                .filter((p) => p.kind !== "service-centre")
                .map((p) => ({ value: p.id, label: p.name })) ?? []
            }
          />
        </Form.Item>
        <div className="org-form-row">
          <Form.Item
            name="validFrom"
            label={t("organisations.delegations.validFrom")}
            rules={[{ required: true, message: t("organisations.delegations.validFromRequired") }, dateRule]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t("organisations.delegations.validTo")}
            extra={t("organisations.delegations.validToHint")}
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
        <Form.Item name="note" label={t("organisations.delegations.note")}>
          <Input maxLength={200} />
        </Form.Item>
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
