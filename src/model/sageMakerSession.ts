/**
 * The extension's one door to SageMaker: current connection settings, a client cache that is
 * emptied when they change, and `call`, which runs any operation of the table (src/model/types.ts
 * Operations) by name: `session.call('listImageVersions', input, scope)`. Every call may name a
 * region (regions side by side, an ARN from another region); the profile and endpoint are always
 * the session's. vscode-free, so it is tested in plain Node; the AWS SDK is loaded on the first
 * call, not at construction.
 */
import { InsecureEndpointWarnings } from './endpointSecurity';
import type { Logger } from './log';
import { loadAws, type ConnectionPool, type OperationOptions, type ResolvedConnection } from './awsLayer';
import { settingsKey, type ConnectionSettings } from './settings';
import type { OperationInput, OperationName, OperationOutput } from './types';

/** Where and how one call runs. */
export interface CallScope {
  /** Overrides the settings' region for this call. */
  region?: string;
  signal?: AbortSignal;
}

export class SageMakerSession {
  private cache: ConnectionPool<ResolvedConnection> | undefined;
  private current: ConnectionSettings;
  private requestTimeoutMs: number | undefined;
  /** Bumped on every settings change, so caches keyed by it never serve another account's data. */
  private generation = 0;
  /** Plain-http endpoints off loopback, each reported once for the session's lifetime. */
  private readonly insecureEndpoints: InsecureEndpointWarnings;

  constructor(
    settings: ConnectionSettings,
    private readonly logger: Logger,
    private readonly version: string,
    options: {
      requestTimeoutMs?: number;
      /** Told (once per endpoint) that requests go over plain http to `host`, not a loopback address. */
      onInsecureEndpoint?: (host: string) => void;
    } = {},
  ) {
    this.current = settings;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.insecureEndpoints = new InsecureEndpointWarnings((host, origin) => {
      this.logger.warn(
        `The endpoint ${origin} uses plain http to ${host}, which is not a loopback address: requests, session tokens included, are sent unencrypted. Use https.`,
      );
      options.onInsecureEndpoint?.(host);
    });
  }

  /** Changes the per-request timeout; cached clients are destroyed so the next call uses it. */
  setRequestTimeout(ms: number): boolean {
    if (ms === this.requestTimeoutMs) return false;
    this.requestTimeoutMs = ms;
    this.cache?.clear();
    this.cache = undefined;
    return true;
  }

  get settings(): ConnectionSettings {
    return this.current;
  }

  /** Changes whenever the settings do. */
  get settingsGeneration(): number {
    return this.generation;
  }

  /** Applies new settings; returns true (and destroys cached clients) when they differ. */
  updateSettings(settings: ConnectionSettings): boolean {
    if (settingsKey(settings) === settingsKey(this.current)) return false;
    this.current = settings;
    this.generation++;
    this.cache?.clear();
    this.logger.info(
      `Settings changed: profile=${settings.profile ?? '(default)'} region=${settings.region ?? '(default)'} endpoint=${settings.endpoint ?? '(default)'}`,
    );
    return true;
  }

  private connections(): ConnectionPool<ResolvedConnection> {
    this.cache ??= new (loadAws().ConnectionCache)({
      logger: this.logger,
      version: this.version,
      requestTimeoutMs: this.requestTimeoutMs,
      onEndpoint: (endpoint) => this.insecureEndpoints.check(endpoint),
    });
    return this.cache;
  }

  private scopeSettings(region: string | undefined): ConnectionSettings {
    return region === undefined ? this.current : { ...this.current, region };
  }

  /** The connection for a region (its resolved region and endpoint); calls go through `call`. */
  connection(region?: string): Promise<ResolvedConnection> {
    return this.connections().get(this.scopeSettings(region));
  }

  /**
   * Runs one operation of the table on the scope's client, which the cache keeps alive until the
   * call settles. The operation checks its input first: an invalid one is refused unsent. Async,
   * so that even a failure to load the AWS layer arrives as a rejection, never a throw.
   */
  async call<K extends OperationName>(operation: K, input: OperationInput<K>, scope: CallScope = {}): Promise<OperationOutput<K>> {
    return this.connections().use(this.scopeSettings(scope.region), (connection) =>
      loadAws().operations[operation](connection, input, this.options(scope)),
    );
  }

  /** The region calls go to by default (resolved from settings, profile and environment). */
  async region(): Promise<string> {
    return (await this.connection()).region;
  }

  private options(scope: CallScope): OperationOptions {
    return { abortSignal: scope.signal, logger: this.logger };
  }

  dispose(): void {
    this.cache?.clear();
  }
}
