import { Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";

// Carriers' own names, stored as given; the list only saves typing.
const carriers = ["EMS", "中国邮政", "顺丰速运", "京东物流", "中通快递", "圆通速递", "申通快递", "韵达快递"];

/**
 * The completion's delivery (送达) inside the action form: the method, then the window for pickup, or
 * recipient, phone, address, carrier and tracking number for mail. Electronic delivery needs nothing more.
 */
export function DeliveryFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="delivery" label={t("cases.staff.form.delivery")} required>
        <Radio.Group
          options={(["electronic", "pickup", "mail"] as const).map((value) => ({
            value,
            label: t(`cases.delivery.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(before, after) => before.delivery !== after.delivery}>
        {({ getFieldValue }) => {
          const method = getFieldValue("delivery") as string | undefined;
          if (method === "pickup")
            return (
              <Form.Item name="window" label={t("delivery.window")} required>
                <Input maxLength={50} placeholder={t("delivery.windowPlaceholder")} />
              </Form.Item>
            );
          if (method !== "mail") return null;
          return (
            <fieldset className="case-picker">
              <legend>{t("cases.delivery.mail")}</legend>
              <Form.Item name={["mail", "recipient"]} label={t("delivery.recipient")} required>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item name={["mail", "phone"]} label={t("delivery.phone")} required>
                <Input maxLength={20} inputMode="tel" autoComplete="off" />
              </Form.Item>
              <Form.Item name={["mail", "address"]} label={t("delivery.address")} required>
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
              <Form.Item name={["mail", "carrier"]} label={t("delivery.carrier")} required>
                <Select virtual={false} options={carriers.map((name) => ({ value: name, label: name }))} />
              </Form.Item>
              <Form.Item name={["mail", "trackingNumber"]} label={t("delivery.trackingNumber")} required>
                <Input maxLength={40} autoComplete="off" />
              </Form.Item>
            </fieldset>
          );
        }}
      </Form.Item>
    </>
  );
}
