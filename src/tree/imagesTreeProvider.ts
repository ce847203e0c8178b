/**
 * The Images view: roots are images (one ListImages page at a time), each expanding lazily into
 * its versions (one ListImageVersions page at a time). Both are PagedLists, so single-flight,
 * stale-result and repeated-token guards are the same for both. A collapsed image costs no call:
 * its list is created and loaded only when VS Code asks for its children.
 */
import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import type { ImageSummary, ImageVersionSummary } from '../aws/types';
import { PagedList, type FetchPage } from '../model/pagedList';
import { hasFilters, toListParameters, type VersionQuery } from '../model/versionQuery';
import type { SageMakerSession } from '../model/sageMakerSession';
import { toTreeItem, type ErrorNode, type ImageNode, type LoadMoreNode, type Node } from './nodes';

export const VIEW_ID = 'sagemakerImages.images';

export interface TreeOptions {
  pageSize(): number;
  /** Version sort and date filters, read at each call so a change applies to the next page request. */
  versionQuery(): VersionQuery;
  /** ListImages NameContains, or undefined. */
  imageNameContains(): string | undefined;
  /** Told whether the roots failed for want of any credentials (the view then shows its welcome). */
  onNoCredentials?(missing: boolean): void;
  /** Told the region the roots were listed in, once known. */
  onRegion?(region: string): void;
}

