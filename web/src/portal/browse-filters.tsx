import { type Audience, audiences, type FeatureTag, featureTags, type Theme } from "@tongban/core";
import { Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useElderlyMode } from "../elderly/elderly-mode.tsx";
import type { CatalogFacets } from "./api.ts";
import {
  activeFilterCount,
  type BrowseFilter,
  itemsHref,
  tagCount,
  themeCount,
  themesOf,
  withChanges,
} from "./browse-filter.ts";

type Change = Partial<Omit<BrowseFilter, "page">>;

interface Option {
  value: string;
  label: string;
}

/**
 * The browse choices beside the item list. Audience, theme and feature are links (bookmarkable, usable
 * without script); 长辈版 shows every choice as one plain drop-down so the results stay near the top.
 */
export function BrowseFilters({
  filter,
  facets,
  onChange,
}: {
  filter: BrowseFilter;
  facets: CatalogFacets | undefined;
  onChange: (change: Change) => void;
}) {
  const { t } = useTranslation();
  const { isElderly } = useElderlyMode();
  const audienceOptions = (Object.keys(audiences) as Audience[]).map((audience) => ({
    value: audience,
    label: t(`portal.audiences.${audience}`),
  }));
  const themeOptions = visibleThemes(filter).map((theme) => ({
    value: theme,
    label: labelWithCount(t(`portal.themes.${theme}`), themeCount(facets, theme), t),
  }));
  const tagOptions = (Object.keys(featureTags) as FeatureTag[])
    .filter((tag) => tag === filter.tag || (tagCount(facets, tag) ?? 1) > 0)
    .map((tag) => ({ value: tag, label: labelWithCount(t(`portal.tags.${tag}`), tagCount(facets, tag), t) }));
  const typeOptions = (facets?.types ?? []).map((entry) => ({
    value: entry.type,
    label: labelWithCount(t(`portal.types.${entry.type}`), entry.itemCount, t),
  }));
  const departmentOptions = (facets?.departments ?? []).map((department) => ({
    value: department.id,
    label: labelWithCount(department.name, department.itemCount, t),
  }));

  return (
    <section aria-labelledby="filters-title" className="browse-filters">
      <Typography.Title level={2} id="filters-title" className="filters-title">
        {t("portal.browse.filtersTitle")}
      </Typography.Title>
      {isElderly ? (
        <>
          <FilterSelect
            id="filter-audience"
            label={t("portal.browse.audience")}
            options={audienceOptions}
            value={filter.audience}
            onChange={(value) => onChange({ audience: value as Audience | undefined })}
          />
          <FilterSelect
            id="filter-theme"
            label={t("portal.browse.theme")}
            options={themeOptions}
            value={filter.theme}
            onChange={(value) => onChange({ theme: value as Theme | undefined })}
          />
          <FilterSelect
            id="filter-tag"
            label={t("portal.browse.tag")}
            options={tagOptions}
            value={filter.tag}
            onChange={(value) => onChange({ tag: value as FeatureTag | undefined })}
          />
        </>
      ) : (
        <>
          <ChipGroup
            id="filter-audience"
            title={t("portal.browse.audience")}
            filter={filter}
            field="audience"
          >
            {audienceOptions}
          </ChipGroup>
          <ChipGroup id="filter-theme" title={t("portal.browse.theme")} filter={filter} field="theme">
            {themeOptions}
          </ChipGroup>
          <ChipGroup id="filter-tag" title={t("portal.browse.tag")} filter={filter} field="tag">
            {tagOptions}
          </ChipGroup>
        </>
      )}
      <FilterSelect
        id="filter-type"
        label={t("portal.browse.type")}
        options={typeOptions}
        value={filter.type}
        onChange={(value) => onChange({ type: value as BrowseFilter["type"] })}
      />
      <FilterSelect
        id="filter-department"
        label={t("portal.browse.department")}
        options={departmentOptions}
        value={filter.department}
        onChange={(value) => onChange({ department: value })}
      />
      {activeFilterCount(filter) > 0 && (
        <Link to={itemsHref({})} className="filters-clear">
          {t("portal.browse.clear")}
        </Link>
      )}
    </section>
  );
}

/** The themes offered: the chosen audience's list, else both lists, individuals first. */
function visibleThemes(filter: BrowseFilter): readonly Theme[] {
  if (filter.audience) return themesOf(filter.audience);
  return [...themesOf("citizen"), ...themesOf("company")];
}

function labelWithCount(name: string, count: number | undefined, t: TFunction): string {
  return count === undefined ? name : t("portal.browse.withCount", { name, count });
}

/** One filter as links: "all" plus each choice; the chosen one is marked and clicking it again clears it. */
function ChipGroup({
  id,
  title,
  filter,
  field,
  children: options,
}: {
  id: string;
  title: string;
  filter: BrowseFilter;
  field: "audience" | "theme" | "tag";
  children: Option[];
}) {
  const { t } = useTranslation();
  const selected = filter[field];
  const hrefFor = (value: string | undefined) => itemsHref(withChanges(filter, { [field]: value }));
  return (
    <div className="filter-group">
      <h3 id={id}>{title}</h3>
      <ul className="chip-list" aria-labelledby={id}>
        <li>
          <Chip to={hrefFor(undefined)} isSelected={selected === undefined}>
            {t("portal.browse.all")}
          </Chip>
        </li>
        {options.map((option) => (
          <li key={option.value}>
            <Chip
              to={hrefFor(option.value === selected ? undefined : option.value)}
              isSelected={option.value === selected}
            >
              {option.label}
            </Chip>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Chip({ to, isSelected, children }: { to: string; isSelected: boolean; children: string }) {
  return (
    <Link
      to={to}
      className={isSelected ? "chip chip-selected" : "chip"}
      aria-current={isSelected ? "true" : undefined}
    >
      {children}
    </Link>
  );
}

/** A native drop-down: the most robust control for screen readers, phones and large type alike. */
function FilterSelect({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  options: Option[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filter-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t("portal.browse.all")}</option>
        {/* A chosen value the counts no longer list (e.g. a bookmark) still shows as chosen. */}
        {value && !options.some((option) => option.value === value) && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
