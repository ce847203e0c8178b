/**
 * Where images are used, per connection and region: one scan of the account's Studio domains,
 * user profiles and spaces (src/tree/model/usageScan.ts) shared by everything that asks — the
 * "Used by" node, Show Where Used, the delete modals, the version rows' "pinned by N" — and kept
 * until Refresh. Nothing scans until one of those asks; rows, tooltips and hovers only read what
 * is cached.
 *
 * A reference without ImageVersionNumber means the image's latest version, so a finished scan
 * also asks, once per image referenced that way, which version is the latest
 * (DescribeImageVersion without Version): "pinned by N" counts those references for it.
 *
 * One scan runs per key at a time: a second caller joins it. A caller's signal stops that caller
 * waiting; the scan itself is aborted when no caller is left waiting for it.
 */
import { isAwsError, RequestCancelledError } from '../model/errors';
import type { SageMakerSession } from '../model/sageMakerSession';
import {
  referencesTo,
  scanImageUsage,
  UsageCache,
  usageCacheKey,
  type UsageMatch,
  type UsageScan,
  type UsageScanProgress,
} from './model/usageScan';

/** A scan and the latest version number of each image it saw referenced as "latest". */
export interface ImageUsageScan extends UsageScan {
  readonly latest: ReadonlyMap<string, number>;
}

interface Running {
  readonly promise: Promise<ImageUsageScan>;
  readonly controller: AbortController;
  readonly progress: Set<(p: UsageScanProgress) => void>;
  waiting: number;
}

export class ImageUsage {
  private readonly cache = new UsageCache();
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly session: SageMakerSession,
    /** Told when a scan is cached or the cache is cleared, so rows that show usage re-render. */
    private readonly changed: () => void,
  ) {}

  private key(region: string): string {
    return usageCacheKey(String(this.session.settingsGeneration), region);
  }

  /** The cached scan of `region`, if any; never scans. */
  cached(region: string): ImageUsageScan | undefined {
    return this.cache.get(this.key(region)) as ImageUsageScan | undefined;
  }

  /** Whether a scan of `region` is running. */
  isScanning(region: string): boolean {
    return this.running.has(this.key(region));
  }

  /** The cached scan, or one scan (joined if running), cached once it ends. */
  async scan(region: string, options: { signal?: AbortSignal; onProgress?: (p: UsageScanProgress) => void } = {}): Promise<ImageUsageScan> {
    const key = this.key(region);
    const cached = this.cache.get(key) as ImageUsageScan | undefined;
    if (cached) return cached;
    let run = this.running.get(key);
    if (!run) {
      const controller = new AbortController();
      const progress = new Set<(p: UsageScanProgress) => void>();
      const promise = this.run(region, controller.signal, (p) => progress.forEach((f) => f(p))).then(
        (scan) => {
          if (this.running.get(key)?.promise === promise) {
            this.running.delete(key);
            this.cache.set(key, scan);
            this.changed();
          }
          return scan;
        },
        (e: unknown) => {
          if (this.running.get(key)?.promise === promise) this.running.delete(key);
          throw e;
        },
      );
      run = { promise, controller, progress, waiting: 0 };
      this.running.set(key, run);
    }
    return this.wait(run, options);
  }

  private wait(run: Running, options: { signal?: AbortSignal; onProgress?: (p: UsageScanProgress) => void }): Promise<ImageUsageScan> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new RequestCancelledError('ListDomains'));
    run.waiting += 1;
    if (onProgress) run.progress.add(onProgress);
    return new Promise<ImageUsageScan>((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return false;
        done = true;
        run.waiting -= 1;
        if (onProgress) run.progress.delete(onProgress);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        // Nobody left waiting: stop the requests in flight and schedule no more.
        if (run.waiting === 0) run.controller.abort();
        reject(new RequestCancelledError('ListDomains'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      run.promise.then(
        (scan) => leave() && resolve(scan),
        (e: unknown) => leave() && reject(e),
      );
    });
  }

  private async run(region: string, signal: AbortSignal, onProgress: (p: UsageScanProgress) => void): Promise<ImageUsageScan> {
    const scan = await scanImageUsage((operation, input, scope) => this.session.call(operation, input, scope), {
      region,
      signal,
      onProgress,
    });
    const latestOf = [...new Set(scan.references.filter((r) => r.version === undefined).map((r) => r.imageName))];
    const latest = new Map<string, number>();
    await Promise.all(
      latestOf.map(async (imageName) => {
        try {
          const d = await this.session.call('describeImageVersion', { imageName }, { region, signal });
          latest.set(imageName, d.version);
        } catch (e) {
          // An image without versions (or gone) has no latest one to count "latest" for.
          if (!(isAwsError(e) && e.kind === 'notFound')) throw e;
        }
      }),
    );
    return { ...scan, latest };
  }

  /** Who uses the image (any version), or one version of it (the latest's "latest" references included). */
  referencesTo(scan: ImageUsageScan, imageName: string, version?: number): UsageMatch[] {
    return referencesTo(scan, imageName, version, scan.latest.get(imageName));
  }

  /** Forgets every scan and stops those running (Refresh, a connection change). */
  clear(): void {
    for (const run of this.running.values()) run.controller.abort();
    this.running.clear();
    this.cache.clear();
    this.changed();
  }
}
