import {
  type Audience,
  audiences,
  type FeatureTag,
  featureTags,
  type ItemType,
  itemTypes,
  type Theme,
  themes,
} from "@tongban/core";
import type { CatalogFacets, ItemQuery } from "./api.ts";

/** What the item list is narrowed to; it lives in the URL so a result can be bookmarked and shared. */
export interface BrowseFilter {
  q?: string;
  department?: string;
  region?: string;
  theme?: Theme;
  audience?: Audience;
  tag?: FeatureTag;
  type?: ItemType;
  page: number;
}

/** The URL parameters a filter is written to, in the order they appear in links. */
export const filterKeys = ["audience", "theme", "tag", "type", "department", "region", "q"] as const;
export type FilterKey = (typeof filterKeys)[number];

const allThemes: readonly Theme[] = [...themes.citizen, ...themes.company];

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string | null): T | undefined =>
    allowed.find((candidate) => candidate === value);

const isAudience = oneOf(Object.keys(audiences) as Audience[]);
const isTag = oneOf(Object.keys(featureTags) as FeatureTag[]);
const isType = oneOf(Object.keys(itemTypes) as ItemType[]);
const isTheme = oneOf(allThemes);

const text = (value: string | null): string | undefined => value?.trim() || undefined;

/**
 * Reads the filter from the address bar. Unknown keys of the core tables are dropped rather than sent: an
 * old bookmark then shows every item instead of an error.
 */
export function filterFromParams(params: URLSearchParams): BrowseFilter {
  const page = Number(params.get("page"));
  const filter: BrowseFilter = {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    q: text(params.get("q")),
    department: text(params.get("department")),
    region: text(params.get("region")),
    theme: isTheme(params.get("theme")),
    audience: isAudience(params.get("audience")),
    tag: isTag(params.get("tag")),
    type: isType(params.get("type")),
  };
  for (const key of filterKeys) if (filter[key] === undefined) delete filter[key];
  return filter;
}

/** The API query for one page of a filter. */
export function toItemQuery(filter: BrowseFilter, pageSize: number): ItemQuery {
  return { ...filter, pageSize };
}

/** Writes a filter as a query string ("" when nothing is chosen); page 1 is left out. */
export function filterSearch(filter: Partial<BrowseFilter>): string {
  const search = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value) search.set(key, value);
  }
  if (filter.page && filter.page > 1) search.set("page", String(filter.page));
  const result = search.toString();
  return result ? `?${result}` : "";
}

/** The item list's address for a filter, e.g. `/items?audience=citizen&theme=出生`. */
export function itemsHref(filter: Partial<BrowseFilter>): string {
  return `/items${filterSearch(filter)}`;
}

/**
 * A filter with some choices changed (undefined clears one). Any change of what is shown starts again
 * at page 1, or the reader could land on a page past the end.
 */
export function withChanges(
  filter: BrowseFilter,
  changes: Partial<Omit<BrowseFilter, "page">>,
): BrowseFilter {
  const next: BrowseFilter = { ...filter, ...changes, page: 1 };
  for (const key of filterKeys) if (next[key] === undefined) delete next[key];
  // A theme belongs to one audience's list; choosing the other audience would leave it matching nothing.
  if (changes.audience && next.theme && !themesOf(changes.audience).includes(next.theme)) delete next.theme;
  return next;
}

/** How many choices narrow the list (the search words count as one). */
export function activeFilterCount(filter: BrowseFilter): number {
  return filterKeys.filter((key) => filter[key] !== undefined).length;
}

/** The themes shown for an audience: life events for individuals, lifecycle stages for companies. */
export function themesOf(audience: Audience): readonly Theme[] {
  return themes[audience];
}

/** The audience whose list a theme is on. */
export function audienceOfTheme(theme: Theme): Audience {
  return (themes.company as readonly Theme[]).includes(theme) ? "company" : "citizen";
}

/** Items under a theme for the audience whose list it is on (0 when the facets do not name it). */
export function themeCount(facets: CatalogFacets | undefined, theme: Theme): number | undefined {
  if (!facets) return undefined;
  const audience = audienceOfTheme(theme);
  return facets.themes.find((entry) => entry.theme === theme && entry.audience === audience)?.itemCount ?? 0;
}

/** Items carrying a feature tag (0 when the facets do not name it). */
export function tagCount(facets: CatalogFacets | undefined, tag: FeatureTag): number | undefined {
  if (!facets) return undefined;
  return facets.tags.find((entry) => entry.tag === tag)?.itemCount ?? 0;
}
