/**
 * Reads the extension's settings. Thin by design: validation lives in src/model/settings.ts.
 * A setting with a bad value is reported once and the last good settings stay in force.
 */
import * as vscode from 'vscode';
import { isKnownRegion } from '../model/regions';
import { checkConnectionSettings, SECTION, type ConnectionSettings } from '../model/settings';

export const DEFAULT_PAGE_SIZE = 50;

export type SettingsResult = { ok: true; settings: ConnectionSettings } | { ok: false; message: string };

export function readConnectionSettings(): SettingsResult {
  const config = vscode.workspace.getConfiguration(SECTION);
  // One entry in sagemakerImages.regions is the region (for the tree, the pickers and the status bar alike).
  const regions = readRegions();
  const checked = checkConnectionSettings({
    profile: config.get<unknown>('profile'),
    region: regions.length === 1 ? regions[0] : config.get<unknown>('region'),
    endpoint: config.get<unknown>('endpoint'),
  });
  return checked.ok ? { ok: true, settings: checked.value } : { ok: false, message: checked.message };
}

/** pageSize as MaxResults: an integer 1–100; anything else falls back to the default (and says so). */
export function readPageSize(onInvalid?: (message: string) => void): number {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('pageSize', DEFAULT_PAGE_SIZE);
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 100) return raw;
  onInvalid?.(vscode.l10n.t('sagemakerImages.pageSize must be a whole number from 1 to 100; using {0}.', DEFAULT_PAGE_SIZE));
  return DEFAULT_PAGE_SIZE;
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 20;

/** requestTimeoutSeconds in ms: an integer 1–300; anything else falls back to the default. */
export function readRequestTimeoutMs(): number {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('requestTimeoutSeconds', DEFAULT_REQUEST_TIMEOUT_SECONDS);
  const seconds = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 300 ? raw : DEFAULT_REQUEST_TIMEOUT_SECONDS;
  return seconds * 1000;
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return ['profile', 'region', 'regions', 'endpoint'].some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}

/**
 * Where to write a setting the user changes through a command: the most specific scope that
 * already holds a value (else the user settings), so the new value is the one that takes effect.
 */
export function settingTarget(key: string): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect(key);
  if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

/** What commands (another bundle) use to read and write settings. */
export interface SettingsAccess {
  /** sagemakerImages.regions, checked as readRegions does. */
  regions(): string[];
  /** Writes `sagemakerImages.<key>` where it takes effect (settingTarget), or to user settings when `where` is 'user'. */
  write(key: string, value: unknown, where?: 'user'): Promise<void>;
}

export const settingsAccess: SettingsAccess = {
  regions: () => readRegions(),
  write: async (key, value, where) => {
    const target = where === 'user' ? vscode.ConfigurationTarget.Global : settingTarget(key);
    await vscode.workspace.getConfiguration(SECTION).update(key, value, target);
  },
};

/**
 * sagemakerImages.regions: regions shown side by side. Unknown names and repeats are dropped
 * (and reported), so one typo never empties the view.
 */
export function readRegions(onInvalid?: (message: string) => void): string[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('regions', []);
  if (!Array.isArray(raw)) {
    onInvalid?.(vscode.l10n.t('sagemakerImages.regions must be a list of region names such as ["us-east-1", "eu-west-1"]; ignoring it.'));
    return [];
  }
  const regions: string[] = [];
  const bad: string[] = [];
  for (const entry of raw) {
    const region = typeof entry === 'string' ? entry.trim() : '';
    if (!isKnownRegion(region)) bad.push(String(entry));
    else if (!regions.includes(region)) regions.push(region);
  }
  if (bad.length) onInvalid?.(vscode.l10n.t('sagemakerImages.regions: not a SageMaker region: {0}; showing the others.', bad.join(', ')));
  return regions;
}
