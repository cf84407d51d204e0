import { Button, Empty, Input, Pagination, Tag, Typography } from "antd";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { useElderlyMode } from "../elderly/elderly-mode.tsx";
import { type Department, type ItemSummary, listDepartments, listItems } from "./api.ts";
import { formatLimit } from "./time-limit.ts";

const PAGE_SIZE = 20;

/** The item list (/items): filter by department and name, grouped by department, one page at a time. */
export function ItemsPage() {
  const { t } = useTranslation();
  usePageTitle(t("items.title"));
  const [params, setParams] = useSearchParams();
  const department = params.get("department") ?? undefined;
  const q = params.get("q") ?? undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const { isElderly } = useElderlyMode();

  const departments = useApi((signal) => listDepartments(signal), []);
  const items = useApi(
    (signal) => listItems({ department, q, page, pageSize: PAGE_SIZE }, signal),
    [department, q, page],
  );

  // Filters live in the URL so a result can be bookmarked, shared and reached with Back.
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <div className="page">
      <Typography.Title level={1}>{t("items.title")}</Typography.Title>
      <div className="items-layout">
        {!isElderly && (
          <DepartmentFilter
            departments={departments.data?.items ?? []}
            selected={department}
            onSelect={(id) => update({ department: id, page: undefined })}
          />
        )}
        <div className="items-main">
          {/* 长辈版: one plain drop-down instead of a long side list, so the results stay near the top. */}
          {isElderly && (
            <DepartmentSelect
              departments={departments.data?.items ?? []}
              selected={department}
              onSelect={(id) => update({ department: id, page: undefined })}
            />
          )}
          <NameFilter initial={q ?? ""} onSubmit={(text) => update({ q: text, page: undefined })} />
          {items.isLoading && <Loading />}
          {items.error !== undefined && <LoadError error={items.error} onRetry={items.reload} />}
          {items.data && !items.isLoading && (
            <>
              <p className="items-total" role="status">
                {t("items.total", { total: items.data.total })}
              </p>
              {items.data.items.length === 0 ? (
                <Empty description={t("items.empty")} />
              ) : (
                <GroupedItems items={items.data.items} />
              )}
              {items.data.total > PAGE_SIZE && (
                <nav aria-label={t("items.paginationLabel")} className="items-pagination">
                  <Pagination
                    current={page}
                    pageSize={PAGE_SIZE}
                    total={items.data.total}
                    showSizeChanger={false}
                    onChange={(next) => update({ page: String(next) })}
                  />
                </nav>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function DepartmentFilter({
  departments,
  selected,
  onSelect,
}: {
  departments: Department[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const choices = [{ id: undefined, label: t("items.allDepartments") }, ...departments.map(toChoice)];
  return (
    <nav aria-labelledby="department-filter-title" className="department-filter">
      <h2 id="department-filter-title">{t("items.departmentLabel")}</h2>
      <ul>
        {choices.map((choice) => (
          <li key={choice.id ?? "all"}>
            <Button
              type={choice.id === selected ? "primary" : "text"}
              aria-current={choice.id === selected ? "true" : undefined}
              onClick={() => onSelect(choice.id)}
              block
            >
              {choice.label}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function DepartmentSelect({
  departments,
  selected,
  onSelect,
}: {
  departments: Department[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="department-select">
      {t("items.departmentLabel")}
      <select value={selected ?? ""} onChange={(event) => onSelect(event.target.value || undefined)}>
        <option value="">{t("items.allDepartments")}</option>
        {departments.map((department) => (
          <option key={department.id} value={department.id}>
            {toChoice(department).label}
          </option>
        ))}
      </select>
    </label>
  );
}

function toChoice(department: Department): { id: string | undefined; label: string } {
  return { id: department.id, label: `${department.name}（${department.itemCount}）` };
}

function NameFilter({ initial, onSubmit }: { initial: string; onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(text.trim());
  };

  return (
    <search>
      <form className="item-search" onSubmit={submit}>
        <label htmlFor="items-filter" className="visually-hidden">
          {t("items.filterLabel")}
        </label>
        <Input
          id="items-filter"
          value={text}
          allowClear
          placeholder={t("items.filterPlaceholder")}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="primary" htmlType="submit">
          {t("common.search")}
        </Button>
      </form>
    </search>
  );
}

/** Groups one page of items under their department, keeping the server's order. */
function groupByDepartment(items: ItemSummary[]): { id: string; name: string; items: ItemSummary[] }[] {
  const groups = new Map<string, { id: string; name: string; items: ItemSummary[] }>();
  for (const item of items) {
    const group = groups.get(item.department.id) ?? { ...item.department, items: [] };
    group.items.push(item);
    groups.set(item.department.id, group);
  }
  return [...groups.values()];
}

function GroupedItems({ items }: { items: ItemSummary[] }) {
  return groupByDepartment(items).map((group) => (
    <section key={group.id} aria-labelledby={`group-${group.id}`} className="item-group">
      <h2 id={`group-${group.id}`}>{group.name}</h2>
      <ul className="item-list">
        {group.items.map((item) => (
          <ItemRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  ));
}

function ItemRow({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  return (
    <li className="item-row">
      <Link to={`/items/${encodeURIComponent(item.id)}`} className="item-link">
        {item.name}
      </Link>
      <div className="item-meta">
        <span>{item.type}</span>
        {item.promisedLimit && (
          <span>{t("items.promisedLimit", { limit: formatLimit(item.promisedLimit, t) })}</span>
        )}
        {item.onlineDepth !== null && (
          <span>{t("items.onlineDepth", { level: t("depth.level", { level: item.onlineDepth }) })}</span>
        )}
      </div>
      {item.tags.length > 0 && (
        <div className="item-tags">
          {item.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      )}
    </li>
  );
}
