/**
 * Creates SageMaker clients from { profile, region, endpoint }, one per distinct settings, and
 * destroys them when the settings change so no socket or credential cache outlives its settings.
 *
 * Credentials come from @aws-sdk/credential-provider-node's chain (env, shared files, SSO,
 * credential_process, IMDS/ECS). Timeouts are explicit because the SDK's default has none: a
 * black-holed endpoint would otherwise leave a spinner forever.
 */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { Logger } from './log';
import { silentLogger } from './log';
import { resolveEndpoint, resolveRegion } from './sharedConfig';
import type { ConnectionSettings } from './settings';
import { settingsKey } from './settings';

export const USER_AGENT_APP = 'sagemaker-image-versions';

export interface ClientOptions {
  /** TCP connect timeout, ms. */
  connectionTimeoutMs?: number;
  /** Deadline for a whole request (the request fails with a TimeoutError after it), ms. */
  requestTimeoutMs?: number;
  /** Total attempts including the first (SDK standard retry mode). */
  maxAttempts?: number;
  /** Extension version for the user-agent suffix. */
  version?: string;
  logger?: Logger;
}

export const DEFAULT_CLIENT_OPTIONS = {
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 20_000,
  maxAttempts: 3,
} as const;

/** A client plus the region it was resolved to (for messages and ARNs). */
export interface SageMakerConnection {
  readonly client: SageMakerClient;
  readonly region: string;
  /** The custom endpoint in use, if any (from the settings, the environment or the profile). */
  readonly endpoint?: string;
  readonly settings: ConnectionSettings;
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
        throw new Error('This profile needs an MFA code, which the extension cannot ask for. Run `aws sts get-session-token` or use SSO.');
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
  logger.debug(
    `SageMaker client created: region=${region} profile=${settings.profile ?? '(default chain)'} endpoint=${endpoint ?? '(AWS)'}`,
  );
  return { client, region, settings, ...(endpoint ? { endpoint } : {}) };
}

/**
 * Caches connections per settings key. `get` with new settings destroys every other cached
 * client first, because a settings change means the old ones must not be used again.
 */
/** More regions than anyone shows side by side. */
const MAX_CACHED_CONNECTIONS = 16;

export class ConnectionCache {
  private readonly connections = new Map<string, Promise<SageMakerConnection>>();

  constructor(private readonly options: ClientOptions = {}) {}

  get(settings: ConnectionSettings): Promise<SageMakerConnection> {
    const key = settingsKey(settings);
    const existing = this.connections.get(key);
    if (existing) return existing;
    // Several regions may be shown side by side: keep one client per region, but never grow
    // unboundedly; past the bound the least recently created client goes.
    if (this.connections.size >= MAX_CACHED_CONNECTIONS) {
      const [oldestKey, oldest] = this.connections.entries().next().value as [string, Promise<SageMakerConnection>];
      this.connections.delete(oldestKey);
      oldest.then((c) => c.client.destroy()).catch(() => undefined);
    }
    const created = createConnection(settings, this.options);
    // A failed creation must not be cached: the next call tries again.
    created.catch(() => this.connections.delete(key));
    this.connections.set(key, created);
    return created;
  }

  /** Destroys every cached client (sockets closed, credential caches dropped). */
  clear(): void {
    for (const pending of this.connections.values()) {
      pending.then((c) => c.client.destroy()).catch(() => undefined);
    }
    this.connections.clear();
  }

  get size(): number {
    return this.connections.size;
  }
}
