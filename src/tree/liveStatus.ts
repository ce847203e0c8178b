/**
 * Live status: while a loaded image is in a *ING state, or a loaded version is CREATING or
 * DELETING, that image is re-polled and its rows updated in place; polling backs off from 5 s to
 * 60 s, pauses while the view is hidden, and stops once nothing is transient.
 *
 * A version poll is one ListImageVersions call: versions created on or after the oldest
 * transient one, oldest first, 100 at most. Every transient version is in that page unless more
 * than 100 versions came after it; a transient version missing from a complete page was deleted.
 * An image poll is one DescribeImage call; an image that is gone leaves the tree.
 *
 * A poll that lands after its list was reset (refresh, sort, filter) keeps the watch and lets the
 * next poll look at the list as it is now. Polling gives up on a resource that is gone, and after
 * MAX_FAILURES failures in a row (the error nodes of the next load say why).
 */
import { isAwsError } from '../model/errors';
import { MAX_PAGE_SIZE, versionsRequest } from '../requests/listRequests';
import type { ImageVersionSummary } from '../model/types';
import type { DetailsStore } from './model/detailsStore';
import type { PagedList } from './model/pagedList';
import type { SageMakerSession } from '../model/sageMakerSession';
import { StatusPoller } from './model/statusPoller';
import { isTransient } from './model/statuses';
import type { ImageNode, Node } from './nodes';
import type { RegionBranch } from './regionBranch';

const MAX_FAILURES = 5;
/** Margin below the oldest transient creation time: the SDK sends milliseconds, the service may keep finer times. */
const CREATION_TIME_MARGIN_MS = 1000;

/** What one key polls; `branch` is the region part of the tree the image was listed in. */
type Target =
  | { kind: 'image'; node: ImageNode; branch: RegionBranch }
  | { kind: 'versions'; node: ImageNode; branch: RegionBranch; list: PagedList<ImageVersionSummary> };

/** What a write command follows itself (see LiveStatus.follow): an image, or one version of it. */
export interface FollowedResource {
  readonly region: string;
  readonly imageName: string;
  readonly version?: number;
}

const followKey = (r: FollowedResource) => JSON.stringify([r.region, r.imageName, r.version ?? null]);

export class LiveStatus {
  private readonly targets = new Map<string, Target>();
  /** Resources a write command is following (polling Describe until they settle); counted, as two commands may follow one. */
  private readonly followed = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private poller: StatusPoller<string>;
  private active = true;
  private pollIntervals: { baseMs?: number; maxMs?: number } = {};

  constructor(
    private readonly session: SageMakerSession,
    private readonly changed: (node: Node | undefined) => void,
    private readonly details: DetailsStore,
    intervals: { baseMs?: number; maxMs?: number } = {},
  ) {
    this.pollIntervals = intervals;
    this.poller = this.createPoller(intervals);
  }

  private createPoller(intervals: { baseMs?: number; maxMs?: number }): StatusPoller<string> {
    const poller = new StatusPoller<string>((key) => this.poll(key), intervals);
    poller.setActive(this.active);
    return poller;
  }

  /** New intervals (everything watched is dropped); tests reach it through ExtensionApi.setLiveStatusIntervals. */
  setIntervals(intervals: { baseMs?: number; maxMs?: number }): void {
    this.pollIntervals = intervals;
    this.clear();
    this.poller.dispose();
    this.poller = this.createPoller(intervals);
  }

  /** The poll intervals in force (`{}`: the defaults); a command following its own write polls alike. */
  get intervals(): { baseMs?: number; maxMs?: number } {
    return this.pollIntervals;
  }

  /** Keys being polled, e.g. `versions us-east-1 my-image` (for tests and the log). */
  get watching(): string[] {
    return [...this.targets.keys()].filter((k) => this.poller.isWatching(k));
  }

  /**
   * A write command follows what it changed with its own Describe polls (to report the end), so
   * live status leaves that image or version alone until the returned function is called:
   * one poller per row, not two. The follower shows each state it sees in the tree, and its last
   * one re-renders the row, which lets live status take over if it is still transient.
   */
  follow(resource: FollowedResource): () => void {
    const key = followKey(resource);
    this.followed.set(key, (this.followed.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.followed.get(key) ?? 1) - 1;
      if (left > 0) this.followed.set(key, left);
      else this.followed.delete(key);
    };
  }

  private isFollowed(resource: FollowedResource): boolean {
    return this.followed.has(followKey(resource));
  }

  /** The versions of the list this poller must watch: transient, and not followed by a write command. */
  private toPoll(node: ImageNode, branch: RegionBranch, list: PagedList<ImageVersionSummary>): ImageVersionSummary[] {
    const region = branch.resolvedRegion;
    return list.items.filter(
      (v) => isTransient(v.imageVersionStatus) && !this.isFollowed({ region, imageName: node.image.imageName, version: v.version }),
    );
  }

