/**
 * "Where is this image used?" (issue 16): the console lists custom images per domain, never
 * domains per image, so the answer is a scan of the account's Studio resources in one region:
 * ListDomains, one DescribeDomain per domain, ListUserProfiles and one DescribeUserProfile per
 * profile, ListSpaces and one DescribeSpace per space, collecting every custom image reference
 * their settings hold. vscode-free: the UI (tree node, tooltips, delete warnings) and its cache
 * per connection live elsewhere and call this with the session's typed `call`.
 *
 * Bounds, because an account can hold thousands of profiles: at most `concurrency` requests in
 * flight across the whole scan (one small pool; list pages go first, as they unlock the most
 * work), every list capped in items and guarded against repeated tokens, throttling retried a
 * bounded number of times with jittered exponential backoff, and a signal that aborts the
 * requests in flight and stops scheduling. A read-only role that lacks one action still gets
 * what the others can see: AccessDenied is recorded (with the IAM action) in `partial`, and a
 * resource deleted between its listing and its Describe is recorded in `skipped`.
 */
import { isAwsError, isCancelled, RequestCancelledError } from '../../model/errors';
import { l10n } from '../../model/l10n';
import { RepeatedTokenGuard } from '../../requests/paging';
import type { CallScope } from '../../model/sageMakerSession';
import type {
  CustomImageReference,
  DomainSummary,
  ImageReferenceScope,
  SpaceSummary,
  StudioAppType,
  StudioOperationName,
  StudioOperations,
  UserProfileSummary,
} from '../../model/studioTypes';

/** The session's typed call (SageMakerSession.call), narrowed to the Studio operations; a parameter so tests can wrap it. */
export type StudioCall = <K extends StudioOperationName>(
  operation: K,
  input: StudioOperations[K]['input'],
  scope: CallScope,
) => Promise<StudioOperations[K]['output']>;

export interface UsageScanProgress {
  /** Resources found so far. */
  domains: number;
  profiles: number;
  spaces: number;
  /** Requests settled, and requests known so far (settled, running or queued); total grows as lists reveal more. */
  done: number;
  total: number;
}

export interface UsageScanOptions {
  /** Overrides the session's region. */
  region?: string;
  /** Requests in flight at most, across the whole scan; default 4, at most 16. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: UsageScanProgress) => void;
  /** Items read at most from one list (domains, or one domain's profiles or spaces); default 10,000. */
  maxItemsPerList?: number;
  /** Attempts of one request when it is throttled, the first included; default 5. */
  maxAttempts?: number;
  /** First backoff after throttling, ms (doubled each attempt, with jitter); default 250. */
  backoffBaseMs?: number;
}

export type UsageOwnerKind = ImageReferenceScope;

export interface UsageReference {
  imageName: string;
  /** undefined: no ImageVersionNumber, i.e. the latest version. */
  version?: number;
  appType: StudioAppType;
  domainId: string;
  domainName?: string;
  /** Whose settings hold it: a domain default (no name), a user profile or a space (its name). */
  owner: { kind: UsageOwnerKind; name?: string };
}

export interface UsageScan {
  references: UsageReference[];
  /** Actions refused (AccessDenied), by IAM action, with how many requests were refused: the result misses what they would have read. */
  partial: { action: string; count: number }[];
  /** Resources listed but gone by their Describe (deleted mid-scan), or domains gone before their lists. */
  skipped: { kind: 'domain' | 'userProfile' | 'space'; id: string; domainId?: string }[];
  /** Lists cut at maxItemsPerList: the result misses the rest of them. */
  truncated: { list: 'domains' | 'userProfiles' | 'spaces'; domainId?: string }[];
  /** Requests the scan made (a throttled request retried counts each attempt it made here). */
  calls: number;
}

/** The IAM action of each operation, as `partial` reports it. */
const ACTION: Record<StudioOperationName, string> = {
  listDomains: 'sagemaker:ListDomains',
  describeDomain: 'sagemaker:DescribeDomain',
  listUserProfiles: 'sagemaker:ListUserProfiles',
  describeUserProfile: 'sagemaker:DescribeUserProfile',
  listSpaces: 'sagemaker:ListSpaces',
  describeSpace: 'sagemaker:DescribeSpace',
};

