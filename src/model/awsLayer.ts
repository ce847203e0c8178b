/**
 * The contract between the SDK-free bundles and dist/aws.js, and its loader. The AWS layer is
 * loaded on first use: in the packaged extension `../aws` resolves to dist/aws.js (see esbuild.js),
 * so activation never parses or runs the SDK (~300 KB); in tests compiled by tsc it is the module
 * itself.
 *
 * The shapes are declared here, in model, and src/aws/index.ts checks its `awsLayer` object
 * against them (`satisfies AwsLayer<…>`): model never type-imports src/aws, so there is no type
 * cycle between the two, and a change on either side that breaks the other fails to compile.
 */
import type { Logger } from './log';
import type { ConnectionSettings } from './settings';
import type { CallOptions, OperationInput, OperationName, OperationOutput } from './types';

/**
 * What model sees of a connection: where its calls go. src/aws's connection adds the SDK client,
 * which only src/aws touches.
 */
export interface ResolvedConnection {
  /** The region the settings resolved to (settings, profile, environment, else us-east-1). */
  readonly region: string;
  /** The custom endpoint in use, if any (from the settings, the environment or the profile). */
  readonly endpoint?: string;
  readonly settings: ConnectionSettings;
}

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
  /** Called with the endpoint each new client resolved to (settings, environment or profile), e.g. to warn about plain http. */
  onEndpoint?: (endpoint: string | undefined) => void;
}

/** Connections per settings (src/aws/clientFactory.ts ConnectionCache). */
export interface ConnectionPool<C extends ResolvedConnection> {
  get(settings: ConnectionSettings): Promise<C>;
  /** Runs `fn` on the connection for `settings`, which stays alive until `fn` settles. */
  use<T>(settings: ConnectionSettings, fn: (connection: C) => Promise<T>): Promise<T>;
  /** Empties the pool; each client is destroyed once its calls settle. */
  clear(): void;
}

export interface OperationOptions extends CallOptions {
  logger?: Logger;
}

/** One implementation per entry of the Operations table, on the layer's own connection type. */
export type OperationTable<C extends ResolvedConnection> = {
  readonly [K in OperationName]: (connection: C, input: OperationInput<K>, options?: OperationOptions) => Promise<OperationOutput<K>>;
};

export type ProfileKind = 'sso' | 'role' | 'web-identity' | 'process' | 'keys' | 'other';

/** A profile of the shared config and credentials files: never its secrets. */
export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  endpointUrl?: string;
}

/** What dist/aws.js gives the other bundles. */
export interface AwsLayer<C extends ResolvedConnection = ResolvedConnection> {
  readonly ConnectionCache: new (options?: ClientOptions) => ConnectionPool<C>;
  readonly operations: OperationTable<C>;
  listProfiles(): Promise<ProfileInfo[]>;
  profileExists(name: string): Promise<boolean>;
}

let loaded: AwsLayer | undefined;

/**
 * The AWS layer, loaded on the first call. It is an AwsLayer of its own connection type (one with
 * the SDK client); model only ever passes the connections of its ConnectionCache back into its
 * operations, so it sees them as ResolvedConnection.
 */
export function loadAws(): AwsLayer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, deferred require is the point: see above.
  loaded ??= (require('../aws') as { awsLayer: AwsLayer }).awsLayer;
  return loaded;
}