  watchImage(node: ImageNode, branch: RegionBranch): void {
    if (!isTransient(node.image.imageStatus)) return;
    if (this.isFollowed({ region: branch.resolvedRegion, imageName: node.image.imageName })) return;
    this.watch(`image ${node.id}`, { kind: 'image', node, branch });
  }

  watchVersions(node: ImageNode, list: PagedList<ImageVersionSummary>, branch: RegionBranch): void {
    if (this.toPoll(node, branch, list).length === 0) return;
    this.watch(`versions ${node.id}`, { kind: 'versions', node, branch, list });
  }

  private watch(key: string, target: Target): void {
    this.targets.set(key, target);
    this.poller.watch(key);
  }

  setActive(active: boolean): void {
    this.active = active;
    this.poller.setActive(active);
  }

  clear(): void {
    this.poller.clear();
    this.targets.clear();
    this.failures.clear();
  }

  dispose(): void {
    this.clear();
    this.poller.dispose();
  }

  /** One poll; resolves whether the target is still transient (keep polling). */
  private async poll(key: string): Promise<boolean> {
    const target = this.targets.get(key);
    if (!target) return false;
    let still: boolean;
    try {
      still =
        target.kind === 'image'
          ? await this.pollImage(target.node, target.branch)
          : await this.pollVersions(target.node, target.branch, target.list);
      this.failures.delete(key);
    } catch {
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      still = failures < MAX_FAILURES;
    }
    // A newer watch may have replaced this target meanwhile: only forget our own.
    if (!still && this.targets.get(key) === target) {
      this.targets.delete(key);
      this.failures.delete(key);
    }
    return still || this.targets.get(key) !== target;
  }

  /** Forgets the image's versions watch (the image is gone). */
  private dropVersions(node: ImageNode): void {
    const key = `versions ${node.id}`;
    this.targets.delete(key);
    this.poller.unwatch(key);
  }

  private async pollImage(node: ImageNode, branch: RegionBranch): Promise<boolean> {
    if (this.isFollowed({ region: branch.resolvedRegion, imageName: node.image.imageName })) return false;
    const images = branch.images;
    const generation = images.generationId;
    try {
      const fresh = await this.session.call('describeImage', { imageName: node.image.imageName }, branch.scope());
      if (images.generationId !== generation) return true;
      images.updateItems((i) => (i.imageName === fresh.imageName ? { ...i, ...fresh } : i));
      node.image = { ...node.image, ...fresh };
      this.changed(node);
      return isTransient(fresh.imageStatus);
    } catch (e) {
      if (images.generationId !== generation) return true;
      if (isAwsError(e) && e.kind === 'notFound') {
        // Deleted: the row goes, and so does any watch of its versions.
        images.updateItems((i) => (i.imageName === node.image.imageName ? undefined : i));
        this.dropVersions(node);
        this.changed(node.parent);
        return false;
      }
      throw e;
    }
  }

  private async pollVersions(node: ImageNode, branch: RegionBranch, list: PagedList<ImageVersionSummary>): Promise<boolean> {
    const transient = this.toPoll(node, branch, list);
    if (transient.length === 0) return false;
    const generation = list.generationId;
    const since = new Date(Math.min(...transient.map((v) => v.creationTime.getTime())) - CREATION_TIME_MARGIN_MS);
    let page;
    try {
      page = await this.session.call(
        'listImageVersions',
        versionsRequest(
          node.image.imageName,
          { sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', filters: { createdAfter: since } },
          MAX_PAGE_SIZE,
        ),
        branch.scope(),
      );
    } catch (e) {
      // The image is gone: nothing left to watch (its row goes on the next load of the roots).
      if (isAwsError(e) && e.kind === 'notFound') return false;
      throw e;
    }
    // A refresh, sort or filter change meanwhile: the next poll looks at the list as it is now.
    if (list.generationId !== generation) return true;
    const fresh = new Map(page.items.map((v) => [v.imageVersionArn, v]));
    const complete = page.nextToken === undefined;
    const changed = list.updateItems((v) => {
      const now = fresh.get(v.imageVersionArn);
      if (now && now.imageVersionStatus === v.imageVersionStatus && now.lastModifiedTime.getTime() === v.lastModifiedTime.getTime())
        return v;
      // Changed or gone: what was described while it was in transition is out of date.
      this.details.forget({ region: branch.resolvedRegion, imageName: node.image.imageName, version: v.version });
      if (now) return now;
      return complete && isTransient(v.imageVersionStatus) ? undefined : v;
    });
    if (changed) this.changed(node);
    return this.toPoll(node, branch, list).length > 0;
  }
}
