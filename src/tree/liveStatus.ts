/**
 * Live status: while a loaded image is in a *ING state, or a loaded version is CREATING or
 * DELETING, that image is re-polled and its rows updated in place; polling backs off from 5 s to
 * 60 s, pauses while the view is hidden, and stops once nothing is transient.
 *
 * A version poll is one ListImageVersions call: versions created on or after the oldest
 * transient one, oldest first, 100 at most. Every transient version is in that page unless more
 * than 100 versions came after it; a transient version missing from a complete page was deleted.
 * An image poll is one DescribeImage call; an image that is gone leaves the tree.
 */
import { isAwsError } from '../aws/errors';
import type { ImageVersionSummary } from '../aws/types';
import type { PagedList } from '../model/pagedList';
import type { SageMakerSession } from '../model/sageMakerSession';
import { isTransient, StatusPoller } from '../model/statusPoller';
import type { ImageNode, Node } from './nodes';

type Target = { kind: 'image'; node: ImageNode } | { kind: 'versions'; node: ImageNode; list: PagedList<ImageVersionSummary> };

export class LiveStatus {
  private readonly targets = new Map<string, Target>();
  private poller: StatusPoller<string>;
  private active = true;

  constructor(
    private readonly session: SageMakerSession,
    private readonly changed: (node: Node | undefined) => void,
    intervals: { baseMs?: number; maxMs?: number } = {},
  ) {
    this.poller = this.createPoller(intervals);
  }

  private createPoller(intervals: { baseMs?: number; maxMs?: number }): StatusPoller<string> {
    const poller = new StatusPoller<string>((key) => this.poll(key), intervals);
    poller.setActive(this.active);
    return poller;
  }

  /** For tests: shorter intervals (everything watched is dropped). */
  setIntervals(intervals: { baseMs?: number; maxMs?: number }): void {
    this.clear();
    this.poller.dispose();
    this.poller = this.createPoller(intervals);
  }

  /** Keys being polled, e.g. `versions us-east-1 my-image` (for tests and the log). */
  get watching(): string[] {
    return [...this.targets.keys()].filter((k) => this.poller.isWatching(k));
  }

  watchImage(node: ImageNode): void {
    if (!isTransient(node.image.imageStatus)) return;
    this.watch(`image ${node.id}`, { kind: 'image', node });
  }

  watchVersions(node: ImageNode, list: PagedList<ImageVersionSummary>): void {
    if (!list.items.some((v) => isTransient(v.imageVersionStatus))) return;
    this.watch(`versions ${node.id}`, { kind: 'versions', node, list });
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
  }

  dispose(): void {
    this.clear();
    this.poller.dispose();
  }

  /** One poll; resolves whether the target is still transient (keep polling). */
  private async poll(key: string): Promise<boolean> {
    const target = this.targets.get(key);
    if (!target) return false;
    const still = target.kind === 'image' ? await this.pollImage(target.node) : await this.pollVersions(target.node, target.list);
    if (!still) this.targets.delete(key);
    return still;
  }

  private async pollImage(node: ImageNode): Promise<boolean> {
    const images = node.branch.images;
    const generation = images.generationId;
    try {
      const fresh = await this.session.describeImage(node.image.imageName, node.branch.scope());
      if (images.generationId !== generation) return false;
      images.updateItems((i) => (i.imageName === fresh.imageName ? { ...i, ...fresh } : i));
      node.image = { ...node.image, ...fresh };
      this.changed(node);
      return isTransient(fresh.imageStatus);
    } catch (e) {
      if (images.generationId !== generation) return false;
      if (isAwsError(e) && e.kind === 'notFound') {
        // Deleted: the row goes.
        images.updateItems((i) => (i.imageName === node.image.imageName ? undefined : i));
        this.changed(node.parent);
        return false;
      }
      throw e;
    }
  }

  private async pollVersions(node: ImageNode, list: PagedList<ImageVersionSummary>): Promise<boolean> {
    const transient = list.items.filter((v) => isTransient(v.imageVersionStatus));
    if (transient.length === 0) return false;
    const generation = list.generationId;
    const since = new Date(Math.min(...transient.map((v) => v.creationTime.getTime())));
    const page = await this.session.listImageVersions(
      { imageName: node.image.imageName, maxResults: 100, sortBy: 'CREATION_TIME', sortOrder: 'ASCENDING', creationTimeAfter: since },
      node.branch.scope(),
    );
    // A refresh, sort or filter change meanwhile: those rows are gone, and so is this poll.
    if (list.generationId !== generation) return false;
    const fresh = new Map(page.items.map((v) => [v.imageVersionArn, v]));
    const complete = page.nextToken === undefined;
    const changed = list.updateItems((v) => {
      const now = fresh.get(v.imageVersionArn);
      if (now) return now.imageVersionStatus === v.imageVersionStatus && now.lastModifiedTime.getTime() === v.lastModifiedTime.getTime() ? v : now;
      return complete && isTransient(v.imageVersionStatus) ? undefined : v;
    });
    if (changed) this.changed(node);
    return list.items.some((v) => isTransient(v.imageVersionStatus));
  }
}
