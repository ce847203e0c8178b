/**
 * The Images view: roots are images (one ListImages page at a time), each expanding lazily into
 * its versions (one ListImageVersions page at a time); with several regions side by side the
 * roots are region nodes, each holding its own images (see RegionBranch). Every list is a
 * PagedList, so single-flight, stale-result and repeated-token guards are the same everywhere. A
 * collapsed image costs no call; a row nobody hovers costs no describe call (resolveTreeItem).
 * While something loaded is CREATING/UPDATING/DELETING, its image is re-polled (LiveStatus).
 * Nodes are plain records naming their branch by key; this provider looks the branch up.
 */
import * as vscode from 'vscode';
import { errorMessage, isAwsError, isCancelled, RequestCancelledError } from '../model/errors';
import { tooManyPages } from '../requests/paging';
import type { ImageSummary, ImageVersionSummary } from '../model/types';
import { DetailsStore, type ImageRef, type VersionRef } from './model/detailsStore';
import type { PagedList } from './model/pagedList';
import type { SageMakerSession } from '../model/sageMakerSession';
import { hasFilters, toListParameters } from '../model/versionQuery';
import { commandRecord, VIEW_ID } from '../model/commands';
import { ImageUsage } from './imageUsage';
import { LiveStatus } from './liveStatus';
import { referenceLines, usageRows } from './usageRows';
import {
  imageTooltip,
  toTreeItem,
  versionTooltip,
  type ErrorNode,
  type ImageNode,
  type ListParent,
  type LoadMoreNode,
  type Node,
  type RegionNode,
  type UsageNode,
  type UsedByNode,
  type VersionNode,
} from './nodes';
import { RegionBranch, type BranchQuery } from './regionBranch';

export interface TreeOptions extends BranchQuery {
  /** `sagemakerImages.regions`: two or more put region nodes at the root (one is applied as the session's region). */
  regions(): readonly string[];
  /** Told whether the roots failed for want of any credentials (the view then shows its welcome). */
  onNoCredentials?(missing: boolean): void;
  /** Told the region the roots were listed in, once known. */
  onRegion?(region: string): void;
}

/** Where Reveal found (or did not find) an image or version. */
export type RevealOutcome =
  | { readonly kind: 'found'; readonly image: ImageNode; readonly version?: VersionNode }
  | { readonly kind: 'regionNotShown' }
  | { readonly kind: 'imageNotListed'; readonly filtered: boolean }
  | { readonly kind: 'versionNotListed'; readonly image: ImageNode; readonly filtered: boolean }
  | { readonly kind: 'failed'; readonly error: unknown; readonly image?: ImageNode };

/** Bounds on what Reveal may load: a page cap, and a signal that aborts the page in flight. */
export interface LocateLimits {
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
}

