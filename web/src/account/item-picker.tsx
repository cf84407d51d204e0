import { Select } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { listItems } from "../portal/api.ts";

interface Option {
  value: string;
  label: string;
}

const SEARCH_DELAY_MS = 250;

/**
 * Picks service items by searching the catalog as the person types; the value is the item's `ref`.
 * Used inside a Form.Item, which supplies `id`, `value` and `onChange`.
 */
export function ItemPicker({
  id,
  value,
  onChange,
  multiple = false,
  placeholder,
}: {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const [query, setQuery] = useState("");
  // Names of chosen items stay known when a later search no longer lists them.
  const chosen = useRef(new Map<string, string>());

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setIsSearching(true);
      listItems({ q: query.trim(), page: 1, pageSize: 20 }, controller.signal).then(
        (page) => {
          setOptions(page.items.map((item) => ({ value: item.ref, label: item.name })));
          setIsSearching(false);
        },
        () => {
          if (!controller.signal.aborted) setIsSearching(false);
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  for (const option of options) chosen.current.set(option.value, option.label);
  const selected = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const extra = selected
    .filter((ref) => !options.some((o) => o.value === ref))
    .map((ref) => ({ value: ref, label: chosen.current.get(ref) ?? ref }));

  return (
    <Select<string | string[], Option>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      mode={multiple ? "multiple" : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQuery }}
      options={[...extra, ...options]}
      loading={isSearching}
      placeholder={placeholder ?? t("authorise.itemPlaceholder")}
      notFoundContent={isSearching ? t("common.loading") : t("authorise.itemNotFound")}
      className="item-picker"
    />
  );
}
