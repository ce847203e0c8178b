/**
 * The one place that turns configuration changes into what they cause. VS Code reports every
 * written key as its own event, and one user action can write several (Sort Versions… writes
 * versions.sortBy and versions.sortOrder; a hand-edited settings.json changes anything at once):
 * applying each event on its own reloads lists in a half-written order or twice. This controller
 * collects the changed keys of a burst, applies them once, never runs two applies at the same time,
 * and tells anyone who wrote a setting when it is in force (settled()).
 *
 * vscode-free so that the rules are tested in plain Node: the activation bundle reads the settings
 * and carries out the effects (src/extension/index.ts builds the SettingsEffects).
 */
import { checkConnectionSettings, type Checked, type ConnectionSettings } from './settings';

/** The settings the two sort keys are stored in (`sagemakerImages.versions.*`). */
export const SORT_SETTINGS = { sortBy: 'versions.sortBy', sortOrder: 'versions.sortOrder' } as const;

/** What a change can affect; a burst applies each at most once. */
export type SettingsArea = 'connection' | 'regions' | 'requestTimeout' | 'pageSize' | 'sort';

/**
 * The settings the controller follows (keys below `sagemakerImages.`) and what each affects.
 * `regions` is also connection: with one entry it is the region (see configuredConnection).
 */
export const WATCHED_SETTINGS: Readonly<Record<string, readonly SettingsArea[]>> = {
  profile: ['connection'],
  region: ['connection'],
  endpoint: ['connection'],
  regions: ['connection', 'regions'],
  requestTimeoutSeconds: ['requestTimeout'],
  pageSize: ['pageSize'],
  [SORT_SETTINGS.sortBy]: ['sort'],
  [SORT_SETTINGS.sortOrder]: ['sort'],
};

/** The connection settings as configured, unchecked. */
export interface ConfiguredConnection {
  profile?: unknown;
  region?: unknown;
  endpoint?: unknown;
  /** sagemakerImages.regions, already cleaned of unknown names (see readRegions). */
  regions: readonly string[];
}

/** The settings to connect with: one entry in `regions` is the region (for the tree, pickers and status bar alike). */
export function configuredConnection(raw: ConfiguredConnection): Checked<ConnectionSettings> {
  return checkConnectionSettings({
    profile: raw.profile,
    region: raw.regions.length === 1 ? raw.regions[0] : raw.region,
    endpoint: raw.endpoint,
  });
}

/** Why a change was refused; the settings in force stay. */
export type SettingsRefusal = { kind: 'invalid'; message: string } | { kind: 'unknownProfile'; profile: string };

/** What the controller reads and does; the activation bundle implements it with vscode and the tree. */
export interface SettingsEffects {
  /** The connection settings as configured now. */
  readConnection(): ConfiguredConnection;
  /** The connection settings in force. */
  currentConnection(): ConnectionSettings;
  /** Whether the shared config or credentials files define the profile. */
  profileExists(profile: string): Promise<boolean>;
  /** Puts new connection settings in force; false when they equal those in force. */
  useConnection(next: ConnectionSettings): boolean;
  /** Puts the configured request timeout in force; false when it did not change. */
  useRequestTimeout(): boolean;
  /** Drops every loaded page and rebuilds the roots (so the regions, page size and sort are read again). */
  refreshAll(): void;
  /** Reloads the version lists if the sort differs from the one they were loaded with. */
  reloadVersions(): void;
  /** After new connection settings are in force (e.g. the status bar names them). */
  connectionChanged(): Promise<void>;
  /** Says why a change was refused. */
  refused(refusal: SettingsRefusal): void;
  /** An apply threw: logged, and the next change is applied as usual. */
  failed(error: unknown): void;
}

export class SettingsController {
  /** Areas changed since the scheduled apply started (or since the last one ended). */
  private dirty = new Set<SettingsArea>();
  /** The apply that will take `dirty`, once the one before it has finished. */
  private scheduled: Promise<void> | undefined;
  /** The last apply scheduled; every apply chains onto it, so none overlaps another. */
  private tail: Promise<void> = Promise.resolve();
  /** Writes in progress (see writing); their changes are applied together when the last one ends. */
  private writes = 0;
  private appliesRun = 0;

  constructor(private readonly effects: SettingsEffects) {}

  /** How many applies have run (for the log and the tests). */
  get applies(): number {
    return this.appliesRun;
  }

  /**
   * A configuration change: `affects(key)` answers whether the change touched
   * `sagemakerImages.<key>` (ConfigurationChangeEvent.affectsConfiguration, in the extension).
   */
  changed(affects: (key: string) => boolean): void {
    for (const [key, areas] of Object.entries(WATCHED_SETTINGS)) {
      if (affects(key)) for (const area of areas) this.dirty.add(area);
    }
    this.schedule();
  }

  /**
   * Runs `write` (which writes one or more settings) and applies what it changed once, after it
   * ends. VS Code delivers a write's change event before the write resolves, so the changes of
   * every key `write` wrote are in one apply: a sort pair reloads the versions once, in the new order.
   */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    this.writes += 1;
    try {
      return await write();
    } finally {
      this.writes -= 1;
      this.schedule();
    }
  }

  /**
   * Resolves when no apply is scheduled or running: every change seen so far is in force (or
   * refused), except those of a write still in progress, which are applied when it ends.
   */
  async settled(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  private schedule(): void {
    if (this.scheduled || this.writes > 0 || this.dirty.size === 0) return;
    // `then` runs the apply in a microtask at the earliest: every change reported in the same
    // tick joins this apply; a change reported once it has started gets the next one.
    const next = this.tail.then(() => {
      this.scheduled = undefined;
      // A write began while this waited for the apply before it: its end schedules again.
      if (this.writes > 0) return;
      const areas = this.dirty;
      this.dirty = new Set();
      return this.apply(areas).catch((error: unknown) => this.effects.failed(error));
    });
    this.scheduled = next;
    this.tail = next;
  }

  /**
   * One apply. A new connection refreshes everything, which covers regions, page size, timeout
   * and sort; otherwise each of those refreshes (or reloads the versions) once. Synchronous up to
   * the profile check, so a change that needs none is in force within the tick that reported it.
   */
  private async apply(areas: ReadonlySet<SettingsArea>): Promise<void> {
    this.appliesRun += 1;
    let refreshed = false;
    let connected = false;
    if (areas.has('connection')) {
      const checked = configuredConnection(this.effects.readConnection());
      if (!checked.ok) this.effects.refused({ kind: 'invalid', message: checked.message });
      else if (await this.profileRefused(checked.value)) this.effects.refused({ kind: 'unknownProfile', profile: checked.value.profile! });
      else if (this.effects.useConnection(checked.value)) connected = true;
    }
    // Always put a new timeout in force, even when a refresh happens anyway.
    const timeoutChanged = areas.has('requestTimeout') && this.effects.useRequestTimeout();
    if (connected || timeoutChanged || areas.has('regions') || areas.has('pageSize')) {
      this.effects.refreshAll();
      refreshed = true;
    }
    if (areas.has('sort') && !refreshed) this.effects.reloadVersions();
    if (connected) await this.effects.connectionChanged();
  }

  /** A profile other than the one in force must exist; a failed check counts as not existing. */
  private async profileRefused(next: ConnectionSettings): Promise<boolean> {
    if (next.profile === undefined || next.profile === this.effects.currentConnection().profile) return false;
    try {
      return !(await this.effects.profileExists(next.profile));
    } catch {
      return true;
    }
  }
}
