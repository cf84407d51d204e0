import { describeInstantRule } from "@tongban/core";
import { Alert, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readRulesText } from "./rules-text.ts";

/** The form's field labels by id, from the item's form as currently edited. */
function labelsOf(form: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  const sections = (form as { sections?: { fields?: { id?: unknown; label?: unknown }[] }[] } | undefined)
    ?.sections;
  for (const section of sections ?? []) {
    for (const field of section.fields ?? []) {
      if (typeof field.id === "string" && typeof field.label === "string") labels[field.id] = field.label;
    }
  }
  return labels;
}

/**
 * The rules as JSON text in a form item: valid text sets the rules; invalid text hands the form what it
 * cannot parse, so the shared schema blocks saving until it is fixed.
 */
function RulesInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? [], null, 2));
  const read = readRulesText(text);
  const labels = labelsOf(Form.useWatch("form", { preserve: true }));
  return (
    <>
      <Input.TextArea
        id={id}
        rows={10}
        spellCheck={false}
        className="catalog-json"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = readRulesText(event.target.value);
          onChange?.(next.ok ? next.rules : next.raw);
        }}
      />
      {read.ok ? (
        <section aria-label={t("instant.editor.preview")} className="catalog-rules-preview">
          {read.rules.length === 0 ? (
            <p className="catalog-muted">{t("instant.editor.none")}</p>
          ) : (
            <ol>
              {read.rules.map((rule) => (
                <li key={JSON.stringify(rule)}>{describeInstantRule(rule, labels)}</li>
              ))}
            </ol>
          )}
        </section>
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={read.problems
            .map((p) =>
              p.key === "invalidRule"
                ? t("instant.editor.invalidRule", { index: p.index, message: p.message })
                : t("instant.editor.invalidJson", { message: p.message }),
            )
            .join("；")}
        />
      )}
    </>
  );
}

/** 秒批规则 (in the 办理方式 tab): the item's instant-approval rules, with what each says in Chinese. */
export function InstantRulesSection() {
  const { t } = useTranslation();
  return (
    <fieldset className="catalog-fieldset">
      <legend>{t("instant.editor.title")}</legend>
      <Typography.Paragraph>{t("instant.editor.intro")}</Typography.Paragraph>
      <Form.Item name="instantRules" label={t("instant.editor.label")}>
        <RulesInput />
      </Form.Item>
    </fieldset>
  );
}
