/**
 * The Images view's provider as the extension builds it, in plain Node: an ImagesTreeProvider
 * over a real SageMakerSession against the emulator (real HTTP through the real SDK), with the
 * settings a test changes (regions, page size, sort and filters, name filter), the change events
 * the provider fired, and rows as a person reads them (through getTreeItem). Shared by the
 * tree*.unit.test.ts files.
 */
import './vscodeInNode';
import { ImagesTreeProvider } from '../../src/tree/imagesTreeProvider';
import type { ImageNode, LoadMoreNode, Node, RegionNode, VersionNode } from '../../src/tree/nodes';
import { SageMakerSession } from '../../src/model/sageMakerSession';
import { silentLogger } from '../../src/model/log';
import type { SageMakerEmulator } from '../emulator/server';
import { useEmulator } from './helpers';
import { shownMessages } from './vscodeInNode';
import type { VersionQuery } from '../../src/model/versionQuery';

export interface TreeSettings {
  regions: string[];
  pageSize: number;
  versionQuery: VersionQuery;
  nameContains: string | undefined;
}

export const DEFAULT_QUERY: VersionQuery = { sortBy: 'CREATION_TIME', sortOrder: 'DESCENDING', filters: {} };

export interface TreeUnderTest {
  readonly tree: ImagesTreeProvider;
  /** What the provider reads on every call: change it, then refresh or apply as the extension would. */
  readonly settings: TreeSettings;
  /** Every onDidChangeTreeData event, oldest first (undefined: the roots). */
  readonly changes: (Node | undefined)[];
  /** Every region the provider told (onRegion). */
  readonly regionsTold: string[];
}

export function treeOver(session: SageMakerSession, settings: Partial<TreeSettings> = {}): TreeUnderTest {
  const current: TreeSettings = { regions: [], pageSize: 50, versionQuery: DEFAULT_QUERY, nameContains: undefined, ...settings };
  const regionsTold: string[] = [];
  const tree = new ImagesTreeProvider(session, {
    regions: () => current.regions,
    pageSize: () => current.pageSize,
    versionQuery: () => current.versionQuery,
    imageNameContains: () => current.nameContains,
    onRegion: (region) => regionsTold.push(region),
  });
  const changes: (Node | undefined)[] = [];
  tree.onDidChangeTreeData((node) => changes.push(node));
  return { tree, settings: current, changes, regionsTold };
}

/** A row as the view shows it: its label, with the count for Load more and a mark for errors. */
export function rowOf(tree: ImagesTreeProvider, node: Node): string {
  const item = tree.getTreeItem(node);
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  if (node.kind === 'loadMore') return `${label} (${String(item.description)})`;
  if (node.kind === 'error') return `error: ${label}`;
  return label;
}

/** The rows under `parent` (the roots when undefined), as the view would ask for them. */
export async function rowsUnder(tree: ImagesTreeProvider, parent?: Node): Promise<string[]> {
  return (await tree.getChildren(parent)).map((n) => rowOf(tree, n));
}

async function childOf<N extends Node>(tree: ImagesTreeProvider, parent: Node | undefined, matches: (n: Node) => n is N, what: string) {
  const found = (await tree.getChildren(parent)).find(matches);
  if (!found) throw new Error(`${what} is not listed`);
  return found;
}

export function imageUnder(tree: ImagesTreeProvider, name: string, parent?: RegionNode): Promise<ImageNode> {
  return childOf(tree, parent, (n): n is ImageNode => n.kind === 'image' && n.image.imageName === name, `image ${name}`);
}

export function versionUnder(tree: ImagesTreeProvider, image: ImageNode, version: number): Promise<VersionNode> {
  return childOf(tree, image, (n): n is VersionNode => n.kind === 'version' && n.version.version === version, `version ${version}`);
}

export function regionRoot(tree: ImagesTreeProvider, region: string): Promise<RegionNode> {
  return childOf(tree, undefined, (n): n is RegionNode => n.kind === 'region' && n.region === region, `region ${region}`);
}

export function loadMoreUnder(tree: ImagesTreeProvider, parent?: Node): Promise<LoadMoreNode> {
  return childOf(tree, parent, (n): n is LoadMoreNode => n.kind === 'loadMore', 'Load more');
}

/** What a tree suite shares: the emulator, the session over it, and trees that are disposed after each test. */
export interface TreeSuite {
  readonly emu: () => SageMakerEmulator;
  readonly session: () => SageMakerSession;
  /** A tree over the session, disposed after the test. */
  newTree(settings?: Partial<TreeSettings>): TreeUnderTest;
}

/**
 * Registers a tree suite's hooks: an empty emulator at `now` seeded by `seed`, one session over it
 * (region us-east-1), faults, the request log and notifications cleared before each test, and
 * every tree the test made disposed after it.
 */
export function useTreeSuite(now: number, seed: (emu: SageMakerEmulator) => void): TreeSuite {
  const emu = useEmulator('empty', now);
  let session: SageMakerSession | undefined;
  const trees: TreeUnderTest[] = [];
  before(function () {
    seed(emu());
    session = new SageMakerSession({ region: 'us-east-1', endpoint: emu().url }, silentLogger, '0.0.0-test');
  });
  after(() => session?.dispose());
  beforeEach(function () {
    emu().faults.clear();
    emu().clearRequests();
    shownMessages.length = 0;
  });
  afterEach(function () {
    for (const t of trees.splice(0)) t.tree.dispose();
  });
  const current = () => {
    if (!session) throw new Error('the session is made in the suite’s before hook');
    return session;
  };
  return {
    emu,
    session: current,
    newTree(settings = {}) {
      const t = treeOver(current(), settings);
      trees.push(t);
      return t;
    },
  };
}
