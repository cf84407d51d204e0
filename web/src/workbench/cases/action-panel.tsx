import type { CaseAction, CaseNeed } from "@tongban/core";
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Typography } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../app/feedback.tsx";
import { type CaseDetail, runAction } from "../../cases/api.ts";
import { actionText } from "../../cases/case-parts.tsx";
import { type ActionValues, actionBody, actionNeeds, actionProblems, staffActions } from "./action-form.ts";
import { DeliveryFields } from "./delivery-fields.tsx";
import { FeePicker } from "./fee-picker.tsx";
import { ReassignFields } from "./reassign-fields.tsx";
import { reassignTarget } from "./reassign-form.ts";

/** Actions that end or turn down a case: shown as danger buttons. */
const dangerous: readonly CaseAction[] = ["refuse"];

/** The buttons for exactly the actions the server allows this person now, each opening its form. */
export function ActionPanel({
  detail,
  onChanged,
}: {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = staffActions(detail.abilities);
  return (
    <section aria-labelledby="case-actions-title" className="case-section">
      <Typography.Title level={2} id="case-actions-title">
        {t("cases.staff.actions")}
      </Typography.Title>
      {actions.length === 0 ? (
        <Typography.Paragraph>{t("cases.staff.noActions")}</Typography.Paragraph>
      ) : (
        <div className="case-actions">
          {actions.map((action) => (
            <Button
              key={action}
              type={action === actions[0] ? "primary" : "default"}
              danger={dangerous.includes(action)}
              onClick={() => setOpen(action)}
            >
              {actionText(action, t)}
            </Button>
          ))}
        </div>
      )}
      {open && (
        <ActionModal
          action={open}
          detail={detail}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      )}
    </section>
  );
}

function ActionModal({
  action,
  detail,
  onClose,
  onDone,
}: {
  action: CaseAction;
  detail: CaseDetail;
  onClose: () => void;
  onDone: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [problems, setProblems] = useState<CaseNeed[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const needs = actionNeeds(action);
  const title = actionText(action, t);

  const send = async () => {
    const values = form.getFieldsValue(true) as ActionValues;
    const missing = actionProblems(action, values);
    setProblems(missing);
    setFailure(null);
    if (missing.length > 0) return;
    // 转办 needs a target besides its reason; the picker offers only targets in the actor's scope.
    if (action === "reassign" && !reassignTarget(values)) {
      setFailure(t("routing.reassign.pickTarget"));
      return;
    }
    setIsBusy(true);
    try {
      const next = await runAction(
        detail.id,
        action,
        actionBody(action, values, t("cases.staff.form.owedProblem")),
      );
      message.success(t("cases.staff.done", { action: title }));
      onDone(next);
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t("cases.staff.form.submit")}
      cancelText={t("cases.staff.form.cancel")}
      confirmLoading={isBusy}
      okButtonProps={{ danger: dangerous.includes(action) }}
      onOk={() => void send()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={`case-action-${action}`}>
        {action === "reassign" && <ReassignFields caseId={detail.id} />}
        {needs.includes("materials") && (
          <MaterialPicker detail={detail} withProblem={action === "request-correction"} />
        )}
        {needs.includes("reason") && (
          <Form.Item name="reason" label={t("cases.staff.form.reason")} required>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {needs.includes("days") && (
          <Form.Item name="days" label={t("cases.staff.form.days")} required>
            <InputNumber min={1} max={3650} precision={0} />
          </Form.Item>
        )}
        {needs.includes("dueDate") && (
          <Form.Item name="dueDate" label={t("cases.staff.form.dueDate")} required>
            <Input type="date" />
          </Form.Item>
        )}
        {needs.includes("outcome") && (
          <Form.Item name="outcome" label={t("cases.staff.form.outcome")} required>
            <Radio.Group
              options={(["approved", "rejected"] as const).map((value) => ({
                value,
                label: t(`cases.outcome.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {action === "decide" && <FeePicker caseId={detail.id} />}
        {needs.includes("delivery") && <DeliveryFields />}
        <Form.Item name="comment" label={t("cases.staff.form.comment")} required={needs.includes("comment")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problems.map((need) => needText(need, t)).join(t("portal.listSeparator"))}
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
    </Modal>
  );
}

function needText(need: CaseNeed, t: TFunction): string {
  if (need === "materials") return t("cases.staff.form.pickMaterials");
  const label = {
    comment: t("cases.staff.form.comment"),
    reason: t("cases.staff.form.reason"),
    days: t("cases.staff.form.days"),
    dueDate: t("cases.staff.form.dueDate"),
    outcome: t("cases.staff.form.outcome"),
    delivery: t("cases.staff.form.delivery"),
  }[need];
  return t("cases.staff.form.required", { field: label });
}

/** The checklist's materials to name in a notice (each with its problem) or to leave owed under 容缺. */
function MaterialPicker({ detail, withProblem }: { detail: CaseDetail; withProblem: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="case-picker">
      <legend>{t("cases.staff.form.materials")}</legend>
      {detail.checklist.materials.map((material) => (
        <div key={material.id} className="case-picker-row">
          <Form.Item name={["materials", material.id, "picked"]} valuePropName="checked" noStyle>
            <Checkbox>{material.name}</Checkbox>
          </Form.Item>
          {withProblem && (
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) =>
                getFieldValue(["materials", material.id, "picked"]) ? (
                  <Form.Item
                    name={["materials", material.id, "problem"]}
                    label={t("cases.staff.form.problem", { name: material.name })}
                  >
                    <Input.TextArea
                      rows={2}
                      maxLength={500}
                      placeholder={t("cases.staff.form.problemPlaceholder")}
                    />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          )}
        </div>
      ))}
    </fieldset>
  );
}