const PAGE_SIZE = 100;
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 16;
const DEFAULT_MAX_ITEMS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

interface Job {
  start(): void;
  cancel(): void;
}

/**
 * At most `limit` jobs running; queued list pages start before queued Describes (a page reveals
 * work, a Describe only finishes some), so the pool stays full. Aborting cancels the queue.
 */
class Pool {
  private running = 0;
  private readonly lists: Job[] = [];
  private readonly describes: Job[] = [];

  constructor(
    private readonly limit: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.drain(), { once: true });
  }

  run<T>(kind: 'list' | 'describe', fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        start: () => {
          this.running++;
          fn()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.next();
            });
        },
        cancel: () => reject(new RequestCancelledError('usage scan')),
      };
      if (this.signal.aborted) return job.cancel();
      (kind === 'list' ? this.lists : this.describes).push(job);
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limit && !this.signal.aborted) {
      const job = this.lists.shift() ?? this.describes.shift();
      if (!job) return;
      job.start();
    }
  }

  private drain(): void {
    for (const job of this.lists.splice(0)) job.cancel();
    for (const job of this.describes.splice(0)) job.cancel();
  }
}

/** Waits `ms`, or rejects with a cancellation as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RequestCancelledError('usage scan'));
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(new RequestCancelledError('usage scan'));
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function wholeNumber(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

const OWNER_ORDER: Record<UsageOwnerKind, number> = { domainDefaultUser: 0, domainDefaultSpace: 1, userProfile: 2, space: 3 };

function compareReferences(a: UsageReference, b: UsageReference): number {
  return (
    a.domainId.localeCompare(b.domainId) ||
    OWNER_ORDER[a.owner.kind] - OWNER_ORDER[b.owner.kind] ||
    (a.owner.name ?? '').localeCompare(b.owner.name ?? '') ||
    a.appType.localeCompare(b.appType) ||
    a.imageName.localeCompare(b.imageName) ||
    (a.version ?? -1) - (b.version ?? -1)
  );
}

/** Scans one region's Studio resources for custom image references; see the header for the bounds. */
export async function scanImageUsage(call: StudioCall, options: UsageScanOptions = {}): Promise<UsageScan> {
  if (options.signal?.aborted) throw new RequestCancelledError('usage scan');
  const concurrency = wholeNumber(options.concurrency, DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
  const maxItems = wholeNumber(options.maxItemsPerList, DEFAULT_MAX_ITEMS, 1, Number.MAX_SAFE_INTEGER);
  const maxAttempts = wholeNumber(options.maxAttempts, DEFAULT_MAX_ATTEMPTS, 1, 20);
  const backoffMs = Math.max(0, options.backoffBaseMs ?? DEFAULT_BACKOFF_MS);

  // One signal for the whole scan: the caller's cancel, or the first failure that ends the scan.
  const stop = new AbortController();
  const onCallerAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const pool = new Pool(concurrency, stop.signal);

  const references: UsageReference[] = [];
  const refused = new Map<string, number>();
  const skipped: UsageScan['skipped'] = [];
  const truncated: UsageScan['truncated'] = [];
  const found = { domains: 0, profiles: 0, spaces: 0 };
  let calls = 0;
  let done = 0;
  let total = 0;
  let failure: { error: unknown } | undefined;

  const progress = () => {
    if (!options.onProgress) return;
    try {
      options.onProgress({ ...found, done, total });
    } catch {
      // A failing progress display must not end the scan.
    }
  };

  /** One request with its throttling retries, in the pool's bound. */
  const attempt = async <K extends StudioOperationName>(operation: K, input: StudioOperations[K]['input']) => {
    for (let n = 1; ; n++) {
      calls++;
      try {
        return await call(operation, input, { region: options.region, signal: stop.signal });
      } catch (e) {
        if (!isAwsError(e) || e.kind !== 'throttled' || n >= maxAttempts || stop.signal.aborted) throw e;
        // Equal jitter: half the exponential delay for sure, the other half at random.
        const delay = Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** (n - 1));
        await pause(delay / 2 + Math.random() * (delay / 2), stop.signal);
      }
    }
  };

  /**
   * Runs one request; resolves undefined when it was refused (recorded in partial), found gone
   * (`gone` records it in skipped), cancelled or failed (the failure ends the scan). Never rejects,
   * so the fan-out below needs no error plumbing.
   */
  const request = async <K extends StudioOperationName>(
    operation: K,
    input: StudioOperations[K]['input'],
    gone?: UsageScan['skipped'][number],
  ): Promise<StudioOperations[K]['output'] | undefined> => {
    total++;
    progress();
    try {
      return await pool.run(operation.startsWith('list') ? 'list' : 'describe', () => attempt(operation, input));
    } catch (e) {
      if (stop.signal.aborted && isCancelled(e)) return undefined;
      if (isAwsError(e) && e.kind === 'accessDenied') refused.set(ACTION[operation], (refused.get(ACTION[operation]) ?? 0) + 1);
      else if (isAwsError(e) && e.kind === 'notFound' && gone) skipped.push(gone);
      else {
        failure ??= { error: e };
        stop.abort();
      }
      return undefined;
    } finally {
      done++;
      progress();
    }
  };

  /** Every page of one list, up to maxItems; undefined items (refused, gone) end it with what it has. */
  const listAll = async <K extends 'listDomains' | 'listUserProfiles' | 'listSpaces', T>(
    operation: K,
    input: Omit<StudioOperations[K]['input'], 'nextToken' | 'maxResults'>,
    list: UsageScan['truncated'][number],
    what: string,
    gone?: UsageScan['skipped'][number],
  ): Promise<T[]> => {
    const guard = new RepeatedTokenGuard(what);
    const items: T[] = [];
    let nextToken: string | undefined;
    do {
      const page = (await request(operation, { ...input, maxResults: PAGE_SIZE, nextToken } as StudioOperations[K]['input'], gone)) as
        { items: T[]; nextToken?: string } | undefined;
      if (!page) return items;
      items.push(...page.items);
      if (items.length >= maxItems) {
        if (items.length > maxItems || page.nextToken) truncated.push(list);
        return items.slice(0, maxItems);
      }
      try {
        nextToken = guard.accept(page.nextToken);
      } catch (e) {
        failure ??= { error: e };
        stop.abort();
        return items;
      }
    } while (nextToken !== undefined && !stop.signal.aborted);
    return items;
  };

  const add = (refs: CustomImageReference[], domain: DomainSummary, ownerName?: string) => {
    for (const r of refs) {
      const owner: UsageReference['owner'] = ownerName === undefined ? { kind: r.scope } : { kind: r.scope, name: ownerName };
      const ref: UsageReference = { imageName: r.imageName, appType: r.appType, domainId: domain.domainId, owner };
      if (r.version !== undefined) ref.version = r.version;
      if (domain.domainName !== undefined) ref.domainName = domain.domainName;
      references.push(ref);
    }
  };

  const scanProfiles = async (domain: DomainSummary) => {
    const profiles = await listAll<'listUserProfiles', UserProfileSummary>(
      'listUserProfiles',
      { domainId: domain.domainId },
      { list: 'userProfiles', domainId: domain.domainId },
      l10n.t('the user profiles of domain {0}', domain.domainId),
      { kind: 'domain', id: domain.domainId },
    );
    const named = profiles.filter((p) => p.userProfileName !== '');
    found.profiles += named.length;
    await Promise.all(
      named.map(async (p) => {
        const d = await request(
          'describeUserProfile',
          { domainId: domain.domainId, userProfileName: p.userProfileName },
          { kind: 'userProfile', id: p.userProfileName, domainId: domain.domainId },
        );
        if (d) add(d.references, domain, p.userProfileName);
      }),
    );
  };

  const scanSpaces = async (domain: DomainSummary) => {
    const spaces = await listAll<'listSpaces', SpaceSummary>(
      'listSpaces',
      { domainId: domain.domainId },
      { list: 'spaces', domainId: domain.domainId },
      l10n.t('the spaces of domain {0}', domain.domainId),
      { kind: 'domain', id: domain.domainId },
    );
    const named = spaces.filter((s) => s.spaceName !== '');
    found.spaces += named.length;
    await Promise.all(
      named.map(async (s) => {
        const d = await request(
          'describeSpace',
          { domainId: domain.domainId, spaceName: s.spaceName },
          { kind: 'space', id: s.spaceName, domainId: domain.domainId },
        );
        if (d) add(d.references, domain, s.spaceName);
      }),
    );
  };

  const scanDomain = async (summary: DomainSummary) => {
    const describe = async () => {
      const d = await request('describeDomain', { domainId: summary.domainId }, { kind: 'domain', id: summary.domainId });
      if (d) add(d.references, { domainId: summary.domainId, domainName: summary.domainName ?? d.domainName });
    };
    await Promise.all([describe(), scanProfiles(summary), scanSpaces(summary)]);
  };

  try {
    const domains = (
      await listAll<'listDomains', DomainSummary>('listDomains', {}, { list: 'domains' }, l10n.t('the Studio domains'))
    ).filter((d) => d.domainId !== '');
    found.domains = domains.length;
    progress();
    await Promise.all(domains.map(scanDomain));
  } finally {
    options.signal?.removeEventListener('abort', onCallerAbort);
  }

  if (options.signal?.aborted) throw new RequestCancelledError('usage scan');
  if (failure) throw failure.error;
  // Dedupe skipped (a domain gone can be reported by its Describe and both its lists).
  const seen = new Set<string>();
  const uniqueSkipped = skipped.filter((s) => {
    const key = `${s.kind}/${s.domainId ?? ''}/${s.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    references: references.sort(compareReferences),
    partial: [...refused].map(([action, count]) => ({ action, count })).sort((a, b) => a.action.localeCompare(b.action)),
    skipped: uniqueSkipped,
    truncated,
    calls,
  };
}

/** A reference to the version asked about; `viaLatest` says it names no version and counts because that version is the latest. */
export interface UsageMatch extends UsageReference {
  viaLatest: boolean;
}

/**
 * The references to an image (any version when `version` is undefined), or to one version: those
 * that pin it, and, when it is the latest (`latestVersion`, which the caller knows from the
 * version list), those that name no version, marked viaLatest.
 */
export function referencesTo(scan: UsageScan, imageName: string, version?: number, latestVersion?: number): UsageMatch[] {
  const out: UsageMatch[] = [];
  for (const r of scan.references) {
    if (r.imageName !== imageName) continue;
    if (version === undefined) out.push({ ...r, viaLatest: r.version === undefined });
    else if (r.version === version) out.push({ ...r, viaLatest: false });
    else if (r.version === undefined && latestVersion !== undefined && version === latestVersion) out.push({ ...r, viaLatest: true });
  }
  return out;
}

/** How many references a version has ("pinned by N"), the latest's "latest" references included. */
export function pinnedCount(scan: UsageScan, imageName: string, version: number, latestVersion?: number): number {
  return referencesTo(scan, imageName, version, latestVersion).length;
}

/**
 * Scans kept per connection and region (the key is the caller's: connection key + region, see
 * usageCacheKey) until Refresh clears them; a few entries, the oldest dropped first.
 */
export class UsageCache {
  private readonly entries = new Map<string, UsageScan>();

  constructor(private readonly maxEntries = 20) {}

  get(key: string): UsageScan | undefined {
    return this.entries.get(key);
  }

  set(key: string, scan: UsageScan): void {
    this.entries.delete(key);
    this.entries.set(key, scan);
    while (this.entries.size > Math.max(1, this.maxEntries)) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The UsageCache key of one connection (SageMakerSession settingsKey or generation) in one region. */
export function usageCacheKey(connectionKey: string, region: string): string {
  return `${connectionKey}\u0000${region}`;
}
