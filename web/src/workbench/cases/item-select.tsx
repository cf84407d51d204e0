import { Select } from "antd";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { listItems } from "../../portal/api.ts";

/** A searchable item picker over the public catalog, for the queue filter and window intake. */
export function ItemSelect({
  id,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  value: string | undefined;
  placeholder: string;
  onChange: (id: string | undefined) => void;
}) {
  const [q, setQ] = useState("");
  const found = useApi((signal) => listItems({ q, page: 1, pageSize: 20 }, signal), [q]);
  return (
    <Select
      id={id}
      virtual={false}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ minWidth: 280 }}
      value={value}
      options={(found.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
      loading={found.isLoading}
      placeholder={placeholder}
      onChange={(next: string | undefined) => onChange(next || undefined)}
    />
  );
}
