/**
 * Version details and aliases, fetched only when someone looks (a hover, a details document, a
 * copy) and kept until a refresh (or for a time-to-live, as the editor hovers want). Concurrent
 * asks for one version share one DescribeImageVersion + ListAliases pair; a failure is not kept,
 * so the next look tries again. Keys include the session's settings generation, so a profile or
 * endpoint change can never serve another account's details.
 *
 * A caller's signal (a hover that is cancelled) stops that caller waiting, not the shared
 * request: another caller may be waiting for the same answer, and it is worth keeping.
 */
import { RequestCancelledError } from '../../model/errors';
import type { ImageOverview, ImageRef, VersionDetails, VersionRef } from '../../model/types';
import { ExpiringCache } from './expiringCache';
import type { SageMakerSession } from '../../model/sageMakerSession';

export type { ImageRef, VersionRef, VersionDetails, ImageOverview } from '../../model/types';

export class DetailsStore {
  private readonly versions: ExpiringCache<string, VersionDetails>;
  private readonly imageAliasLists: ExpiringCache<string, readonly string[]>;
  private readonly images: ExpiringCache<string, ImageOverview>;

  constructor(
    private readonly session: SageMakerSession,
    options: { ttlMs?: number; now?: () => number } = {},
  ) {
    this.versions = new ExpiringCache(options);
    this.imageAliasLists = new ExpiringCache(options);
    this.images = new ExpiringCache(options);
  }

  private key(ref: ImageRef, version?: number): string {
    return JSON.stringify([this.session.settingsGeneration, ref.region, ref.imageName, version ?? null]);
  }

  /** DescribeImageVersion and ListAliases for the version, in parallel, once per cache life. */
  version(ref: VersionRef, signal?: AbortSignal): Promise<VersionDetails> {
    return untilAborted(
      this.versions.get(this.key(ref, ref.version), async () => {
        const scope = { region: ref.region };
        const [details, aliases] = await Promise.all([
          this.session.call('describeImageVersion', { imageName: ref.imageName, version: ref.version }, scope),
          this.session.call('listAllAliases', { imageName: ref.imageName, version: ref.version }, scope),
        ]);
        return { details, aliases };
      }),
      signal,
      'DescribeImageVersion',
    );
  }

  /** The version's details if they are cached (what the extension read already); never fetches. */
  cachedVersion(ref: VersionRef): VersionDetails | undefined {
    return this.versions.peek(this.key(ref, ref.version));
  }

  /** The version's aliases if its details are cached (a row's menu depends on them); never fetches. */
  knownAliases(ref: VersionRef): readonly string[] | undefined {
    return this.cachedVersion(ref)?.aliases;
  }

  /** Every alias of the image (ListAliases without Version). */
  imageAliases(ref: ImageRef, signal?: AbortSignal): Promise<readonly string[]> {
    return untilAborted(
      this.imageAliasLists.get(this.key(ref), () =>
        this.session.call('listAllAliases', { imageName: ref.imageName }, { region: ref.region }),
      ),
      signal,
      'ListAliases',
    );
  }

  /** DescribeImage plus its latest version (DescribeImageVersion without Version). */
  image(ref: ImageRef, signal?: AbortSignal): Promise<ImageOverview> {
    return untilAborted(
      this.images.get(this.key(ref), async () => {
        const scope = { region: ref.region };
        const [image, latest] = await Promise.all([
          this.session.call('describeImage', { imageName: ref.imageName }, scope),
          this.session.call('describeImageVersion', { imageName: ref.imageName }, scope).catch((e: unknown) => {
            // An image without versions has no latest one: that is an answer, not a failure.
            if ((e as { kind?: string }).kind === 'notFound') return undefined;
            throw e;
          }),
        ]);
        return { image, latest };
      }),
      signal,
      'DescribeImage',
    );
  }

  /** Forgets one version (its document is refreshed) or everything (the tree is refreshed). */
  forget(ref?: VersionRef): void {
    if (ref) {
      this.versions.delete(this.key(ref, ref.version));
      return;
    }
    this.versions.clear();
    this.imageAliasLists.clear();
    this.images.clear();
  }
}

/** The shared answer, or a RequestCancelledError as soon as this caller's signal aborts. */
function untilAborted<T>(shared: Promise<T>, signal: AbortSignal | undefined, operation: string): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(new RequestCancelledError(operation));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RequestCancelledError(operation));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
