/**
 * The version query: server-side sort and the four inclusive date filters, and how it becomes
 * ListImageVersions parameters, a short description for the view, and workspace storage.
 * vscode-free; what it says to people goes through l10n.
 */
import { l10n } from './l10n';
import type { ImageVersionSortBy, ListImageVersionsInput, SortOrder } from './types';
import { IMAGE_VERSION_SORT_BY, SORT_ORDERS } from './types';

/** Which end of a range the text is for: a day alone means its start or its end. */
export type DateBound = 'lower' | 'upper';

export interface DateFilters {
  createdAfter?: Date;
  createdBefore?: Date;
  modifiedAfter?: Date;
  modifiedBefore?: Date;
}

export type DateFilterField = keyof DateFilters;
export const DATE_FILTER_FIELDS: readonly DateFilterField[] = ['createdAfter', 'createdBefore', 'modifiedAfter', 'modifiedBefore'];

/** Which end of its range each filter is: a day typed alone means its start or its end. */
export const FIELD_BOUND: Record<DateFilterField, DateBound> = {
  createdAfter: 'lower',
  createdBefore: 'upper',
  modifiedAfter: 'lower',
  modifiedBefore: 'upper',
};

export interface VersionQuery {
  sortBy: ImageVersionSortBy;
  sortOrder: SortOrder;
  filters: DateFilters;
}

export const DEFAULT_SORT: Pick<VersionQuery, 'sortBy' | 'sortOrder'> = { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING' };

/** The six sorts the Sort Versions… picker offers, in its order. */
/** The six sorts Sort Versions… offers; `label()` is looked up when shown (after the string bundle is configured). */
export const SORT_CHOICES: readonly { sortBy: ImageVersionSortBy; sortOrder: SortOrder; label: () => string }[] = [
  { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING', label: () => l10n.t('Creation time, newest first') },
  { sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', label: () => l10n.t('Creation time, oldest first') },
  { sortBy: 'LAST_MODIFIED_TIME', sortOrder: 'DESCENDING', label: () => l10n.t('Last modified, newest first') },
  { sortBy: 'LAST_MODIFIED_TIME', sortOrder: 'ASCENDING', label: () => l10n.t('Last modified, oldest first') },
  { sortBy: 'VERSION', sortOrder: 'DESCENDING', label: () => l10n.t('Version, highest first') },
  { sortBy: 'VERSION', sortOrder: 'ASCENDING', label: () => l10n.t('Version, lowest first') },
];

/** ListImageVersions parameters for a query (the image, page size and token are the caller's). */
export function toListParameters(q: VersionQuery): Omit<ListImageVersionsInput, 'imageName' | 'maxResults' | 'nextToken'> {
  const out: Omit<ListImageVersionsInput, 'imageName' | 'maxResults' | 'nextToken'> = { sortBy: q.sortBy, sortOrder: q.sortOrder };
  if (q.filters.createdAfter) out.creationTimeAfter = q.filters.createdAfter;
  if (q.filters.createdBefore) out.creationTimeBefore = q.filters.createdBefore;
  if (q.filters.modifiedAfter) out.lastModifiedTimeAfter = q.filters.modifiedAfter;
  if (q.filters.modifiedBefore) out.lastModifiedTimeBefore = q.filters.modifiedBefore;
  return out;
}

export function hasFilters(f: DateFilters): boolean {
  return DATE_FILTER_FIELDS.some((k) => f[k] !== undefined);
}

/** Why a set of filters can match nothing, or undefined when it is a usable range. */
export function rangeProblem(f: DateFilters): string | undefined {
  if (f.createdAfter && f.createdBefore && f.createdAfter.getTime() > f.createdBefore.getTime()) {
    return l10n.t('“Created after” is later than “created before”: no version can match. Change one of them.');
  }
  if (f.modifiedAfter && f.modifiedBefore && f.modifiedAfter.getTime() > f.modifiedBefore.getTime()) {
    return l10n.t('“Modified after” is later than “modified before”: no version can match. Change one of them.');
  }
  if (f.modifiedBefore && f.createdAfter && f.modifiedBefore.getTime() < f.createdAfter.getTime()) {
    return l10n.t('“Modified before” is earlier than “created after”: a version is modified after it is created, so none can match.');
  }
  return undefined;
}

/**
 * A bound as the user most likely typed it, for the view's description: the day alone when the
 * bound is a whole day (local midnight as a lower bound, 23:59:59.999 local as an upper one),
 * else to the minute. Short on purpose; the input box is pre-filled at full precision instead.
 */
export function shortDate(d: Date, bound: DateBound = 'lower'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const wholeDay =
    bound === 'upper'
      ? d.getHours() === 23 && d.getMinutes() === 59 && d.getSeconds() === 59 && d.getMilliseconds() === 999
      : d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
  return wholeDay ? day : `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One filter of the description, e.g. "created ≥ 2024-05-01"; whole phrases, so each can be translated. */
function describeFilter(field: DateFilterField, date: string): string {
  switch (field) {
    case 'createdAfter':
      return l10n.t('created ≥ {0}', date);
    case 'createdBefore':
      return l10n.t('created ≤ {0}', date);
    case 'modifiedAfter':
      return l10n.t('modified ≥ {0}', date);
    case 'modifiedBefore':
      return l10n.t('modified ≤ {0}', date);
  }
}

/** The sort of the description, e.g. "version ↓". */
function describeSort(sortBy: ImageVersionSortBy, sortOrder: SortOrder): string {
  const descending = sortOrder === 'DESCENDING';
  switch (sortBy) {
    case 'CREATION_TIME':
      return descending ? l10n.t('created ↓') : l10n.t('created ↑');
    case 'LAST_MODIFIED_TIME':
      return descending ? l10n.t('modified ↓') : l10n.t('modified ↑');
    case 'VERSION':
      return descending ? l10n.t('version ↓') : l10n.t('version ↑');
  }
}

/** e.g. "created ≥ 2024-05-01 · version ↓" (filters first, then the sort). */
export function describeQuery(q: VersionQuery): string {
  const parts = DATE_FILTER_FIELDS.filter((k) => q.filters[k]).map((k) => describeFilter(k, shortDate(q.filters[k]!, FIELD_BOUND[k])));
  parts.push(describeSort(q.sortBy, q.sortOrder));
  return parts.join(' · ');
}

/** Filters as stored in workspace state (ISO strings). */
export type StoredFilters = Partial<Record<DateFilterField, string>>;

export function storeFilters(f: DateFilters): StoredFilters {
  const out: StoredFilters = {};
  for (const k of DATE_FILTER_FIELDS) if (f[k]) out[k] = f[k]!.toISOString();
  return out;
}

/** Reads stored filters back; anything malformed is dropped rather than sent. */
export function loadFilters(stored: unknown): DateFilters {
  const out: DateFilters = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const k of DATE_FILTER_FIELDS) {
    const v = (stored as Record<string, unknown>)[k];
    if (typeof v !== 'string') continue;
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) out[k] = d;
  }
  return rangeProblem(out) ? {} : out;
}

/** Settings values to a sort; unknown values fall back to the default. */
export function readSort(sortBy: unknown, sortOrder: unknown): Pick<VersionQuery, 'sortBy' | 'sortOrder'> {
  return {
    sortBy: (IMAGE_VERSION_SORT_BY as readonly unknown[]).includes(sortBy) ? (sortBy as ImageVersionSortBy) : DEFAULT_SORT.sortBy,
    sortOrder: (SORT_ORDERS as readonly unknown[]).includes(sortOrder) ? (sortOrder as SortOrder) : DEFAULT_SORT.sortOrder,
  };
}