export class ImagesTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshedAll = new vscode.EventEmitter<void>();
  /** Fired when everything was dropped (Refresh, connection or regions change): cached details are gone. */
  readonly onDidRefreshAll = this.refreshedAll.event;

  private branches: RegionBranch[] = [];
  /**
   * Every node this provider handed out. Commands act only on these (checked by identity, see
   * holds): an object of the same shape from a command link is not a node.
   */
  private readonly produced = new WeakSet<object>();
  /** True when region nodes are the roots. */
  private sideBySide = false;
  /** The version query (as a key) the current version lists were created or reset with. */
  private loadedVersionQuery: string;
  readonly details: DetailsStore;
  readonly live: LiveStatus;
  /** Where images are used (Studio), scanned once per connection and region when asked, kept until Refresh. */
  readonly usage: ImageUsage;
  /** Each image's "Used by" node, kept so that VS Code's expansion state and change events name the same object. */
  private readonly usedByNodes = new WeakMap<ImageNode, UsedByNode>();

  constructor(
    private readonly session: SageMakerSession,
    private readonly options: TreeOptions,
  ) {
    this.details = new DetailsStore(session);
    this.live = new LiveStatus(session, (node) => this.changed.fire(node), this.details);
    // A scan changes "pinned by" on version rows and the Used by rows' descriptions: the rows re-render from what is loaded.
    this.usage = new ImageUsage(session, () => this.changed.fire(undefined));
    this.buildBranches();
    this.loadedVersionQuery = this.versionQueryKey();
  }

  private buildBranches(): void {
    const regions = this.options.regions();
    this.sideBySide = regions.length > 1;
    if (!this.sideBySide) {
      this.branches = [new RegionBranch(this.session, this.options, undefined, undefined)];
      return;
    }
    this.branches = regions.map((region) => {
      const node: RegionNode = { kind: 'region', id: `region/${region}`, region };
      return new RegionBranch(this.session, this.options, region, node);
    });
  }

  /**
   * The branch a region or image node belongs to, by its key (RegionBranch.key). Undefined only
   * for a node of a branch a refresh dropped (the regions changed).
   */
  private branchOf(node: RegionNode | ImageNode): RegionBranch | undefined {
    const key = node.kind === 'region' ? node.region : node.branchKey;
    return this.branches.find((b) => b.key === key);
  }

  /**
   * The region an image was listed in: the row's own once known (a row from before a region
   * change keeps its region), else its branch's ('' until the session's is known); a dropped
   * branch's key is its region.
   */
  private regionOf(image: ImageNode): string {
    return image.listedIn || (this.branchOf(image)?.resolvedRegion ?? image.branchKey);
  }

  private versionQueryKey(): string {
    return JSON.stringify(toListParameters(this.options.versionQuery()));
  }

  /** Why the roots failed to load, if they did (single region; cleared by a successful retry or refresh). */
  get rootError(): unknown {
    return this.sideBySide ? undefined : this.branches[0].images.error;
  }

  /** The region the roots were listed in ('' until known); with regions side by side, all of them. */
  get region(): string {
    return this.shownRegions.join(', ');
  }

  /** The regions shown, in order (resolved ones only). */
  get shownRegions(): string[] {
    return this.branches.map((b) => b.resolvedRegion).filter(Boolean);
  }

  get isSideBySide(): boolean {
    return this.sideBySide;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'version') {
      const ref = this.refOf(node);
      const scan = this.usage.cached(ref.region);
      return toTreeItem(node, {
        aliases: this.details.knownAliases(ref),
        pinnedBy: scan && this.usage.referencesTo(scan, ref.imageName, ref.version).length,
      });
    }
    if (node.kind === 'usedBy') {
      const region = this.regionOf(node.parent);
      const scan = this.usage.cached(region);
      const scanning = this.usage.isScanning(region);
      return toTreeItem(node, {
        usage:
          scan || scanning
            ? {
                references: scan ? this.usage.referencesTo(scan, node.parent.image.imageName).length : 0,
                partial: !!scan && scan.partial.length > 0,
                scanning: !scan && scanning,
              }
            : undefined,
      });
    }
    return toTreeItem(node);
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'region') return undefined;
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    return this.handOut(await this.children(node));
  }

  private children(node?: Node): Promise<Node[]> | Node[] {
    if (node === undefined) return this.sideBySide ? this.branches.map((b) => b.node as RegionNode) : this.imageChildren(this.branches[0]);
    if (node.kind === 'region') {
      const branch = this.branchOf(node);
      return branch ? this.imageChildren(branch) : [];
    }
    if (node.kind === 'image') return this.imageRows(node);
    if (node.kind === 'usedBy') return this.usageChildren(node);
    if (node.kind === 'usage') return [...node.children];
    return [];
  }

  /** The "Used by" node of an image row (the same object each time). */
  usedByNode(image: ImageNode): UsedByNode {
    let node = this.usedByNodes.get(image);
    if (!node) {
      node = { kind: 'usedBy', id: `${image.id}/usedBy`, parent: image };
      this.usedByNodes.set(image, node);
    }
    return node;
  }

  /** Under an image: "Used by" first (it costs nothing until expanded), then the versions. */
  private async imageRows(image: ImageNode): Promise<Node[]> {
    if (!this.branchOf(image)) return []; // a row of a branch a refresh dropped
    return [this.usedByNode(image), ...(await this.versionChildren(image))];
  }

  /** Expanding "Used by" scans the region (once; cached until Refresh) and shows who uses the image. */
  private async usageChildren(usedBy: UsedByNode): Promise<Node[]> {
    const region = this.regionOf(usedBy.parent) || (await this.session.region());
    try {
      const scan = await this.usage.scan(region);
      return usageRows(usedBy, scan, this.usage.referencesTo(scan, usedBy.parent.image.imageName), region);
    } catch (e) {
      const failed: UsageNode = {
        kind: 'usage',
        id: `${usedBy.id}/note/failed`,
        parent: usedBy,
        role: 'note',
        label: vscode.l10n.t('Could not scan where it is used: {0}', errorMessage(e)),
        icon: 'error',
        tooltip: vscode.l10n.t('Refresh to try again. The log has details (Show Log).'),
        children: [],
      };
      return [failed];
    }
  }

  /** Records nodes as this provider's own before anyone else sees them. */
  private handOut<T extends Node[]>(nodes: T): T {
    for (const n of nodes) this.produced.add(n);
    return nodes;
  }

  /** Whether a value is a node this provider handed out (the very object, not a look-alike). */
  holds(value: unknown): value is Node {
    return typeof value === 'object' && value !== null && this.produced.has(value);
  }

  /**
   * Fills in a tooltip when a row is hovered: DescribeImageVersion + ListAliases for a version,
   * ListAliases for an image. Cached until refresh, so hovering twice costs nothing.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: Node, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    // VS Code keeps whatever tooltip this returns, even for a cancelled hover: a cancelled (or
    // abandoned) lookup leaves the tooltip unset, so the next hover asks again.
    const settle = <T>(work: Promise<T>) =>
      work.then(
        (value) => ({ value }),
        (error: unknown) => (isCancelled(error) || token.isCancellationRequested ? undefined : { error }),
      );
    try {
      if (node.kind === 'version') {
        const ref = this.refOf(node);
        const resolved = await settle(this.details.version(ref, controller.signal));
        const scan = this.usage.cached(ref.region);
        const usedBy = scan && this.usage.referencesTo(scan, ref.imageName, ref.version);
        if (resolved) item.tooltip = versionTooltip(node, resolved, ref, usedBy && referenceLines(usedBy, 8));
      } else if (node.kind === 'image') {
        const ref = this.imageRefOf(node);
        const resolved = await settle(this.details.imageAliases(ref, controller.signal));
        if (resolved) item.tooltip = imageTooltip(node, resolved);
      }
    } finally {
      subscription.dispose();
    }
    return item;
  }

  /** The region, image and version a version row stands for. */
  refOf(node: VersionNode): VersionRef {
    return { region: this.regionOf(node.parent), imageName: node.parent.image.imageName, version: node.version.version };
  }

  /** The region and image an image row stands for. */
  imageRefOf(node: ImageNode): ImageRef {
    return { region: this.regionOf(node), imageName: node.image.imageName };
  }

  /**
   * Loads a list's first page unless it has one (or failed). If the list was reset while the page
   * was on its way (refresh, sort, filter, profile change), loads again, so a caller never builds
   * "empty" nodes from a list that was reset under it: at most `maxLoads` loads (and 5). Resolves
   * to the pages it requested.
   */
  private async ensureFirstPage<T>(list: PagedList<T>, signal?: AbortSignal, maxLoads = 5): Promise<number> {
    let loads = 0;
    while (loads < Math.min(maxLoads, 5)) {
      if (list.started || list.error !== undefined || signal?.aborted) return loads;
      const generation = list.generationId;
      loads += 1;
      await this.withProgress(list.loadNext(signal));
      if (list.generationId === generation) return loads;
    }
    return loads;
  }

  private async imageChildren(branch: RegionBranch): Promise<Node[]> {
    await this.ensureFirstPage(branch.images);
    const parent = branch.node;
    if (branch.resolvedRegion === '' && !branch.images.error) {
      const region = await branch.resolveRegion();
      if (region) this.options.onRegion?.(region);
    }
    const noCredentials =
      isAwsError(branch.images.error) && branch.images.error.kind === 'noCredentials' && branch.images.items.length === 0;
    if (!this.sideBySide) {
      this.options.onNoCredentials?.(noCredentials);
      // No credentials at all: an empty tree lets the view's welcome explain the options.
      if (noCredentials) return [];
    }
    const nodes: Node[] = branch.images.items.map((image) => branch.imageNode(image));
    for (const node of nodes) if (node.kind === 'image') this.live.watchImage(node, branch);
    if (branch.images.error !== undefined) nodes.push({ kind: 'error', parent, error: branch.images.error });
    else if (branch.images.hasMore) nodes.push({ kind: 'loadMore', parent, loadedCount: branch.images.items.length });
    else if (nodes.length === 0) nodes.push(this.noImagesNode(branch));
    return nodes;
  }

  private async versionChildren(parent: ImageNode): Promise<Node[]> {
    const branch = this.branchOf(parent);
    if (!branch) return [];
    const list = branch.versionList(parent.image.imageName);
    await this.ensureFirstPage(list);
    const nodes: Node[] = list.items.map((version) => ({ kind: 'version', parent, version }));
    this.live.watchVersions(parent, list, branch);
    if (list.error !== undefined) nodes.push({ kind: 'error', parent, error: list.error });
    else if (list.hasMore) nodes.push({ kind: 'loadMore', parent, loadedCount: list.items.length });
    else if (nodes.length === 0) nodes.push(this.noVersionsNode(parent));
    return nodes;
  }

  private noImagesNode(branch: RegionBranch): Node {
    const name = this.options.imageNameContains();
    const region = branch.resolvedRegion || '?';
    if (name === undefined) return { kind: 'message', parent: branch.node, label: vscode.l10n.t('No images in {0}', region) };
    return {
      kind: 'message',
      parent: branch.node,
      label: vscode.l10n.t('No images whose name contains “{0}” in {1}', name, region),
      tooltip: vscode.l10n.t('Click to change the name filter.'),
      command: commandRecord('filterImages'),
    };
  }

  private noVersionsNode(parent: ImageNode): Node {
    if (!hasFilters(this.options.versionQuery().filters)) return { kind: 'message', parent, label: vscode.l10n.t('No versions') };
    return {
      kind: 'message',
      parent,
      label: vscode.l10n.t('No versions match the filters'),
      tooltip: vscode.l10n.t('Click to clear the version filters.'),
      command: commandRecord('clearVersionFilters'),
    };
  }

  /** The list a Load more or error node belongs to (undefined: its branch was dropped). */
  private listOf(parent: ListParent): PagedList<ImageSummary> | PagedList<ImageVersionSummary> | undefined {
    if (parent === undefined) return this.branches[0].images;
    if (parent.kind === 'image') return this.branchOf(parent)?.versionList(parent.image.imageName);
    return this.branchOf(parent)?.images;
  }

  /** Appends exactly the next page of the node's list; a second click while loading waits for the same page. */
  async loadMore(node: LoadMoreNode | ErrorNode): Promise<void> {
    const list = this.listOf(node.parent);
    if (list) await this.withProgress(list.loadNext());
    this.changed.fire(node.parent);
  }

  /** Retries the failed page (or first page) of the error node's list. */
  retry(node: ErrorNode): Promise<void> {
    return this.loadMore(node);
  }

  /** Refreshes one image's versions, or everything. Results still in flight are discarded. */
  refresh(image?: ImageNode): void {
    this.details.forget();
    if (image) {
      this.branchOf(image)?.resetVersions(image.image.imageName);
      this.changed.fire(image);
      return;
    }
    this.live.clear();
    this.usage.clear();
    for (const branch of this.branches) branch.reset();
    // The regions setting may have changed: rebuild (cheap, nothing is loaded yet).
    this.buildBranches();
    this.loadedVersionQuery = this.versionQueryKey();
    this.changed.fire(undefined);
    this.refreshedAll.fire();
  }

  /**
   * Reloads the versions if the sort or filters differ from those the lists were loaded with. The
   * settings listener and the command that wrote the settings may both call it: one reload.
   */
  applyVersionQuery(): void {
    if (this.versionQueryKey() !== this.loadedVersionQuery) this.reloadVersions();
  }

  /** Restarts every loaded version list from page 1 (sort or filters changed); roots stay. */
  reloadVersions(): void {
    this.loadedVersionQuery = this.versionQueryKey();
    for (const branch of this.branches) branch.reloadVersions();
    // The roots come from cache; VS Code then asks again for the children of every expanded image.
    this.changed.fire(undefined);
  }

  /**
   * After a write: the image row as the service now describes it, or gone (`undefined`). A new
   * image is put where the name order puts it among the loaded rows; a changed one is updated in
   * place; live status follows it while it is CREATING, UPDATING or DELETING. Other rows, and
   * other images' loaded versions, stay as they are. `region` '' means the session's region.
   */
  showImage(region: string, imageName: string, image: ImageSummary | undefined): void {
    const branch = this.branchFor(region);
    if (!branch) return;
    const list = branch.images;
    const shown = image
      ? list.upsertItem(image, (loaded) => {
          const at = loaded.findIndex((i) => i.imageName.localeCompare(image.imageName) > 0);
          return at === -1 ? 'end' : at;
        })
      : list.updateItems((i) => (i.imageName === imageName ? undefined : i));
    if (!shown) return;
    const node = image ? branch.imageNode(image) : undefined;
    if (node) this.live.watchImage(node, branch);
    this.changed.fire(branch.node);
  }

  /**
   * After a write: one version row as the service now describes it, or gone (`version` given,
   * `summary` undefined), in the image's loaded versions if they are loaded (nothing to show
   * otherwise: expanding the image lists it). A new version goes first under a descending sort
   * and last under an ascending one (when the last page is in); live status follows it.
   */
  showVersion(region: string, imageName: string, version: number, summary: ImageVersionSummary | undefined): void {
    const branch = this.branchFor(region);
    const node = branch?.findImageNode(imageName);
    const list = branch?.versionLists.get(imageName);
    if (!branch || !node || !list) return;
    this.details.forget({ region: branch.resolvedRegion, imageName, version });
    const descending = this.options.versionQuery().sortOrder === 'DESCENDING';
    const shown = summary
      ? list.upsertItem(summary, () => (descending ? 0 : 'end'))
      : list.updateItems((v) => (v.version === version ? undefined : v));
    if (!shown) return;
    this.live.watchVersions(node, list, branch);
    this.changed.fire(node);
  }

  /**
   * After a write that changed a version's metadata or aliases (no transient state): its cached
   * details go and its row is drawn again, so the next hover describes it afresh.
   */
  refreshVersionRow(ref: VersionRef): void {
    this.details.forget(ref);
    const node = this.branchFor(ref.region)?.findImageNode(ref.imageName);
    if (node) this.changed.fire(node);
  }

  /**
   * The ARN of an image already listed in `region`, if any: it names the account, which a
   * confirmation states even when what it creates has no ARN yet (Create Image…).
   */
  anyImageArn(region: string): string | undefined {
    return this.branchFor(region)?.images.items[0]?.imageArn;
  }

  /** Pauses live status polling while the view is hidden. */
  setVisible(visible: boolean): void {
    this.live.setActive(visible);
  }

  /** The branch listing a region ('' or undefined: the single branch of the session's region). */
  private branchFor(region: string | undefined): RegionBranch | undefined {
    if (!region) return this.sideBySide ? undefined : this.branches[0];
    return this.branches.find((b) => (b.resolvedRegion || b.region) === region);
  }

  /**
   * Loads what it takes to show an image (and a version of it): image pages until the image is
   * listed, then version pages until the version is, and no more. The caller reveals the nodes.
   */
  async locate(region: string | undefined, imageName: string, version?: number, limits: LocateLimits = {}): Promise<RevealOutcome> {
    const maxPages = limits.maxPages ?? Infinity;
    let pages = 0;
    const tooMany = (what: string) => ({
      kind: 'failed' as const,
      error: tooManyPages(what, maxPages),
    });
    // Each page counts against the cap, and a cancel aborts the page on its way (not only the wait).
    const load = async <T>(list: PagedList<T>) => {
      pages += 1;
      await this.withProgress(list.loadNext(limits.signal));
      if (limits.signal?.aborted) throw new RequestCancelledError('Reveal');
    };
    const refreshed = { kind: 'failed', error: new Error(vscode.l10n.t('The view was refreshed meanwhile; run Reveal again.')) } as const;
    // A first page counts too (each load, when a refresh made it load again). Resolves to why Reveal
    // stops when the list still has no page (the cap came first, or refreshes kept resetting it).
    const ensureFirst = async <T>(list: PagedList<T>, what: string) => {
      const unloaded = () => !list.started && list.error === undefined;
      if (unloaded() && pages >= maxPages) return tooMany(what);
      pages += await this.ensureFirstPage(list, limits.signal, maxPages - pages);
      if (limits.signal?.aborted) throw new RequestCancelledError('Reveal');
      if (unloaded()) return pages >= maxPages ? tooMany(what) : refreshed;
      return undefined;
    };
    const imagesWhat = vscode.l10n.t('images');
    let branch = this.branchFor(region);
    if (!branch && !this.sideBySide) {
      // The single branch's region may not be resolved yet: load the roots first.
      const stopped = await ensureFirst(this.branches[0].images, imagesWhat);
      if (stopped) return stopped;
      await this.branches[0].resolveRegion();
      branch = this.branchFor(region);
    }
    if (!branch) return { kind: 'regionNotShown' };
    const images = branch.images;
    const stoppedOnImages = await ensureFirst(images, imagesWhat);
    if (stoppedOnImages) return stoppedOnImages;
    if (branch.resolvedRegion === '') await branch.resolveRegion();
    if (region && branch.resolvedRegion && branch.resolvedRegion !== region) return { kind: 'regionNotShown' };
    // Version ARNs carry the name in lower case; the listed name may not be.
    const isWanted = (name: string) => name === imageName || name.toLowerCase() === imageName.toLowerCase();
    const imagesGeneration = images.generationId;
    while (!images.items.some((i) => isWanted(i.imageName))) {
      if (images.error !== undefined) return { kind: 'failed', error: images.error };
      if (!images.hasMore) return { kind: 'imageNotListed', filtered: this.options.imageNameContains() !== undefined };
      if (pages >= maxPages) return tooMany(imagesWhat);
      await load(images);
      if (images.generationId !== imagesGeneration || !this.branches.includes(branch)) return refreshed;
    }
    this.changed.fire(branch.node);
    const listedName = (images.items.find((i) => i.imageName === imageName) ?? images.items.find((i) => isWanted(i.imageName)))!.imageName;
    const image = this.handOut([branch.findImageNode(listedName) as ImageNode])[0];
    if (version === undefined) return { kind: 'found', image };
    const list = branch.versionList(listedName);
    const versionsWhat = vscode.l10n.t('the versions of {0}', listedName);
    const stoppedOnVersions = await ensureFirst(list, versionsWhat);
    if (stoppedOnVersions) return { ...stoppedOnVersions, image };
    const versionsGeneration = list.generationId;
    while (!list.items.some((v) => v.version === version)) {
      if (list.error !== undefined) return { kind: 'failed', error: list.error, image };
      if (!list.hasMore) return { kind: 'versionNotListed', image, filtered: hasFilters(this.options.versionQuery().filters) };
      if (pages >= maxPages) return { ...tooMany(versionsWhat), image };
      await load(list);
      if (list.generationId !== versionsGeneration || !this.branches.includes(branch)) return refreshed;
    }
    this.changed.fire(image);
    const summary = list.items.find((v) => v.version === version);
    return summary
      ? { kind: 'found', image, version: this.handOut([{ kind: 'version', parent: image, version: summary } as VersionNode])[0] }
      : { kind: 'versionNotListed', image, filtered: false };
  }

  /** Loaded version nodes in tree order: regions, then images in root order, then versions in page order. */
  orderInTree<T extends Node>(nodes: readonly T[]): T[] {
    const position = (n: Node): [number, number, number] => {
      const image = n.kind === 'image' ? n : n.kind === 'version' ? n.parent : undefined;
      const branch = image && this.branchOf(image);
      if (!image || !branch) return [Infinity, Infinity, Infinity];
      const b = this.branches.indexOf(branch);
      const i = branch.images.items.findIndex((x) => x.imageName === image.image.imageName);
      if (n.kind === 'image') return [b, i < 0 ? Infinity : i, -1];
      const list = branch.versionLists.get(image.image.imageName);
      const v = n.kind === 'version' && list ? list.items.findIndex((x) => x.imageVersionArn === n.version.imageVersionArn) : -1;
      return [b, i < 0 ? Infinity : i, v < 0 ? Infinity : v];
    };
    const compare = (x: number, y: number) => (x === y ? 0 : x - y);
    return [...nodes].sort((a, b) => {
      const pa = position(a);
      const pb = position(b);
      return compare(pa[0], pb[0]) || compare(pa[1], pb[1]) || compare(pa[2], pb[2]);
    });
  }

  private withProgress<T>(work: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work));
  }

  dispose(): void {
    this.live.dispose();
    for (const branch of this.branches) branch.reset();
    this.changed.dispose();
    this.refreshedAll.dispose();
  }
}
