import { audiences, exerciseLevels, featureTags, itemTypes, themes } from "@tongban/core";
import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { EntryList, keysOf, namedOptions, TextList } from "./editor-fields.tsx";

/** Name, codes, type, level, implementing department, audience, themes and tags. */
export function BasicSection({ departments }: { departments: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t("catalogAdmin.editor.name")}>
        <Input maxLength={100} />
      </Form.Item>
      <div className="catalog-columns">
        <Form.Item name="basicCode" label={t("catalogAdmin.editor.basicCode")}>
          <Input maxLength={31} />
        </Form.Item>
        <Form.Item name="implementationCode" label={t("catalogAdmin.editor.implementationCode")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="type" label={t("catalogAdmin.editor.type")}>
          <Select virtual={false} options={namedOptions(t, "types", keysOf(itemTypes))} />
        </Form.Item>
        <Form.Item name="level" label={t("catalogAdmin.editor.level")}>
          <Select virtual={false} options={namedOptions(t, "levels", keysOf(exerciseLevels))} />
        </Form.Item>
      </div>
      <Form.Item name="departmentId" label={t("catalogAdmin.editor.department")}>
        <Select
          virtual={false}
          showSearch={{ optionFilterProp: "label" }}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="audience" label={t("catalogAdmin.editor.audience")}>
        <Select mode="multiple" virtual={false} options={namedOptions(t, "audiences", keysOf(audiences))} />
      </Form.Item>
      <TextList name={["audienceDetail"]} label={t("catalogAdmin.editor.audienceDetail")} />
      <Form.Item name="themes" label={t("catalogAdmin.editor.themes")}>
        <Select
          mode="multiple"
          virtual={false}
          options={namedOptions(t, "themes", [...themes.citizen, ...themes.company])}
        />
      </Form.Item>
      <Form.Item name="tags" label={t("catalogAdmin.editor.tags")}>
        <Select mode="multiple" virtual={false} options={namedOptions(t, "tags", keysOf(featureTags))} />
      </Form.Item>
    </>
  );
}

/** Legal basis (设定依据) and acceptance conditions (受理条件). */
export function BasisSection() {
  const { t } = useTranslation();
  const label = t("catalogAdmin.editor.legalBasis");
  return (
    <>
      <EntryList name="legalBasis" label={label} blank={() => ({ law: "", article: null, text: null })}>
        {(field) => (
          <>
            <div className="catalog-columns">
              <Form.Item name={[field.name, "law"]} label={t("catalogAdmin.editor.law")}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name={[field.name, "article"]} label={t("catalogAdmin.editor.article")}>
                <Input maxLength={100} />
              </Form.Item>
            </div>
            <Form.Item name={[field.name, "text"]} label={t("catalogAdmin.editor.lawText")}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </EntryList>
      <TextList name={["conditions"]} label={t("catalogAdmin.editor.conditions")} rows={2} />
    </>
  );
}
