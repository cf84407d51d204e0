import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, type FormListFieldData, Input } from "antd";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { zhCN } from "../../i18n/zh-CN.ts";

/** A form path as antd addresses fields. */
export type NamePath = (string | number)[];

/**
 * A list of short texts (conditions, rights, obligations, audience subtypes): one input per entry, each
 * labelled with its list and number so a screen reader says which entry it is.
 */
export function TextList({ name, label, rows = 1 }: { name: NamePath; label: string; rows?: number }) {
  const { t } = useTranslation();
  return (
    <fieldset className="catalog-fieldset">
      <legend>{label}</legend>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div key={field.key} className="catalog-list-row">
                <Form.Item
                  name={[field.name]}
                  label={t("catalogAdmin.editor.entry", { list: label, index: index + 1 })}
                  className="catalog-grow"
                >
                  {rows > 1 ? <Input.TextArea rows={rows} /> : <Input />}
                </Form.Item>
                <RemoveButton label={label} index={index} onClick={() => remove(field.name)} />
              </div>
            ))}
            <AddButton label={label} onClick={() => add("")} />
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/** "Add <list entry>". */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {t("catalogAdmin.editor.add", { list: label })}
    </Button>
  );
}

/** "Remove <list> entry n", as an icon button with a spoken name. */
export function RemoveButton({
  label,
  index,
  onClick,
}: {
  label: string;
  index: number;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      className="catalog-remove"
      icon={<DeleteOutlined aria-hidden />}
      aria-label={t("catalogAdmin.editor.remove", { list: label, index: index + 1 })}
      onClick={onClick}
    />
  );
}

/** A bordered group of fields for one entry of a list (a material, a situation, a fee). */
export function EntryCard({
  title,
  onRemove,
  removeLabel,
  children,
}: {
  title: string;
  onRemove: () => void;
  removeLabel: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="catalog-entry">
      <legend>{title}</legend>
      <div className="catalog-entry-remove">
        <Button size="small" icon={<DeleteOutlined aria-hidden />} onClick={onRemove}>
          {removeLabel}
        </Button>
      </div>
      {children}
    </fieldset>
  );
}

/**
 * A list of structured entries (legal bases, materials, fees, …) under its own legend: one EntryCard per
 * entry, titled with the list and its number, and an add button that appends a fresh `blank()` entry.
 */
export function EntryList({
  name,
  label,
  blank,
  empty,
  children,
}: {
  name: string;
  label: string;
  blank: () => unknown;
  /** Shown while the list has no entries. */
  empty?: ReactNode;
  children: (field: FormListFieldData, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <fieldset className="catalog-fieldset">
          <legend>{label}</legend>
          {fields.length === 0 && empty}
          {fields.map((field, index) => (
            <EntryCard
              key={field.key}
              title={t("catalogAdmin.editor.entryTitle", { list: label, index: index + 1 })}
              removeLabel={t("catalogAdmin.editor.remove", { list: label, index: index + 1 })}
              onRemove={() => remove(field.name)}
            >
              {children(field, index)}
            </EntryCard>
          ))}
          <AddButton label={label} onClick={() => add(blank())} />
        </fieldset>
      )}
    </Form.List>
  );
}

type PortalNames = (typeof zhCN)["portal"];
/** The sections of the portal's i18n that name the keys of core's tables (type, level, tags, …). */
export type NameSection = "types" | "levels" | "audiences" | "themes" | "tags" | "forms" | "results";

/** The keys of a core table (itemTypes, featureTags, …), typed as the table's keys. */
export const keysOf = <T extends object>(table: T) => Object.keys(table) as (keyof T & string)[];

/**
 * Options for a select over core keys, labelled with the portal's names in the reader's language: core's
 * own names are Chinese only. The key type makes a key without a name in the i18n files a type error.
 */
export function namedOptions<S extends NameSection>(
  t: TFunction,
  section: S,
  keys: readonly (keyof PortalNames[S] & string)[],
): { value: string; label: string }[] {
  const wide: NameSection = section;
  const names: Readonly<Record<string, string>> = t(`portal.${wide}`, { returnObjects: true });
  return keys.map((value) => ({ value, label: names[value] ?? value }));
}
