/**
 * The images tree against the emulator, asserting on the emulator's request log: roots page with
 * "Load more…", an image expands with exactly one ListImageVersions call, load-more sends the
 * stored token, and a failure becomes an error node whose click retries.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ErrorNode, ImageNode, LoadMoreNode, Node } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, labelOf, resetSettings, settled, startCounting, useEndpoint, findImage, belowImage, waitFor } from './helpers';

describe('the Images tree', () => {
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        { name: 'tree-many', versions: 7 },
        { name: 'tree-none', versions: 0 },
        ...Array.from({ length: 3 }, (_, i) => ({ name: `tree-extra-${i}`, versions: 1 })),
      ],
    });
    api = await activateExtension();
    await useEndpoint(emulator.url, 3);
    // The view hidden: only what a test asks for is fetched (a visible view loads the roots by itself after a refresh).
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.view.visible, 'the view hidden');
  });

  beforeEach(async () => {
    api.tree.refresh();
    emulator.faults.clear();
    await startCounting(emulator);
  });

  after(async () => {
    await resetSettings('pageSize', 'endpoint');
    await emulator.stop();
  });

  const image = (name: string): Promise<ImageNode> => findImage(api, name);

  it('shows one page of images with Load more, and appends exactly the next page', async () => {
    const first = await api.tree.getChildren();
    assert.deepEqual(
      first.map((n) => labelOf(api, n)),
      ['tree-extra-0', 'tree-extra-1', 'tree-extra-2', 'Load more…'],
    );
    const more = first[3] as LoadMoreNode;
    // A double click must not fetch the page twice.
    await Promise.all([
      vscode.commands.executeCommand('sagemakerImages.loadMore', more),
      vscode.commands.executeCommand('sagemakerImages.loadMore', more),
    ]);
    const all = await api.tree.getChildren();
    assert.deepEqual(
      all.map((n) => labelOf(api, n)),
      ['tree-extra-0', 'tree-extra-1', 'tree-extra-2', 'tree-many', 'tree-none'],
    );
    await settled(emulator);
    const calls = emulator.calls('ListImages');
    assert.equal(calls.length, 2);
    assert.equal(calls[0].params.MaxResults, 3);
    assert.equal(typeof calls[1].params.NextToken, 'string');
  });

  it('expands an image with exactly one ListImageVersions call, then pages with the token', async () => {
    const node = await image('tree-many');
    await startCounting(emulator);
    const page1 = await belowImage(api, node);
    assert.deepEqual(
      page1.map((n) => labelOf(api, n)),
      ['Version 7', 'Version 6', 'Version 5', 'Load more…'],
    );
    await settled(emulator);
    const calls = emulator.calls('ListImageVersions');
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].params, { ImageName: 'tree-many', MaxResults: 3, SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' });
    await vscode.commands.executeCommand('sagemakerImages.loadMore', page1[3]);
    const page2 = await belowImage(api, node);
    assert.equal(page2.filter((n) => n.kind === 'version').length, 6);
    await settled(emulator);
    const second = emulator.calls('ListImageVersions')[1];
    assert.equal(second.params.ImageName, 'tree-many');
    assert.equal(typeof second.params.NextToken, 'string');
    // Asking again for the children costs nothing.
    await belowImage(api, node);
    await settled(emulator);
    assert.equal(emulator.calls('ListImageVersions').length, 2);
  });

  it('says "No versions" for an image without versions', async () => {
    const node = await image('tree-none');
    const children = await belowImage(api, node);
    assert.deepEqual(
      children.map((n: Node) => labelOf(api, n)),
      ['No versions'],
    );
  });

  it('turns a failure into an error node whose click retries', async () => {
    const node = await image('tree-many');
    emulator.addFault({ kind: 'error', operation: 'ListImageVersions', code: 'AccessDeniedException', message: 'not allowed' });
    const failed = await belowImage(api, node);
    assert.equal(failed.length, 1);
    const error = failed[0] as ErrorNode;
    assert.equal(error.kind, 'error');
    const item = api.tree.getTreeItem(error);
    assert.match(String(item.label), /Access denied/);
    assert.equal(item.command?.command, 'sagemakerImages.retry');
    assert.equal(item.contextValue, 'sagemakerImages.error');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const recovered = await belowImage(api, node);
    assert.equal(labelOf(api, recovered[0]), 'Version 7');
  });
});
