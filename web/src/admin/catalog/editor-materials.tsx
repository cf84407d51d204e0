import { materialForms } from "@tongban/core";
import { Checkbox, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  AddButton,
  EntryCard,
  EntryList,
  keysOf,
  type NamePath,
  namedOptions,
  RemoveButton,
} from "./editor-fields.tsx";
import { FileField } from "./file-field.tsx";

/** Materials (申请材料), each with a stable id the situations' effects point at. */
export function MaterialsSection() {
  const { t } = useTranslation();
  const label = t("catalogAdmin.editor.materials");
  return (
    <EntryList
      name="materials"
      label={label}
      blank={() => ({
        id: "",
        name: "",
        forms: ["original"],
        copies: 1,
        required: true,
        conditional: false,
        pledgeable: false,
        blankForm: null,
        sample: null,
      })}
    >
      {(field) => (
        <>
          <div className="catalog-columns">
            <Form.Item
              name={[field.name, "id"]}
              label={t("catalogAdmin.editor.materialId")}
              extra={t("catalogAdmin.editor.materialIdHint")}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name={[field.name, "name"]} label={t("catalogAdmin.editor.materialName")}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name={[field.name, "forms"]} label={t("catalogAdmin.editor.forms")}>
              <Select
                mode="multiple"
                virtual={false}
                options={namedOptions(t, "forms", keysOf(materialForms))}
              />
            </Form.Item>
            <Form.Item name={[field.name, "copies"]} label={t("catalogAdmin.editor.copies")}>
              <InputNumber min={0} max={99} precision={0} />
            </Form.Item>
            <Form.Item name={[field.name, "issuer"]} label={t("catalogAdmin.editor.issuer")}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name={[field.name, "licenceTypeRef"]} label={t("catalogAdmin.editor.licenceTypeRef")}>
              <Input maxLength={60} />
            </Form.Item>
          </div>
          <div className="catalog-checks">
            <Form.Item name={[field.name, "required"]} valuePropName="checked">
              <Checkbox>{t("catalogAdmin.editor.required")}</Checkbox>
            </Form.Item>
            <Form.Item name={[field.name, "conditional"]} valuePropName="checked">
              <Checkbox>{t("catalogAdmin.editor.conditional")}</Checkbox>
            </Form.Item>
            <Form.Item name={[field.name, "pledgeable"]} valuePropName="checked">
              <Checkbox>{t("catalogAdmin.editor.pledgeable")}</Checkbox>
            </Form.Item>
          </div>
          <Form.Item name={[field.name, "note"]} label={t("catalogAdmin.editor.note")}>
            <Input maxLength={500} />
          </Form.Item>
          <div className="catalog-columns">
            <FileField name={[field.name, "blankForm"]} label={t("catalogAdmin.editor.blankForm")} />
            <FileField name={[field.name, "sample"]} label={t("catalogAdmin.editor.sample")} />
          </div>
        </>
      )}
    </EntryList>
  );
}

/** Situations (情形引导): questions whose options add, remove or replace materials or add conditions. */
export function SituationsSection() {
  const { t } = useTranslation();
  const label = t("catalogAdmin.editor.situations");
  return (
    <EntryList
      name="situations"
      label={label}
      blank={() => ({
        id: "",
        question: "",
        options: [
          { label: "是", effects: [] },
          { label: "否", effects: [] },
        ],
      })}
    >
      {(field, index) => (
        <>
          <div className="catalog-columns">
            <Form.Item name={[field.name, "id"]} label={t("catalogAdmin.editor.situationId")}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name={[field.name, "question"]} label={t("catalogAdmin.editor.question")}>
              <Input maxLength={200} />
            </Form.Item>
          </div>
          <OptionsList situationName={field.name} situation={index + 1} />
        </>
      )}
    </EntryList>
  );
}

function OptionsList({ situationName, situation }: { situationName: number; situation: number }) {
  const { t } = useTranslation();
  return (
    <Form.List name={[situationName, "options"]}>
      {(fields, { add, remove }) => (
        <div className="catalog-options">
          {fields.map((field, index) => {
            const optionLabel = t("catalogAdmin.editor.option", { situation, index: index + 1 });
            return (
              <EntryCard
                key={field.key}
                title={optionLabel}
                removeLabel={t("catalogAdmin.editor.removeOption", { option: optionLabel })}
                onRemove={() => remove(field.name)}
              >
                <Form.Item name={[field.name, "label"]} label={t("catalogAdmin.editor.optionLabel")}>
                  <Input maxLength={60} />
                </Form.Item>
                <EffectsList
                  at={["situations", situationName, "options", field.name, "effects"]}
                  option={optionLabel}
                />
              </EntryCard>
            );
          })}
          <AddButton
            label={t("catalogAdmin.editor.optionList")}
            onClick={() => add({ label: "", effects: [] })}
          />
        </div>
      )}
    </Form.List>
  );
}

const effectKinds = ["add-material", "remove-material", "replace-material", "add-condition"] as const;

/** The effects of one option; `at` is the list's absolute path, which getFieldValue needs. */
function EffectsList({ at, option }: { at: NamePath; option: string }) {
  const { t } = useTranslation();
  // Effects pick materials by id from the materials as they are being edited.
  const materials = (Form.useWatch("materials") ?? []) as { id?: string; name?: string }[];
  const materialOptions = materials
    .filter((m) => m?.id)
    .map((m) => ({ value: m.id as string, label: `${m.name ?? ""}（${m.id}）` }));
  const label = t("catalogAdmin.editor.effects", { option });
  return (
    <Form.List name={at.slice(3)}>
      {(fields, { add, remove }) => (
        <fieldset className="catalog-fieldset catalog-effects">
          <legend>{label}</legend>
          {fields.map((field, index) => (
            <div key={field.key} className="catalog-list-row">
              <Form.Item
                name={[field.name, "kind"]}
                label={t("catalogAdmin.editor.effectKind", { index: index + 1 })}
              >
                <Select
                  virtual={false}
                  options={effectKinds.map((kind) => ({
                    value: kind,
                    label: t(`catalogAdmin.effect.${kind}`),
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const kind = getFieldValue([...at, field.name, "kind"]) as string;
                  if (kind === "add-condition") {
                    return (
                      <Form.Item
                        name={[field.name, "text"]}
                        label={t("catalogAdmin.editor.effectText")}
                        className="catalog-grow"
                      >
                        <Input maxLength={500} />
                      </Form.Item>
                    );
                  }
                  return (
                    <>
                      <Form.Item
                        name={[field.name, "material"]}
                        label={t("catalogAdmin.editor.effectMaterial")}
                      >
                        <Select virtual={false} options={materialOptions} style={{ minWidth: 180 }} />
                      </Form.Item>
                      {kind === "replace-material" && (
                        <Form.Item name={[field.name, "by"]} label={t("catalogAdmin.editor.effectBy")}>
                          <Select virtual={false} options={materialOptions} style={{ minWidth: 180 }} />
                        </Form.Item>
                      )}
                    </>
                  );
                }}
              </Form.Item>
              <RemoveButton label={label} index={index} onClick={() => remove(field.name)} />
            </div>
          ))}
          <AddButton label={label} onClick={() => add({ kind: "add-material", material: "" })} />
        </fieldset>
      )}
    </Form.List>
  );
}
