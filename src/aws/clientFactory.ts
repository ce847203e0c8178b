/**
 * Creates SageMaker clients from { profile, region, endpoint }, one per distinct settings, and
 * destroys them when the settings change (once their requests settle) so no socket or credential
 * cache outlives its settings.
 *
 * Credentials come from @aws-sdk/credential-provider-node's chain (env, shared files, SSO,
 * credential_process, IMDS/ECS). Timeouts are explicit because the SDK's default has none: a
 * black-holed endpoint would otherwise leave a spinner forever.
 */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { ClientOptions, ConnectionPool, ResolvedConnection } from '../model/awsLayer';
import { l10n } from '../model/l10n';
import { silentLogger } from '../model/log';
import { resolveEndpoint, resolveRegion } from './sharedConfig';
import type { ConnectionSettings } from '../model/settings';
import { settingsKey } from '../model/settings';

export const USER_AGENT_APP = 'sagemaker-image-versions';

export const DEFAULT_CLIENT_OPTIONS = {
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 20_000,
  maxAttempts: 3,
} as const;

/** A client plus the region and endpoint it was resolved to (for messages and ARNs). */
export interface SageMakerConnection extends ResolvedConnection {
  readonly client: SageMakerClient;
}

export async function createConnection(settings: ConnectionSettings, options: ClientOptions = {}): Promise<SageMakerConnection> {
  const [region, endpoint] = await Promise.all([resolveRegion(settings), resolveEndpoint(settings)]);
  const logger = options.logger ?? silentLogger;
  const client = new SageMakerClient({
    region,
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    credentials: defaultProvider({
      ...(settings.profile ? { profile: settings.profile } : {}),
      // SSO / assume-role may need to ask; never block the extension host on a terminal prompt.
      mfaCodeProvider: async () => {
        throw new Error(
          l10n.t('This profile needs an MFA code, which the extension cannot ask for. Run `aws sts get-session-token` or use SSO.'),
        );
      },
    }),
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? DEFAULT_CLIENT_OPTIONS.maxAttempts,
    customUserAgent: [[USER_AGENT_APP, options.version ?? '0.0.0']],
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_CLIENT_OPTIONS.requestTimeoutMs,
      // Without this, @smithy/node-http-handler 4.x only logs a warning when requestTimeout passes
      // and the request keeps waiting: the timeout must fail the request.
      throwOnRequestTimeout: true,
    },
  });
  options.onEndpoint?.(endpoint);
  logger.debug(
    `SageMaker client created: region=${region} profile=${settings.profile ?? '(default chain)'} endpoint=${endpoint ?? '(AWS)'}`,
  );
  return { client, region, settings, ...(endpoint ? { endpoint } : {}) };
}

/** More regions than anyone shows side by side. */
const MAX_CACHED_CONNECTIONS = 16;

/** One cached connection and the requests running on it. */
interface CacheEntry {
  readonly pending: Promise<SageMakerConnection>;
  /** Calls made through `use` that have not settled. */
  inFlight: number;
  /** Out of the cache (evicted or cleared): destroyed once `inFlight` is 0. */
  retired: boolean;
  destroyed: boolean;
}

/**
 * Caches connections per settings key, at most MAX_CACHED_CONNECTIONS, the least recently used
 * going first. A client leaves the cache on eviction or `clear` (a settings change) but is only
 * destroyed when no request made through `use` is running on it: destroying a client aborts its
 * sockets, so a tree page or hover in flight in an evicted region would fail for no reason of its
 * own. The next call for evicted settings gets a new client.
 */
export class ConnectionCache implements ConnectionPool<SageMakerConnection> {
  private readonly connections = new Map<string, CacheEntry>();

  constructor(private readonly options: ClientOptions = {}) {}

  get(settings: ConnectionSettings): Promise<SageMakerConnection> {
    return this.entry(settings).pending;
  }

  /**
   * Runs `fn` on the connection for `settings`, holding the client for the call's whole run so
   * it is not destroyed under it (an evicted client goes when its last call settles).
   */
  async use<T>(settings: ConnectionSettings, fn: (connection: SageMakerConnection) => Promise<T>): Promise<T> {
    const entry = this.entry(settings);
    entry.inFlight++;
    try {
      return await fn(await entry.pending);
    } finally {
      entry.inFlight--;
      if (entry.retired && entry.inFlight === 0) this.destroy(entry);
    }
  }

  private entry(settings: ConnectionSettings): CacheEntry {
    const key = settingsKey(settings);
    const existing = this.connections.get(key);
    if (existing) {
      // Most recently used last: the regions in use are the last to be evicted.
      this.connections.delete(key);
      this.connections.set(key, existing);
      return existing;
    }
    // Several regions may be shown side by side (and hovers name any region): one client per
    // region, but never unboundedly many; past the bound the least recently used leaves.
    if (this.connections.size >= MAX_CACHED_CONNECTIONS) {
      const [oldestKey, oldest] = this.connections.entries().next().value as [string, CacheEntry];
      this.connections.delete(oldestKey);
      this.retire(oldest);
    }
    const entry: CacheEntry = { pending: createConnection(settings, this.options), inFlight: 0, retired: false, destroyed: false };
    // A failed creation must not be cached: the next call tries again.
    entry.pending.catch(() => {
      if (this.connections.get(key) === entry) this.connections.delete(key);
    });
    this.connections.set(key, entry);
    return entry;
  }

  private retire(entry: CacheEntry): void {
    entry.retired = true;
    if (entry.inFlight === 0) this.destroy(entry);
  }

  private destroy(entry: CacheEntry): void {
    if (entry.destroyed) return;
    entry.destroyed = true;
    entry.pending.then((c) => c.client.destroy()).catch(() => undefined);
  }

  /** Empties the cache; each client is destroyed (sockets closed, credential caches dropped) once its calls settle. */
  clear(): void {
    for (const entry of this.connections.values()) this.retire(entry);
    this.connections.clear();
  }

  get size(): number {
    return this.connections.size;
  }
}
