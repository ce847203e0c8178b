/**
 * The fault matrix, part one: each injected failure is asserted on what the tree shows and on
 * the emulator's request log. (Race storms are still to come: see issue 6.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { FaultSpec } from '../emulator/faults';
import type { ErrorNode, ImageNode, LoadMoreNode, Node } from '../../src/tree/nodes';
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
  belowImage,
} from './helpers';

describe('fault matrix', function () {
  this.timeout(30_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  let port = 0;

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    port = Number(new URL(emulator.url).port);
    emulator.seed({ images: [{ name: 'fault-image', versions: 9 }] });
    api = await activateExtension();
    await useEndpoint(emulator.url, 4);
  });

  beforeEach(async () => {
    emulator.faults.clear();
    api.tree.refresh();
    await startCounting(emulator);
  });

  after(async () => {
    await resetSettings('pageSize', 'endpoint');
    await emulator.stop();
  });

  async function image(): Promise<ImageNode> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image');
    assert.ok(node, `roots: ${roots.map((n) => labelOf(api, n)).join(', ')}`);
    return node;
  }

  const versions = (nodes: Node[]) => nodes.filter((n) => n.kind === 'version').map((n) => labelOf(api, n));

  async function failsThenRecovers(fault: FaultSpec, message: RegExp): Promise<void> {
    const node = await image();
    await startCounting(emulator);
    emulator.addFault({ operation: 'ListImageVersions', ...fault });
    const logBefore = api.recentLog().length;
    const failed = await belowImage(api, node);
    assert.equal(failed.length, 1);
    assert.equal(failed[0].kind, 'error', `got ${labelOf(api, failed[0])}`);
    assert.match(labelOf(api, failed[0]), message);
    // The failure is logged once (after the SDK's retries), with the request id when there was a response.
    const logged = api
      .recentLog()
      .slice(logBefore)
      .filter((l) => l.startsWith('error ✗ ListImageVersions'));
    assert.equal(logged.length, 1, logged.join('\n'));
    if (['throttle', 'http500', 'error'].includes(fault.kind)) assert.match(logged[0], /requestId=[0-9a-f-]{36}/);
    emulator.faults.clear();
    await vscode.commands.executeCommand('sagemakerImages.retry', failed[0]);
    assert.deepEqual(versions(await belowImage(api, node)), ['Version 9', 'Version 8', 'Version 7', 'Version 6']);
  }

  for (const times of [1, 2]) {
    it(`ThrottlingException ${times}× recovers within the SDK's retries: one visible page`, async () => {
      const node = await image();
      await startCounting(emulator);
      emulator.addFault({ kind: 'throttle', operation: 'ListImageVersions', times });
      const children = await belowImage(api, node);
      assert.deepEqual(versions(children), ['Version 9', 'Version 8', 'Version 7', 'Version 6']);
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, times + 1);
    });
  }

  it('ThrottlingException 10×: an error node saying the account is throttled; a click later succeeds', async () => {
    await failsThenRecovers({ kind: 'throttle', times: 10 }, /throttled/);
  });

  it('an HTTP 500 burst beyond the retries', async () => {
    await failsThenRecovers({ kind: 'http500', times: 5 }, /internal error \(HTTP 500\)/);
  });

  it('an HTTP 503 burst beyond the retries', async () => {
    await failsThenRecovers({ kind: 'http500', status: 503, times: 5 }, /HTTP 503/);
  });

  it('a response slower than the request timeout: a timeout node, no hung spinner', async () => {
    await setSetting('requestTimeoutSeconds', 1);
    try {
      await failsThenRecovers({ kind: 'delay', delayMs: 2500, times: 5 }, /did not answer in time/);
    } finally {
      await setSetting('requestTimeoutSeconds', undefined);
    }
  });

  it('a connection reset', async () => {
    await failsThenRecovers({ kind: 'reset', times: 5 }, /Could not reach SageMaker/);
  });

  it('a malformed JSON body', async () => {
    await failsThenRecovers({ kind: 'malformed', times: 5 }, /could not be read/);
  });

  it('an HTML error page from a proxy', async () => {
    await failsThenRecovers({ kind: 'html', times: 5 }, /could not be read.*proxy/);
  });

  it('credentials that expire mid-session', async () => {
    await failsThenRecovers(
      { kind: 'error', code: 'ExpiredTokenException', message: 'The security token included in the request is expired', times: 5 },
      /credentials have expired/,
    );
  });

  it('a repeated NextToken stops with an error node: no loop, no duplicate rows; a retry continues', async () => {
    const node = await image();
    const first = await belowImage(api, node);
    await startCounting(emulator);
    // The fault answers page 2 with the token that asked for it.
    emulator.addFault({ kind: 'repeatToken', operation: 'ListImageVersions' });
    await vscode.commands.executeCommand(
      'sagemakerImages.loadMore',
      first.find((n): n is LoadMoreNode => n.kind === 'loadMore'),
    );
    const stopped = await belowImage(api, node);
    assert.deepEqual(
      versions(stopped),
      ['Version 9', 'Version 8', 'Version 7', 'Version 6'],
      'the page with the repeated token was not appended',
    );
    const error = stopped.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(error);
    assert.match(labelOf(api, error), /same continuation token twice/);
    await settled(emulator);
    assert.equal(emulator.calls('ListImageVersions').length, 1, 'no loop');
    await vscode.commands.executeCommand('sagemakerImages.retry', error);
    const rows = versions(await belowImage(api, node));
    assert.deepEqual(rows, ['Version 9', 'Version 8', 'Version 7', 'Version 6', 'Version 5', 'Version 4', 'Version 3', 'Version 2']);
  });

  it('an empty page carrying a token still shows Load more, with no automatic fetch', async () => {
    const node = await image();
    await startCounting(emulator);
    emulator.addFault({ kind: 'emptyPageWithToken', operation: 'ListImageVersions' });
    const children = await belowImage(api, node);
    await settled(emulator); // an automatic fetch, if the tree made one, has arrived by now
    assert.deepEqual(
      children.map((n) => n.kind),
      ['loadMore'],
    );
    assert.equal(emulator.calls('ListImageVersions').length, 1);
    await vscode.commands.executeCommand('sagemakerImages.loadMore', children[0]);
    assert.deepEqual(versions(await belowImage(api, node)), ['Version 9', 'Version 8', 'Version 7', 'Version 6']);
  });

  it('an image deleted between page 1 and page 2: the rows stay and the node says it is gone', async () => {
    const node = await image();
    const first = await belowImage(api, node);
    const stored = emulator.region().images.get('fault-image')!;
    emulator.region().images.delete('fault-image');
    try {
      await vscode.commands.executeCommand(
        'sagemakerImages.loadMore',
        first.find((n): n is LoadMoreNode => n.kind === 'loadMore'),
      );
      const after = await belowImage(api, node);
      assert.deepEqual(versions(after), ['Version 9', 'Version 8', 'Version 7', 'Version 6'], 'pages already shown stay');
      const error = after.find((n): n is ErrorNode => n.kind === 'error');
      assert.ok(error);
      assert.match(labelOf(api, error), /fault-image.*not found.*refresh/i);
      const item = api.tree.getTreeItem(error);
      assert.equal(
        item.command?.command,
        'sagemakerImages.refresh',
        'the click refreshes instead of retrying a page that cannot come back',
      );
      assert.equal(item.description, 'click to refresh');
    } finally {
      emulator.region().images.set('fault-image', stored);
    }
  });

  it('the emulator killed and restarted while the view is open: a network error node, then recovery on click', async () => {
    const node = await image();
    await emulator.stop();
    emulator = new SageMakerEmulator({ port });
    const failed = await belowImage(api, node);
    assert.equal(failed[0].kind, 'error');
    assert.match(labelOf(api, failed[0]), /Could not reach SageMaker/);
    await emulator.start();
    emulator.seed({ images: [{ name: 'fault-image', versions: 9 }] });
    await vscode.commands.executeCommand('sagemakerImages.retry', failed[0]);
    assert.deepEqual(versions(await belowImage(api, node)), ['Version 9', 'Version 8', 'Version 7', 'Version 6']);
  });
});

describe('race storm', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;

  before(async () => {
    emulator = new SageMakerEmulator({ latencyMs: 120 });
    await emulator.start();
    emulator.seed({ images: [{ name: 'storm-image', versions: 30 }] });
    api = await activateExtension();
    await useEndpoint(emulator.url, 5);
  });

  after(async () => {
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    await sortVersions('CREATION_TIME', 'DESCENDING');
    await resetSettings('pageSize', 'endpoint');
    await emulator.stop();
  });

  it('20 rapid sort and filter changes while pages are in flight end with exactly the final query’s first page', async () => {
    api.tree.refresh();
    const node = (await api.tree.getChildren()).find((n): n is ImageNode => n.kind === 'image')!;
    await belowImage(api, node);
    await startCounting(emulator);
    const sorts = [
      ['VERSION', 'ASCENDING'],
      ['CREATION_TIME', 'ASCENDING'],
      ['VERSION', 'DESCENDING'],
      ['LAST_MODIFIED_TIME', 'ASCENDING'],
    ] as const;
    const children: Promise<Node[]>[] = [];
    for (let i = 0; i < 20; i++) {
      if (i % 2 === 0) {
        const [by, order] = sorts[(i / 2) % sorts.length];
        await sortVersions(by, order);
      } else {
        await api.query.setDateFilters(i % 4 === 1 ? { createdAfter: new Date(Date.now() - 365 * 86_400_000) } : {});
        api.tree.applyVersionQuery();
      }
      children.push(Promise.resolve(belowImage(api, node)));
      await new Promise((r) => setTimeout(r, 15));
    }
    await Promise.all(children);
    // Final query: the last sort written (i = 18) and no date filter (i = 19).
    const final = sorts[9 % sorts.length];
    const rows = versions(await belowImage(api, node));
    const expected = (
      emulator.region().ListImageVersions({ ImageName: 'storm-image', SortBy: final[0], SortOrder: final[1], MaxResults: 5 }) as {
        ImageVersions: { Version: number }[];
      }
    ).ImageVersions.map((v) => `Version ${v.Version}`);
    assert.deepEqual(rows, expected);
    assert.equal(new Set(rows).size, rows.length, 'no duplicates');
    assert.ok(
      (emulator.peakInFlight.get('us-east-1/storm-image') ?? 0) <= 1,
      `peak in flight: ${emulator.peakInFlight.get('us-east-1/storm-image')}`,
    );
    await settled(emulator);
    const last = emulator.calls('ListImageVersions').at(-1)!;
    assert.equal(last.params.SortBy, final[0]);
    assert.equal(last.params.SortOrder, final[1]);
    assert.equal(last.params.CreationTimeAfter, undefined);
  });

  function versions(nodes: Node[]): string[] {
    return nodes.filter((n) => n.kind === 'version').map((n) => labelOf(api, n));
  }
});
