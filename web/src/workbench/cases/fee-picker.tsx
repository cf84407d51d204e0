import { Checkbox, Form } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { formatYuan, getCasePayment } from "../../payments/api.ts";

/**
 * In the decision form: when the item's guide lists several charged fees (often alternatives, such as
 * 住宅 or 非住宅), approving asks which apply. One charged fee applies by itself; free items show nothing.
 */
export function FeePicker({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const payment = useApi((signal) => getCasePayment(caseId, signal), [caseId]);
  const fees = payment.data?.fees ?? [];
  if (fees.length < 2) return null;
  return (
    <Form.Item noStyle shouldUpdate={(before, after) => before.outcome !== after.outcome}>
      {({ getFieldValue }) =>
        getFieldValue("outcome") === "approved" ? (
          <Form.Item name="fees" label={t("payments.decide.fees")} extra={t("payments.decide.help")} required>
            <Checkbox.Group
              options={fees.map((fee) => ({
                value: fee.index,
                label: `${fee.name} ${formatYuan(fee.amountFen)}`,
              }))}
            />
          </Form.Item>
        ) : null
      }
    </Form.Item>
  );
}
