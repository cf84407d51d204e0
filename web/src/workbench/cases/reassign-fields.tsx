import { Alert, Form, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { errorText } from "../../app/feedback.tsx";
import { listReassignTargets, targetValue } from "./reassign-form.ts";

/**
 * In the 转办 form: the places and departments the server says this staff member may send the case to
 * (its implementing department, centres on the item's line, places it is delegated to), in their scope.
 */
export function ReassignFields({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const targets = useApi((signal) => listReassignTargets(caseId, signal), [caseId]);
  if (targets.error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t("routing.reassign.loadFailed", { reason: errorText(targets.error, t) })}
      />
    );
  const items = targets.data?.items ?? [];
  if (targets.data && items.length === 0)
    return <Alert type="info" showIcon title={t("routing.reassign.noTargets")} />;
  return (
    <Form.Item name="target" label={t("routing.reassign.target")} required>
      <Select
        virtual={false}
        loading={targets.isLoading}
        placeholder={t("routing.reassign.targetPlaceholder")}
        options={items.map((item) => ({
          value: targetValue(item),
          label: `${item.name}（${t(`routing.reassign.${item.kind}`)}）`,
        }))}
      />
    </Form.Item>
  );
}
