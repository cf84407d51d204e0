import { resultTypes } from "@tongban/core";
import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { EntryList, keysOf, namedOptions, TextList } from "./editor-fields.tsx";
import { FileField } from "./file-field.tsx";

function LimitFields({ name, legend }: { name: "statutoryLimit" | "promisedLimit"; legend: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="catalog-fieldset">
      <legend>{legend}</legend>
      <div className="catalog-columns">
        <Form.Item
          name={[name, "days"]}
          label={t("catalogAdmin.editor.days")}
          extra={t("catalogAdmin.editor.daysHint")}
        >
          <InputNumber min={0} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name={[name, "unit"]} label={t("catalogAdmin.editor.unit")}>
          <Select
            virtual={false}
            options={(["workday", "natural-day"] as const).map((unit) => ({
              value: unit,
              label: t(`catalogAdmin.unit.${unit}`),
            }))}
          />
        </Form.Item>
      </div>
      <Form.Item name={[name, "text"]} label={t("catalogAdmin.editor.limitText")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </fieldset>
  );
}

/** 办件类型, statutory and promised limits, fees (typed in 元), process steps and the result. */
export function LimitsSection() {
  const { t } = useTranslation();
  const feeLabel = t("catalogAdmin.editor.fees");
  const stepLabel = t("catalogAdmin.editor.process");
  return (
    <>
      <Form.Item name="processing" label={t("catalogAdmin.editor.processing")}>
        <Select
          virtual={false}
          options={(["immediate", "promised"] as const).map((p) => ({
            value: p,
            label: t(`catalogAdmin.processing.${p}`),
          }))}
        />
      </Form.Item>
      <LimitFields name="statutoryLimit" legend={t("catalogAdmin.editor.statutoryLimit")} />
      <LimitFields name="promisedLimit" legend={t("catalogAdmin.editor.promisedLimit")} />
      <EntryList
        name="fees"
        label={feeLabel}
        blank={() => ({ name: "", amountYuan: "", basis: null })}
        empty={<p className="catalog-muted">{t("catalogAdmin.editor.noFees")}</p>}
      >
        {(field) => (
          <>
            <div className="catalog-columns">
              <Form.Item name={[field.name, "name"]} label={t("catalogAdmin.editor.feeName")}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name={[field.name, "amountYuan"]} label={t("catalogAdmin.editor.feeAmount")}>
                <Input inputMode="decimal" suffix={t("catalogAdmin.editor.yuan")} />
              </Form.Item>
            </div>
            <Form.Item name={[field.name, "basis"]} label={t("catalogAdmin.editor.feeBasis")}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
      </EntryList>
      <EntryList
        name="process"
        label={stepLabel}
        blank={() => ({ name: "", description: null, legalBasis: null })}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, "name"]} label={t("catalogAdmin.editor.stepName")}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name={[field.name, "description"]} label={t("catalogAdmin.editor.stepDescription")}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item
              name={[field.name, "legalBasis"]}
              label={t("catalogAdmin.editor.stepLegalBasis")}
              extra={t("catalogAdmin.editor.stepLegalBasisHint")}
            >
              <Input maxLength={300} />
            </Form.Item>
          </>
        )}
      </EntryList>
      <fieldset className="catalog-fieldset">
        <legend>{t("catalogAdmin.editor.result")}</legend>
        <div className="catalog-columns">
          <Form.Item name={["result", "type"]} label={t("catalogAdmin.editor.resultType")}>
            <Select virtual={false} allowClear options={namedOptions(t, "results", keysOf(resultTypes))} />
          </Form.Item>
          <Form.Item
            name={["result", "name"]}
            label={t("catalogAdmin.editor.resultName")}
            extra={t("catalogAdmin.editor.resultHint")}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={["result", "licenceTypeRef"]} label={t("catalogAdmin.editor.licenceTypeRef")}>
            <Input maxLength={60} />
          </Form.Item>
        </div>
        <FileField name={["result", "sample"]} label={t("catalogAdmin.editor.resultSample")} />
      </fieldset>
    </>
  );
}

/** How it is done: 网上办理深度, visits and their reason, post, appointment. */
export function ChannelSection() {
  const { t } = useTranslation();
  return (
    <>
      <div className="catalog-columns">
        <Form.Item name="onlineDepth" label={t("catalogAdmin.editor.onlineDepth")}>
          <Select
            virtual={false}
            options={([1, 2, 3, 4] as const).map((depth) => ({
              value: depth,
              label: t(`catalogAdmin.depth.${depth}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="maxVisits" label={t("catalogAdmin.editor.maxVisits")}>
          <InputNumber min={0} max={9} precision={0} />
        </Form.Item>
      </div>
      <Form.Item name="visitReason" label={t("catalogAdmin.editor.visitReason")}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <div className="catalog-checks">
        <Form.Item name="postal" valuePropName="checked">
          <Checkbox>{t("catalogAdmin.editor.postal")}</Checkbox>
        </Form.Item>
        <Form.Item name="appointment" valuePropName="checked">
          <Checkbox>{t("catalogAdmin.editor.appointment")}</Checkbox>
        </Form.Item>
      </div>
    </>
  );
}

/** Phones, FAQ, rights, obligations and remedies. */
export function GuideSection() {
  const { t } = useTranslation();
  const faqLabel = t("catalogAdmin.editor.faq");
  return (
    <>
      <div className="catalog-columns">
        <Form.Item name="consultationPhone" label={t("catalogAdmin.editor.consultationPhone")}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
        <Form.Item name="complaintPhone" label={t("catalogAdmin.editor.complaintPhone")}>
          <Input maxLength={40} inputMode="tel" />
        </Form.Item>
      </div>
      <EntryList name="faq" label={faqLabel} blank={() => ({ question: "", answer: "" })}>
        {(field) => (
          <>
            <Form.Item name={[field.name, "question"]} label={t("catalogAdmin.editor.faqQuestion")}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, "answer"]} label={t("catalogAdmin.editor.faqAnswer")}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </EntryList>
      <TextList name={["rights"]} label={t("catalogAdmin.editor.rights")} rows={2} />
      <TextList name={["obligations"]} label={t("catalogAdmin.editor.obligations")} rows={2} />
      <fieldset className="catalog-fieldset">
        <legend>{t("catalogAdmin.editor.remedies")}</legend>
        <Form.Item name={["remedies", "reconsideration"]} label={t("catalogAdmin.editor.reconsideration")}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name={["remedies", "litigation"]} label={t("catalogAdmin.editor.litigation")}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
      </fieldset>
    </>
  );
}
