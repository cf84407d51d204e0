import { type Audience, type FeatureTag, featureTags } from "@tongban/core";
import { Button, Card, Input, Typography } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { type CatalogFacets, getFacets } from "./api.ts";
import { itemsHref, tagCount, themeCount, themesOf } from "./browse-filter.ts";

/** The portal home (/): search, then browse by theme, feature, department, and the public tools. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("portal.home.title"));
  const facets = useApi((signal) => getFacets(signal), []);
  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <Typography.Title level={1} id="hero-title">
          {t("portal.home.heroTitle")}
        </Typography.Title>
        <Typography.Paragraph className="hero-body">{t("portal.home.heroBody")}</Typography.Paragraph>
        <ItemSearch />
      </section>
      {facets.isLoading && <Loading />}
      {facets.error !== undefined && <LoadError error={facets.error} onRetry={facets.reload} />}
      <ThemeEntry facets={facets.data} />
      <TagEntry facets={facets.data} />
      <Departments facets={facets.data} />
      <section aria-labelledby="home-tools-title" className="home-tools">
        <Typography.Title level={2} id="home-tools-title">
          {t("portal.home.toolsTitle")}
        </Typography.Title>
        <Typography.Paragraph>{t("portal.home.toolsBody")}</Typography.Paragraph>
        <Link to="/tools">{t("portal.home.toolsLink")}</Link>
      </section>
    </div>
  );
}

/** A search form that opens the item list filtered by the words typed. */
function ItemSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(itemsHref({ q: text.trim() || undefined }));
  };

  return (
    <search>
      <form className="item-search" onSubmit={submit}>
        <label htmlFor="home-search" className="visually-hidden">
          {t("portal.home.searchLabel")}
        </label>
        <Input
          id="home-search"
          size="large"
          value={text}
          placeholder={t("portal.home.searchPlaceholder")}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="primary" size="large" htmlType="submit">
          {t("common.search")}
        </Button>
      </form>
    </search>
  );
}

/** Life events for individuals and lifecycle stages for companies, each opening the list of its items. */
function ThemeEntry({ facets }: { facets: CatalogFacets | undefined }) {
  const { t } = useTranslation();
  const groups: { audience: Audience; title: string }[] = [
    { audience: "citizen", title: t("portal.home.citizenThemes") },
    { audience: "company", title: t("portal.home.companyThemes") },
  ];
  return (
    <section aria-labelledby="home-themes-title" className="home-themes">
      <Typography.Title level={2} id="home-themes-title">
        {t("portal.home.themesTitle")}
      </Typography.Title>
      <div className="theme-groups">
        {groups.map(({ audience, title }) => (
          <Card key={audience} size="small" className="theme-group">
            <h3 id={`home-themes-${audience}`}>{title}</h3>
            <ul className="chip-list" aria-labelledby={`home-themes-${audience}`}>
              {themesOf(audience).map((theme) => (
                <li key={theme}>
                  <Link className="chip" to={itemsHref({ audience, theme })}>
                    <CountedName name={t(`portal.themes.${theme}`)} count={themeCount(facets, theme)} />
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <Link to="/items">{t("portal.home.allItems")}</Link>
    </section>
  );
}

/** Feature tags (免证办, 就近办, …) that some item carries. */
function TagEntry({ facets }: { facets: CatalogFacets | undefined }) {
  const { t } = useTranslation();
  // Before the counts arrive every tag is offered; afterwards only tags that lead somewhere.
  const tags = (Object.keys(featureTags) as FeatureTag[]).filter((tag) => (tagCount(facets, tag) ?? 1) > 0);
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="home-tags-title">
      <Typography.Title level={2} id="home-tags-title">
        {t("portal.home.tagsTitle")}
      </Typography.Title>
      <ul className="chip-list">
        {tags.map((tag) => (
          <li key={tag}>
            <Link className="chip" to={itemsHref({ tag })}>
              <CountedName name={t(`portal.tags.${tag}`)} count={tagCount(facets, tag)} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Departments({ facets }: { facets: CatalogFacets | undefined }) {
  const { t } = useTranslation();
  if (!facets) return null;
  return (
    <section aria-labelledby="departments-title">
      <Typography.Title level={2} id="departments-title">
        {t("portal.home.departmentsTitle")}
      </Typography.Title>
      {facets.departments.length === 0 && (
        <Typography.Paragraph>{t("portal.home.departmentsEmpty")}</Typography.Paragraph>
      )}
      <ul className="department-grid">
        {facets.departments.map((department) => (
          <li key={department.id}>
            <Card size="small" className="department-card">
              <Link to={itemsHref({ department: department.id })} className="department-link">
                <span className="department-name">{department.name}</span>
                <span className="department-count">
                  {t("common.itemCount", { count: department.itemCount })}
                </span>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A choice's name with its item count, once known. */
export function CountedName({ name, count }: { name: string; count: number | undefined }) {
  const { t } = useTranslation();
  return count === undefined ? name : t("portal.browse.withCount", { name, count });
}
