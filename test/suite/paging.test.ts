/**
 * With the demo fixture and pageSize 50, the 250-version image shows 50 versions after one call
 * and all 250 after four Load-more clicks, in the server's order, for each of the six sorts.
 * ResourceNotFound and throttling beyond the SDK's retries become error nodes whose click retries.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { SORT_CHOICES } from '../../src/model/versionQuery';
import type { ErrorNode, ImageNode, LoadMoreNode, Node, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import {
  activateExtension,
  labelOf,
  resetSettings,
  settled,
  sortVersions,
  startCounting,
  useEndpoint,
  waitFor,
  belowImage,
} from './helpers';

const BIG = 'pytorch-nightly-gpu';

describe('paging the demo fixture', () => {
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;

  before(async () => {
    emulator = new SageMakerEmulator({ fixture: 'demo' });
    await emulator.start();
    api = await activateExtension();
    await useEndpoint(emulator.url, 50);
  });

  after(async () => {
    await resetSettings('versions.sortBy', 'versions.sortOrder', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  async function image(name: string): Promise<ImageNode> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === name);
    assert.ok(node, `${name} is on the first page of images`);
    return node;
  }

  /** Every version number in the server's order for a sort, read straight from the emulator's store. */
  function serverOrder(sortBy: string, sortOrder: string): number[] {
    const all: number[] = [];
    let token: string | undefined;
    do {
      const page = emulator.region().ListImageVersions({
        ImageName: BIG,
        SortBy: sortBy,
        SortOrder: sortOrder,
        MaxResults: 100,
        ...(token ? { NextToken: token } : {}),
      }) as {
        ImageVersions: { Version: number }[];
        NextToken?: string;
      };
      all.push(...page.ImageVersions.map((v) => v.Version));
      token = page.NextToken;
    } while (token);
    return all;
  }

  for (const choice of SORT_CHOICES) {
    it(`shows 50, then all 250 after four Load more clicks: ${choice.label()}`, async () => {
      await sortVersions(choice.sortBy, choice.sortOrder);
      await waitFor(() => {
        const q = api.query.versionQuery;
        return q.sortBy === choice.sortBy && q.sortOrder === choice.sortOrder;
      }, 'the sort setting');
      api.tree.refresh();
      const node = await image(BIG);
      await startCounting(emulator);
      let children: Node[] = await belowImage(api, node);
      assert.equal(children.filter((n) => n.kind === 'version').length, 50);
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, 1);
      for (let click = 1; click <= 4; click++) {
        const more = children.find((n): n is LoadMoreNode => n.kind === 'loadMore');
        assert.ok(more, `Load more is there before click ${click}`);
        await vscode.commands.executeCommand('sagemakerImages.loadMore', more);
        children = await belowImage(api, node);
      }
      const versions = children.filter((n): n is VersionNode => n.kind === 'version').map((n) => n.version.version);
      assert.equal(versions.length, 250);
      assert.equal(
        children.some((n) => n.kind === 'loadMore'),
        false,
        'no Load more on the last page',
      );
      assert.deepEqual(versions, serverOrder(choice.sortBy, choice.sortOrder));
      await settled(emulator);
      const calls = emulator.calls('ListImageVersions');
      assert.equal(calls.length, 5);
      for (const c of calls) {
        assert.equal(c.params.SortBy, choice.sortBy);
        assert.equal(c.params.SortOrder, choice.sortOrder);
        assert.equal(c.params.MaxResults, 50);
      }
    });
  }

  it('shows a ResourceNotFound as an error node that names the image, and retries on click', async () => {
    api.tree.refresh();
    const node = await image('conda-env-kernel');
    const stored = emulator.region().images.get('conda-env-kernel')!;
    emulator.region().images.delete('conda-env-kernel');
    const failed = await belowImage(api, node);
    const error = failed[0] as ErrorNode;
    assert.equal(error.kind, 'error');
    assert.match(labelOf(api, error), /conda-env-kernel/);
    assert.match(labelOf(api, error), /not found/);
    emulator.region().images.set('conda-env-kernel', stored);
    await vscode.commands.executeCommand('sagemakerImages.retry', error);
    const recovered = await belowImage(api, node);
    assert.equal(recovered.filter((n) => n.kind === 'version').length, 12);
  });

  it('shows throttling beyond the SDK’s retries as an error node, and retries on click', async function () {
    this.timeout(20_000);
    api.tree.refresh();
    const node = await image('single-version-kernel');
    await startCounting(emulator);
    emulator.addFault({ kind: 'throttle', operation: 'ListImageVersions', times: 3 });
    const failed = await belowImage(api, node);
    await settled(emulator);
    assert.equal(emulator.calls('ListImageVersions').length, 3, 'the SDK made its three attempts');
    assert.equal(failed[0].kind, 'error');
    assert.match(labelOf(api, failed[0]), /throttled/);
    await vscode.commands.executeCommand('sagemakerImages.retry', failed[0]);
    const recovered = await belowImage(api, node);
    assert.deepEqual(
      recovered.map((n) => labelOf(api, n)),
      ['Version 1'],
    );
  });
});
