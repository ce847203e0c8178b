/**
 * One region's part of the tree: its image roots and each image's versions, each a PagedList.
 * With one region there is one branch whose images are the view's roots; with several
 * (`sagemakerImages.regions`), each branch hangs under its region node, with its own pages and
 * errors, so one region failing never hides another. Nodes name their branch by its key; the
 * provider looks the branch up (nodes import nothing from here).
 */
import * as vscode from 'vscode';
import type { ImageSummary, ImageVersionSummary } from '../model/types';
import { PagedList, type FetchPage } from './model/pagedList';
import type { CallScope, SageMakerSession } from '../model/sageMakerSession';
import { imagesRequest, versionsRequest } from '../requests/listRequests';
import type { VersionQuery } from '../model/versionQuery';
import type { ImageNode, RegionNode } from './nodes';

export interface BranchQuery {
  pageSize(): number;
  versionQuery(): VersionQuery;
  imageNameContains(): string | undefined;
}

export class RegionBranch {
  readonly images: PagedList<ImageSummary>;
  readonly versionLists = new Map<string, PagedList<ImageVersionSummary>>();
  /** Image nodes are reused so that change events can name the exact element VS Code holds. */
  private readonly imageNodes = new Map<string, ImageNode>();
  /** The region the images were listed in: the explicit one, or the session's once resolved. */
  resolvedRegion: string;
  /** What nodes name this branch by: its region when regions are side by side, '' for the session's region. */
  readonly key: string;

  /**
   * @param region the region every call of this branch names, or undefined for the session's
   * @param node the branch's region node when regions are side by side
   */
  constructor(
    private readonly session: SageMakerSession,
    private readonly query: BranchQuery,
    readonly region: string | undefined,
    readonly node: RegionNode | undefined,
  ) {
    this.resolvedRegion = region ?? '';
    this.key = region ?? '';
    this.images = new PagedList<ImageSummary>(
      (nextToken, signal) =>
        this.session.call(
          'listImages',
          imagesRequest(this.query.imageNameContains(), this.query.pageSize(), nextToken),
          this.scope(signal),
        ),
      region ? vscode.l10n.t('the images in {0}', region) : vscode.l10n.t('images'),
      (image) => image.imageName,
    );
  }

  scope(signal?: AbortSignal): CallScope {
    return { region: this.region, signal };
  }

  /** Resolves the session's region for a branch without its own (once, after the first page). */
  async resolveRegion(): Promise<string> {
    if (this.resolvedRegion === '') this.resolvedRegion = await this.session.region().catch(() => '');
    return this.resolvedRegion;
  }

  imageNode(image: ImageSummary): ImageNode {
    const id = `${this.node ? `${this.node.id}/` : ''}image/${image.imageName}`;
    let node = this.imageNodes.get(id);
    if (node) {
      node.image = image;
      if (node.listedIn === '') node.listedIn = this.resolvedRegion;
    } else {
      node = { kind: 'image', id, image, parent: this.node, branchKey: this.key, listedIn: this.resolvedRegion };
      this.imageNodes.set(id, node);
    }
    return node;
  }

  /** The node of a loaded image, if any. */
  findImageNode(imageName: string): ImageNode | undefined {
    const image = this.images.items.find((i) => i.imageName === imageName);
    return image ? this.imageNode(image) : undefined;
  }

  versionList(imageName: string): PagedList<ImageVersionSummary> {
    let list = this.versionLists.get(imageName);
    if (!list) {
      list = new PagedList<ImageVersionSummary>(
        this.versionFetcher(imageName),
        vscode.l10n.t('the versions of image “{0}”', imageName),
        (v) => v.imageVersionArn,
      );
      this.versionLists.set(imageName, list);
    }
    return list;
  }

  /**
   * A fetcher bound to the sort, filters and page size of the moment: every page of one listing
   * uses the same query as its first page, even if the query changes before the reload.
   */
  versionFetcher(imageName: string): FetchPage<ImageVersionSummary> {
    const query = this.query.versionQuery();
    const pageSize = this.query.pageSize();
    return (nextToken, signal) =>
      this.session.call('listImageVersions', versionsRequest(imageName, query, pageSize, nextToken), this.scope(signal));
  }

  /** Restarts one image's versions from page 1 under the current query. */
  resetVersions(imageName: string): void {
    this.versionLists.get(imageName)?.reset(this.versionFetcher(imageName));
  }

  /** Restarts every loaded version list (sort or filters changed); images stay. */
  reloadVersions(): void {
    for (const [imageName, list] of this.versionLists) list.reset(this.versionFetcher(imageName));
  }

  /** Forgets everything; in-flight results are discarded. */
  reset(): void {
    this.images.reset();
    for (const list of this.versionLists.values()) list.reset();
    this.versionLists.clear();
    if (this.region === undefined) this.resolvedRegion = '';
  }
}