export class ImagesTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private readonly images: PagedList<ImageSummary>;
  private readonly versionLists = new Map<string, PagedList<ImageVersionSummary>>();
  /** Image nodes are reused so that change events can name the exact element VS Code holds. */
  private readonly imageNodes = new Map<string, ImageNode>();
  private regionName = '';
  /** The version query (as a key) the current version lists were created or reset with. */
  private loadedVersionQuery: string;

  constructor(
    private readonly session: SageMakerSession,
    private readonly options: TreeOptions,
  ) {
    this.images = new PagedList<ImageSummary>(
      (nextToken, signal) =>
        this.session.listImages(
          { maxResults: this.options.pageSize(), nameContains: this.options.imageNameContains(), sortBy: 'IMAGE_NAME', sortOrder: 'ASCENDING', nextToken },
          signal,
        ),
      'images',
      (image) => image.imageName,
    );
    this.loadedVersionQuery = this.versionQueryKey();
  }

  private versionQueryKey(): string {
    return JSON.stringify(toListParameters(this.options.versionQuery()));
  }

  /** Why the roots failed to load, if they did (cleared by a successful retry or refresh). */
  get rootError(): unknown {
    return this.images.error;
  }

  /** The region the roots were listed in ('' until known). */
  get region(): string {
    return this.regionName;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return toTreeItem(node);
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'image' ? undefined : node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node === undefined) return this.rootChildren();
    if (node.kind === 'image') return this.versionChildren(node);
    return [];
  }

  /**
   * Loads a list's first page unless it has one (or failed). If the list was reset while the page
   * was on its way (refresh, sort, filter, profile change), loads again, so a caller never builds
   * "empty" nodes from a list that was reset under it.
   */
  private async ensureFirstPage<T>(list: PagedList<T>): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (list.started || list.error !== undefined) return;
      const generation = list.generationId;
      await this.withProgress(list.loadNext());
      if (list.generationId === generation) return;
    }
  }

  private async rootChildren(): Promise<Node[]> {
    await this.ensureFirstPage(this.images);
    if (this.regionName === '' && !this.images.error) {
      this.regionName = await this.session.region().catch(() => '');
      if (this.regionName) this.options.onRegion?.(this.regionName);
    }
    const noCredentials = isAwsError(this.images.error) && this.images.error.kind === 'noCredentials' && this.images.items.length === 0;
    this.options.onNoCredentials?.(noCredentials);
    // No credentials at all: an empty tree lets the view's welcome explain the options.
    if (noCredentials) return [];
    const nodes: Node[] = this.images.items.map((image) => this.imageNode(image));
    if (this.images.error !== undefined) nodes.push({ kind: 'error', parent: undefined, error: this.images.error });
    else if (this.images.hasMore) nodes.push({ kind: 'loadMore', parent: undefined, loadedCount: this.images.items.length });
    else if (nodes.length === 0) nodes.push(this.noImagesNode());
    return nodes;
  }

  private async versionChildren(parent: ImageNode): Promise<Node[]> {
    const list = this.versionList(parent.image.imageName);
    await this.ensureFirstPage(list);
    const nodes: Node[] = list.items.map((version) => ({ kind: 'version', parent, version }));
    if (list.error !== undefined) nodes.push({ kind: 'error', parent, error: list.error });
    else if (list.hasMore) nodes.push({ kind: 'loadMore', parent, loadedCount: list.items.length });
    else if (nodes.length === 0) nodes.push(this.noVersionsNode(parent));
    return nodes;
  }

  private noImagesNode(): Node {
    const name = this.options.imageNameContains();
    if (name === undefined) return { kind: 'message', parent: undefined, label: vscode.l10n.t('No images in {0}', this.regionName || '?') };
    return {
      kind: 'message',
      parent: undefined,
      label: vscode.l10n.t('No images whose name contains “{0}” in {1}', name, this.regionName || '?'),
      tooltip: vscode.l10n.t('Click to change the name filter.'),
      command: { command: 'sagemakerImages.filterImages', title: vscode.l10n.t('Filter Images by Name…') },
    };
  }

  private noVersionsNode(parent: ImageNode): Node {
    if (!hasFilters(this.options.versionQuery().filters)) return { kind: 'message', parent, label: vscode.l10n.t('No versions') };
    return {
      kind: 'message',
      parent,
      label: vscode.l10n.t('No versions match the filters'),
      tooltip: vscode.l10n.t('Click to clear the version filters.'),
      command: { command: 'sagemakerImages.clearVersionFilters', title: vscode.l10n.t('Clear Version Filters') },
    };
  }

  private imageNode(image: ImageSummary): ImageNode {
    const id = `image/${image.imageName}`;
    let node = this.imageNodes.get(id);
    if (node) node.image = image;
    else {
      node = { kind: 'image', id, image };
      this.imageNodes.set(id, node);
    }
    return node;
  }

  private versionList(imageName: string): PagedList<ImageVersionSummary> {
    let list = this.versionLists.get(imageName);
    if (!list) {
      list = new PagedList<ImageVersionSummary>(this.versionFetcher(imageName), `the versions of image “${imageName}”`, (v) => v.imageVersionArn);
      this.versionLists.set(imageName, list);
    }
    return list;
  }

  /**
   * A fetcher bound to the sort, filters and page size of the moment: every page of one listing
   * uses the same query as its first page, even if the query changes before the reload.
   */
  private versionFetcher(imageName: string): FetchPage<ImageVersionSummary> {
    const query = toListParameters(this.options.versionQuery());
    const maxResults = this.options.pageSize();
    return (nextToken, signal) => this.session.listImageVersions({ imageName, maxResults, ...query, nextToken }, signal);
  }

  private listOf(parent: ImageNode | undefined): PagedList<ImageSummary> | PagedList<ImageVersionSummary> {
    return parent ? this.versionList(parent.image.imageName) : this.images;
  }

  /** Appends exactly the next page of the node's list; a second click while loading waits for the same page. */
  async loadMore(node: LoadMoreNode | ErrorNode): Promise<void> {
    const list = this.listOf(node.parent);
    await this.withProgress(list.loadNext());
    this.changed.fire(node.parent);
  }

  /** Retries the failed page (or first page) of the error node's list. */
  retry(node: ErrorNode): Promise<void> {
    return this.loadMore(node);
  }

  /** Refreshes one image's versions, or everything. Results still in flight are discarded. */
  refresh(image?: ImageNode): void {
    if (image) {
      this.versionLists.get(image.image.imageName)?.reset(this.versionFetcher(image.image.imageName));
      this.changed.fire(image);
      return;
    }
    this.images.reset();
    for (const list of this.versionLists.values()) list.reset();
    this.versionLists.clear();
    this.loadedVersionQuery = this.versionQueryKey();
    this.regionName = '';
    this.changed.fire(undefined);
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
    for (const [imageName, list] of this.versionLists) list.reset(this.versionFetcher(imageName));
    // The roots come from cache; VS Code then asks again for the children of every expanded image.
    this.changed.fire(undefined);
  }

  /** Loaded version nodes in tree order: images in root order, versions in page order. */
  orderInTree<T extends Node>(nodes: readonly T[]): T[] {
    const imageIndex = new Map(this.images.items.map((image, i) => [image.imageName, i]));
    const position = (n: Node): [number, number] => {
      if (n.kind === 'image') return [imageIndex.get(n.image.imageName) ?? Infinity, -1];
      if (n.kind === 'version') {
        const list = this.versionLists.get(n.parent.image.imageName);
        const i = list ? list.items.findIndex((v) => v.imageVersionArn === n.version.imageVersionArn) : -1;
        return [imageIndex.get(n.parent.image.imageName) ?? Infinity, i < 0 ? Infinity : i];
      }
      return [Infinity, Infinity];
    };
    return [...nodes].sort((a, b) => {
      const [a1, a2] = position(a);
      const [b1, b2] = position(b);
      return a1 !== b1 ? a1 - b1 : a2 - b2;
    });
  }

  private withProgress<T>(work: Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => work));
  }

  dispose(): void {
    this.images.reset();
    for (const list of this.versionLists.values()) list.reset();
    this.changed.dispose();
  }
}
