/**
 * Reads the extension's settings. Thin by design: validation lives in src/model/settings.ts.
 * A setting with a bad value is reported once and the last good settings stay in force.
 */
import * as vscode from 'vscode';
import { isKnownRegion } from '../model/regions';
import { SECTION, type ConnectionSettings } from '../model/settings';
import { configuredConnection, type ConfiguredConnection, type SettingsController } from '../model/settingsController';

export const DEFAULT_PAGE_SIZE = 50;

export type SettingsResult = { ok: true; settings: ConnectionSettings } | { ok: false; message: string };

/** The connection settings as configured, unchecked (the controller and activation check them). */
export function readConfiguredConnection(): ConfiguredConnection {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    profile: config.get<unknown>('profile'),
    region: config.get<unknown>('region'),
    endpoint: config.get<unknown>('endpoint'),
    regions: readRegions(),
  };
}

export function readConnectionSettings(): SettingsResult {
  const checked = configuredConnection(readConfiguredConnection());
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
  /**
   * Writes each `sagemakerImages.<key>` of `values` where it takes effect (settingTarget), or to
   * user settings when `where` is 'user'. The keys are applied together, once, after the last is
   * written (see SettingsController.writing); ctx.settled() resolves when they are in force.
   */
  write(values: Readonly<Record<string, unknown>>, where?: 'user'): Promise<void>;
}

export function createSettingsAccess(controller: Pick<SettingsController, 'writing'>): SettingsAccess {
  return {
    regions: () => readRegions(),
    write: (values, where) =>
      controller.writing(async () => {
        const config = vscode.workspace.getConfiguration(SECTION);
        for (const [key, value] of Object.entries(values)) {
          await config.update(key, value, where === 'user' ? vscode.ConfigurationTarget.Global : settingTarget(key));
        }
      }),
  };
}

/**
 * sagemakerImages.regions: regions shown side by side. Unknown names and repeats are dropped
 * (and reported), so one typo never empties the view.
 */
/**
 * Whether commands that change AWS may run: not in read-only mode (`sagemakerImages.readOnly`,
 * anything but `true` counts as off) and not in an untrusted workspace.
 */
export function writesAllowed(): boolean {
  return vscode.workspace.isTrusted && vscode.workspace.getConfiguration(SECTION).get<unknown>('readOnly', false) !== true;
}

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
