/**
 * The extension's one door to SageMaker: current connection settings, a client cache that is
 * emptied when they change, and the list/describe calls the tree needs. vscode-free, so it is
 * tested in plain Node; the AWS SDK is loaded on the first call, not at construction.
 */
import type { ConnectionCache, SageMakerConnection } from '../aws/clientFactory';
import type { Logger } from '../aws/log';
import { loadAws } from '../aws/lazy';
import { settingsKey, type ConnectionSettings } from '../aws/settings';
import type { ImageSummary, ImageVersionSummary, ListImagesInput, ListImageVersionsInput, Page } from '../aws/types';

export class SageMakerSession {
  private cache: ConnectionCache | undefined;
  private current: ConnectionSettings;

  private requestTimeoutMs: number | undefined;

  constructor(
    settings: ConnectionSettings,
    private readonly logger: Logger,
    private readonly version: string,
    options: { requestTimeoutMs?: number } = {},
  ) {
    this.current = settings;
    this.requestTimeoutMs = options.requestTimeoutMs;
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

  /** Applies new settings; returns true (and destroys cached clients) when they differ. */
  updateSettings(settings: ConnectionSettings): boolean {
    if (settingsKey(settings) === settingsKey(this.current)) return false;
    this.current = settings;
    this.cache?.clear();
    this.logger.info(`Settings changed: profile=${settings.profile ?? '(default)'} region=${settings.region ?? '(default)'} endpoint=${settings.endpoint ?? '(default)'}`);
    return true;
  }

  connection(): Promise<SageMakerConnection> {
    this.cache ??= new (loadAws().ConnectionCache)({ logger: this.logger, version: this.version, requestTimeoutMs: this.requestTimeoutMs });
    return this.cache.get(this.current);
  }

  /** The region calls go to (resolved from settings, profile and environment). */
  async region(): Promise<string> {
    return (await this.connection()).region;
  }

  async listImages(input: ListImagesInput, signal?: AbortSignal): Promise<Page<ImageSummary>> {
    return loadAws().listImagesPage(await this.connection(), input, { abortSignal: signal, logger: this.logger });
  }

  async listImageVersions(input: ListImageVersionsInput, signal?: AbortSignal): Promise<Page<ImageVersionSummary>> {
    return loadAws().listImageVersionsPage(await this.connection(), input, { abortSignal: signal, logger: this.logger });
  }

  dispose(): void {
    this.cache?.clear();
  }
}
