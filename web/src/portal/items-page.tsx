import { Button, Empty, Input, Pagination, Tag, Typography } from "antd";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { getFacets, type ItemSummary, listItems } from "./api.ts";
import { type BrowseFilter, filterFromParams, itemsHref, toItemQuery, withChanges } from "./browse-filter.ts";
import { BrowseFilters } from "./browse-filters.tsx";
import { formatLimit, romanDepth } from "./format.ts";

const PAGE_SIZE = 20;

/** The item list (/items): browse by audience, theme, feature, type and department, search, page. */
export function ItemsPage() {
  const { t } = useTranslation();
  usePageTitle(t("portal.browse.title"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const filter = filterFromParams(params);

  const facets = useApi((signal) => getFacets(signal), []);
  // `search` stands for the whole filter: the list reloads exactly when the address changes.
  const items = useApi((signal) => listItems(toItemQuery(filter, PAGE_SIZE), signal), [search]);

  // Filters live in the URL so a result can be bookmarked, shared and reached with Back.
  const go = (next: BrowseFilter) => navigate(itemsHref(next));
  const change = (changes: Partial<Omit<BrowseFilter, "page">>) => go(withChanges(filter, changes));

  return (
    <div className="page">
      <Typography.Title level={1}>{t("portal.browse.title")}</Typography.Title>
      <NameSearch initial={filter.q ?? ""} onSubmit={(q) => change({ q: q || undefined })} />
      <div className="items-layout">
        <BrowseFilters filter={filter} facets={facets.data} onChange={change} />
        <section aria-labelledby="results-title" className="items-main">
          <h2 id="results-title" className="visually-hidden">
            {t("portal.browse.resultsTitle")}
          </h2>
          {items.isLoading && <Loading />}
          {items.error !== undefined && <LoadError error={items.error} onRetry={items.reload} />}
          {items.data && !items.isLoading && (
            <>
              <p className="items-total" role="status">
                {t("portal.browse.total", { total: items.data.total })}
              </p>
              {items.data.items.length === 0 ? (
                <Empty description={t("portal.browse.empty")} />
              ) : (
                <ul className="item-list">
                  {items.data.items.map((item) => (
                    <ItemRow key={item.id} item={item} />
                  ))}
                </ul>
              )}
              {items.data.total > PAGE_SIZE && (
                <nav aria-label={t("portal.browse.paginationLabel")} className="items-pagination">
                  <Pagination
                    current={filter.page}
                    pageSize={PAGE_SIZE}
                    total={items.data.total}
                    showSizeChanger={false}
                    onChange={(page) => go({ ...filter, page })}
                  />
                </nav>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function NameSearch({ initial, onSubmit }: { initial: string; onSubmit: (text: string) => void }) {
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
          {t("portal.browse.searchLabel")}
        </label>
        <Input
          id="items-filter"
          value={text}
          allowClear
          placeholder={t("portal.browse.searchPlaceholder")}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="primary" htmlType="submit">
          {t("common.search")}
        </Button>
      </form>
    </search>
  );
}

function ItemRow({ item }: { item: ItemSummary }) {
  const { t } = useTranslation();
  return (
    <li className="item-row">
      <Link to={`/items/${encodeURIComponent(item.id)}`} className="item-link">
        {item.name}
      </Link>
      <div className="item-meta">
        <span>{item.department.name}</span>
        <span>{t(`portal.types.${item.type}`)}</span>
        <span>
          {item.audience.map((audience) => t(`portal.audiences.${audience}`)).join(t("portal.listSeparator"))}
        </span>
        {item.promisedLimit && (
          <span>{t("portal.browse.promisedLimit", { limit: formatLimit(item.promisedLimit, t) })}</span>
        )}
        <span>
          {t("portal.browse.onlineDepth", {
            level: t("portal.depth.short", { level: romanDepth(item.onlineDepth) }),
          })}
        </span>
        <span>
          {item.maxVisits === 0
            ? t("portal.browse.zeroVisits")
            : t("portal.browse.visits", { count: item.maxVisits })}
        </span>
      </div>
      {item.tags.length > 0 && (
        <ul className="item-tags" aria-label={t("portal.guide.basic.tags")}>
          {item.tags.map((tag) => (
            <li key={tag}>
              <Tag>{t(`portal.tags.${tag}`)}</Tag>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
