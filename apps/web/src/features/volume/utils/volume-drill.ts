import { isValidCode, SECTION_LABELS, SECTIONS, sectionOf } from '@caseload/domain';
import type { SectionId } from '@caseload/domain';
import type { AggregateQuery } from '../../../api/aggregate';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { dashboardFiltersToSearch, FILTER_SEARCH_KEYS, parseDashboardFilters } from '../../filters/utils/dashboard-filters';

/**
 * Where the Volume page is drilled to, kept in the address beside the filters. Not `section`
 * and `code`: `section` is the filter bar's section filter, and the filters own the API's names.
 */
export const DRILL_SECTION_KEY = 'drill_section';
export const DRILL_CODE_KEY = 'drill_code';

/** All sections → one section → one code of it. A code always carries its own section. */
export type VolumeDrill = { section: null; code: null } | { section: SectionId; code: null } | { section: SectionId; code: string };

export const TOP_LEVEL: VolumeDrill = { section: null, code: null };

/**
 * Reads the drill from a query string. A valid code brings its section (whatever the link
 * says); an unknown section or an invalid code falls back to the level above.
 */
export function parseVolumeDrill(search: string | URLSearchParams): VolumeDrill {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const code = (params.get(DRILL_CODE_KEY) ?? '').trim().toUpperCase();
  if (isValidCode(code)) return { section: sectionOf(code), code };
  const section = params.get(DRILL_SECTION_KEY) ?? '';
  if ((SECTIONS as readonly string[]).includes(section)) return { section: section as SectionId, code: null };
  return TOP_LEVEL;
}

export function drillLevel(drill: VolumeDrill): 'all' | 'section' | 'code' {
  return drill.code !== null ? 'code' : drill.section !== null ? 'section' : 'all';
}

/**
 * The query string (with `?`, or '' when empty) for `drill`, keeping the filters (written as
 * the filter bar writes them) and any other parameter of `current`.
 */
export function volumeDrillSearch(current: string | URLSearchParams, drill: VolumeDrill): string {
  const params = new URLSearchParams(current);
  const others = new URLSearchParams(params);
  for (const key of [...FILTER_SEARCH_KEYS, DRILL_SECTION_KEY, DRILL_CODE_KEY]) others.delete(key);
  const drillParts: string[] = [];
  if (drill.section !== null) drillParts.push(`${DRILL_SECTION_KEY}=${drill.section}`);
  if (drill.code !== null) drillParts.push(`${DRILL_CODE_KEY}=${encodeURIComponent(drill.code)}`);
  const query = [dashboardFiltersToSearch(parseDashboardFilters(params)), others.toString(), ...drillParts].filter((part) => part !== '').join('&');
  return query === '' ? '' : `?${query}`;
}

/** The filter part of a query, narrowed to the drill. */
export type ScopedParams = AggregateFilterParams & Pick<AggregateQuery, 'code'>;

export interface DrillScope {
  params: ScopedParams;
  /** The drilled section is not among the sections the filter bar keeps: nothing can match. */
  outsideFilters: boolean;
}

/** Narrows the filter parameters to the drilled section and code. */
export function drillScope(drill: VolumeDrill, params: AggregateFilterParams): DrillScope {
  if (drill.section === null) return { params, outsideFilters: false };
  const outsideFilters = params.section !== undefined && !params.section.includes(drill.section);
  const scoped: ScopedParams = { ...params, section: [drill.section] };
  if (drill.code !== null) scoped.code = [drill.code];
  return { params: scoped, outsideFilters };
}

export interface Crumb {
  label: string;
  drill: VolumeDrill;
}

/** The way back up: `All sections › Radiology › 70450`; the last crumb is where the page is. */
export function drillCrumbs(drill: VolumeDrill): Crumb[] {
  const crumbs: Crumb[] = [{ label: 'All sections', drill: TOP_LEVEL }];
  if (drill.section !== null) crumbs.push({ label: SECTION_LABELS[drill.section], drill: { section: drill.section, code: null } });
  if (drill.code !== null) crumbs.push({ label: drill.code, drill });
  return crumbs;
}

/** What the page's figures cover, in words: `all sections`, `Radiology`, `code 70450`. */
export function scopeName(drill: VolumeDrill): string {
  if (drill.code !== null) return `code ${drill.code}`;
  if (drill.section !== null) return SECTION_LABELS[drill.section];
  return 'all sections';
}
