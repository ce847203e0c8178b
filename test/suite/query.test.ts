/**
 * Sort and filters change the next ListImageVersions call and restart paging from page 1; copy
 * puts the exact ARN(s) on the clipboard; refresh discards a slow response. Asserted on the
 * emulator's request log.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, LoadMoreNode, Node, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import {
  activateExtension,
  labelOf,
  resetSettings,
  setSetting,
  settled,
  sortVersions,
  startCounting,
  useEndpoint,
  waitFor,
  belowImage,
} from './helpers';

const DAY = 86_400_000;

describe('sorting, filtering and copying versions', () => {
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  const now = Date.now();

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        {
          name: 'query-image',
          createdAt: now - 100 * DAY,
          // Version n created n*10 days after the image; modified in the reverse order.
          versions: Array.from({ length: 6 }, (_, i) => ({
            createdAt: now - 100 * DAY + (i + 1) * 10 * DAY,
            modifiedAt: now - (i + 1) * DAY,
          })),
        },
      ],
    });
    api = await activateExtension();
    await useEndpoint(emulator.url, 4);
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    await sortVersions('CREATION_TIME', 'DESCENDING');
    api.tree.refresh();
    emulator.faults.clear();
    await startCounting(emulator);
  });

  after(async () => {
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    await resetSettings('versions.sortBy', 'versions.sortOrder', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  async function imageNode(): Promise<ImageNode> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === 'query-image');
    assert.ok(node);
    return node;
  }

  const versionLabels = (nodes: Node[]) => nodes.filter((n) => n.kind === 'version').map((n) => labelOf(api, n));

  it('restarts paging with the new server-side order when the sort setting changes', async () => {
    const node = await imageNode();
    const first = await belowImage(api, node);
    assert.deepEqual(versionLabels(first), ['Version 6', 'Version 5', 'Version 4', 'Version 3']);
    await vscode.commands.executeCommand(
      'sagemakerImages.loadMore',
      first.find((n) => n.kind === 'loadMore'),
    );
    await startCounting(emulator);
    await setSetting('versions.sortBy', 'VERSION');
    await setSetting('versions.sortOrder', 'ASCENDING');
    await waitFor(() => api.view.description?.includes('version ↑') === true, 'the view description to show the sort');
    const reloaded = await belowImage(api, node);
    assert.deepEqual(
      versionLabels(reloaded),
      ['Version 1', 'Version 2', 'Version 3', 'Version 4'],
      'page 1 of the new order, not a re-sort of what was loaded',
    );
    await settled(emulator);
    const calls = emulator.calls('ListImageVersions');
    assert.equal(calls.length, 1);
    assert.equal(calls[0].params.SortBy, 'VERSION');
    assert.equal(calls[0].params.SortOrder, 'ASCENDING');
    assert.equal(calls[0].params.NextToken, undefined);
  });

  /** The sort in force at each whole-tree change (a reload or refresh) while `action` runs. */
  async function sortsReloadedDuring(action: () => Thenable<unknown>): Promise<string[]> {
    const reloads: string[] = [];
    const listening = api.tree.onDidChangeTreeData((changed) => {
      const q = api.query.versionQuery;
      if (changed === undefined) reloads.push(`${q.sortBy} ${q.sortOrder}`);
    });
    try {
      await action();
    } finally {
      listening.dispose();
    }
    return reloads;
  }

  it('Sort Versions… writes both settings and reloads the versions once, in the new order, before it resolves', async () => {
    const node = await imageNode();
    await belowImage(api, node);
    await startCounting(emulator);
    const reloads = await sortsReloadedDuring(() => sortVersions('VERSION', 'ASCENDING'));
    assert.deepEqual(reloads, ['VERSION ASCENDING'], 'one reload, none for the half-written pair');
    const config = vscode.workspace.getConfiguration('sagemakerImages');
    assert.deepEqual([config.get('versions.sortBy'), config.get('versions.sortOrder')], ['VERSION', 'ASCENDING']);
    assert.ok(api.view.description?.includes('version ↑'), api.view.description);
    assert.deepEqual(versionLabels(await belowImage(api, node)), ['Version 1', 'Version 2', 'Version 3', 'Version 4']);
    await settled(emulator);
    const calls = emulator.calls('ListImageVersions');
    assert.equal(calls.length, 1);
    assert.deepEqual([calls[0].params.SortBy, calls[0].params.SortOrder], ['VERSION', 'ASCENDING']);
  });

  it('Sort Versions refuses an argument that is not one of its six sorts, and changes nothing', async () => {
    const forged: unknown[] = [
      { sortBy: 'VERSION', sortOrder: 'SIDEWAYS' },
      { sortBy: 'IMAGE_NAME', sortOrder: 'ASCENDING' },
      ['VERSION', 'ASCENDING'],
      'VERSION',
      null,
    ];
    for (const arg of forged) {
      const reloads = await sortsReloadedDuring(() => vscode.commands.executeCommand('sagemakerImages.sortVersions', arg));
      assert.deepEqual(reloads, [], JSON.stringify(arg));
      const q = api.query.versionQuery;
      assert.deepEqual([q.sortBy, q.sortOrder], ['CREATION_TIME', 'DESCENDING'], JSON.stringify(arg));
    }
  });

  it('sends the date filters, shows them, and says when nothing matches', async () => {
    const node = await imageNode();
    const after = new Date(now - 45 * DAY);
    await api.query.setDateFilters({ createdAfter: after });
    await vscode.commands.executeCommand('sagemakerImages.refresh', node);
    const filtered = await belowImage(api, node);
    assert.deepEqual(versionLabels(filtered), ['Version 6']);
    await settled(emulator);
    const call = emulator.calls('ListImageVersions').at(-1)!;
    assert.equal(call.params.CreationTimeAfter, after.getTime() / 1000);
    await api.query.setDateFilters({ createdAfter: new Date(now - DAY) });
    api.tree.reloadVersions();
    const none = await belowImage(api, node);
    assert.equal(labelOf(api, none[0]), 'No versions match the filters');
    assert.equal(api.tree.getTreeItem(none[0]).command?.command, 'sagemakerImages.clearVersionFilters');
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    const all = await belowImage(api, node);
    assert.equal(versionLabels(all).length, 4);
    await settled(emulator);
    assert.equal(emulator.calls('ListImageVersions').at(-1)!.params.CreationTimeAfter, undefined);
  });

  it('copies the clicked version’s ARN, and a multi-selection in tree order', async () => {
    const node = await imageNode();
    const versions = (await belowImage(api, node)).filter((n): n is VersionNode => n.kind === 'version');
    await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', versions[1]);
    assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:sagemaker:us-east-1:123456789012:image-version/query-image/5');
    await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', versions[2], [versions[2], versions[0]]);
    assert.equal(
      await vscode.env.clipboard.readText(),
      [
        'arn:aws:sagemaker:us-east-1:123456789012:image-version/query-image/6',
        'arn:aws:sagemaker:us-east-1:123456789012:image-version/query-image/4',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('sagemakerImages.copyImageArn', node);
    assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:sagemaker:us-east-1:123456789012:image/query-image');
  });

  it('discards a slow response when the image is refreshed while it is in flight', async () => {
    const node = await imageNode();
    emulator.addFault({ kind: 'delay', delayMs: 1500, operation: 'ListImageVersions' });
    const slow = belowImage(api, node);
    await waitFor(() => emulator.calls('ListImageVersions').length === 1, 'the slow call to start');
    await sortVersions('VERSION', 'ASCENDING');
    await waitFor(() => api.view.description?.includes('version ↑') === true, 'the sort to apply');
    const fresh = await belowImage(api, node);
    await slow;
    const now1 = await belowImage(api, node);
    assert.deepEqual(versionLabels(fresh), ['Version 1', 'Version 2', 'Version 3', 'Version 4']);
    assert.deepEqual(versionLabels(now1), versionLabels(fresh), 'the stale page never landed');
    assert.ok(now1.some((n): n is LoadMoreNode => n.kind === 'loadMore'));
  });
});
