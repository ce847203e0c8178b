/**
 * The extension's one door to SageMaker: current connection settings, a client cache that is
 * emptied when they change, and the list/describe calls the tree, the documents and the hovers
 * need. Every call may name a region (regions side by side, an ARN from another region); the
 * profile and endpoint are always the session's. vscode-free, so it is tested in plain Node; the
 * AWS SDK is loaded on the first call, not at construction.
 */
import type { ConnectionCache, SageMakerConnection } from '../aws/clientFactory';
import { InsecureEndpointWarnings } from './endpointSecurity';
import type { Logger } from './log';
import { loadAws } from './awsLayer';
import { settingsKey, type ConnectionSettings } from './settings';
import type {
  DescribeImageVersionInput,
  ImageDetails,
  ImageSummary,
  ImageVersionDetails,
  ImageVersionSummary,
  ListImagesInput,
  ListImageVersionsInput,
  Page,
} from './types';

/** Where and how one call runs. */
export interface CallScope {
  /** Overrides the settings' region for this call. */
  region?: string;
  signal?: AbortSignal;
}

export class SageMakerSession {
  private cache: ConnectionCache | undefined;
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

  private connections(): ConnectionCache {
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
  connection(region?: string): Promise<SageMakerConnection> {
    return this.connections().get(this.scopeSettings(region));
  }

  /** Runs one call on the scope's client, which the cache keeps alive until the call settles. */
  private call<T>(
    scope: CallScope,
    fn: (connection: SageMakerConnection, options: { abortSignal?: AbortSignal; logger: Logger }) => Promise<T>,
  ): Promise<T> {
    return this.connections().use(this.scopeSettings(scope.region), (connection) => fn(connection, this.options(scope)));
  }

  /** The region calls go to by default (resolved from settings, profile and environment). */
  async region(): Promise<string> {
    return (await this.connection()).region;
  }

  private options(scope: CallScope): { abortSignal?: AbortSignal; logger: Logger } {
    return { abortSignal: scope.signal, logger: this.logger };
  }

  async listImages(input: ListImagesInput, scope: CallScope = {}): Promise<Page<ImageSummary>> {
    return this.call(scope, (c, o) => loadAws().listImagesPage(c, input, o));
  }

  async listImageVersions(input: ListImageVersionsInput, scope: CallScope = {}): Promise<Page<ImageVersionSummary>> {
    return this.call(scope, (c, o) => loadAws().listImageVersionsPage(c, input, o));
  }

  async describeImage(imageName: string, scope: CallScope = {}): Promise<ImageDetails> {
    return this.call(scope, (c, o) => loadAws().describeImage(c, imageName, o));
  }

  async describeImageVersion(input: DescribeImageVersionInput, scope: CallScope = {}): Promise<ImageVersionDetails> {
    return this.call(scope, (c, o) => loadAws().describeImageVersion(c, input, o));
  }

  /** Every alias of an image, or of one version when `version` is given (ListAliases to the end). */
  async listAliases(imageName: string, version: number | undefined, scope: CallScope = {}): Promise<string[]> {
    return this.call(scope, (c, o) => loadAws().listAllAliases(c, imageName, version, o));
  }

  dispose(): void {
    this.cache?.clear();
  }
}
