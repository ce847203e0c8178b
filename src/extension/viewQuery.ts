/**
 * What the view is asked to show: the version sort (user settings, so it follows the user), the
 * date filters and the image-name filter (workspace state, so each workspace keeps its own).
 * Thin: the logic lives in src/model/versionQuery.ts. Keeps the context key that shows Clear
 * Version Filters and the view's description in step.
 */
import * as vscode from 'vscode';
import { SECTION } from '../model/settings';
import { SORT_SETTINGS } from '../model/settingsController';
import { describeQuery, hasFilters, loadFilters, readSort, storeFilters, type DateFilters, type VersionQuery } from '../model/versionQuery';

const FILTERS_KEY = 'sagemakerImages.versionFilters';
const NAME_KEY = 'sagemakerImages.imageNameContains';
export const FILTERS_ACTIVE_CONTEXT = 'sagemakerImages.versionFiltersActive';

export class ViewQuery {
  private filters: DateFilters;
  private nameFilter: string | undefined;

  constructor(private readonly state: vscode.Memento) {
    this.filters = loadFilters(state.get<unknown>(FILTERS_KEY));
    const name = state.get<unknown>(NAME_KEY);
    this.nameFilter = typeof name === 'string' && name !== '' ? name : undefined;
  }

  get versionQuery(): VersionQuery {
    const config = vscode.workspace.getConfiguration(SECTION);
    return {
      ...readSort(config.get<unknown>(SORT_SETTINGS.sortBy), config.get<unknown>(SORT_SETTINGS.sortOrder)),
      filters: { ...this.filters },
    };
  }

  get dateFilters(): DateFilters {
    return { ...this.filters };
  }

  get filtersActive(): boolean {
    return hasFilters(this.filters);
  }

  get nameContains(): string | undefined {
    return this.nameFilter;
  }

  async setDateFilters(filters: DateFilters): Promise<void> {
    this.filters = { ...filters };
    await this.state.update(FILTERS_KEY, storeFilters(this.filters));
    await this.syncContext();
  }

  async setNameContains(text: string | undefined): Promise<void> {
    this.nameFilter = text === '' ? undefined : text;
    await this.state.update(NAME_KEY, this.nameFilter);
  }

  /** e.g. "name ∋ torch · created ≥ 2024-05-01 · version ↓". */
  describe(): string {
    const parts = this.nameFilter ? [vscode.l10n.t('name ∋ {0}', this.nameFilter)] : [];
    parts.push(describeQuery(this.versionQuery));
    return parts.join(' · ');
  }

  syncContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', FILTERS_ACTIVE_CONTEXT, this.filtersActive);
  }
}
