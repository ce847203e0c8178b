/**
 * Where an image is used (issue 16) in the real host against the demo account: what one scan
 * sends (the emulator's request log), that no more than four requests are ever in flight, that a
 * cached scan answers the next image, the Used by node and the version rows without a call, that
 * Refresh forgets it, a partial answer when DescribeUserProfile is refused, and the warnings the
 * delete modals show (scanning first when nothing is cached).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { UsageMatch } from '../../src/tree/model/usageScan';
import type { ImageNode, Node, UsageNode, UsedByNode, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, findImage, resetSettings, setSetting, settled, startCounting, useEndpoint, waitFor } from './helpers';
import { ScriptedUi, type Dialog } from './scriptedUi';

const STUDIO = /^(List|Describe)(Domain|Domains|UserProfile|UserProfiles|Space|Spaces)$/;

describe('where an image is used: Show Where Used, Used by and the delete warnings on the request log', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  const studioCalls = () => emulator.calls().filter((c) => STUDIO.test(c.operation));
  const image = (name: string): Promise<ImageNode> => findImage(api, name);

  async function versionRow(name: string, version: number): Promise<VersionNode> {
    const rows = (await api.tree.getChildren(await image(name))).filter((n): n is VersionNode => n.kind === 'version');
    const row = rows.find((v) => v.version.version === version);
    assert.ok(row, `version ${version} of ${name}`);
    return row;
  }

  async function usedBy(name: string): Promise<UsedByNode> {
    const [first] = await api.tree.getChildren(await image(name));
    assert.equal(first.kind, 'usedBy');
    return first as UsedByNode;
  }

  async function labelsUnder(node: Node): Promise<string[]> {
    const out: string[] = [];
    for (const child of await api.tree.getChildren(node)) {
      out.push((child as UsageNode).label);
      if (child.kind === 'usage') out.push(...(await labelsUnder(child)).map((l) => `  ${l}`));
    }
    return out;
  }

  before(async () => {
    // 20 ms per answer, so that requests overlap and the bound on them is what limits the scan.
    emulator = new SageMakerEmulator({ fixture: 'demo', latencyMs: 20 });
    await emulator.start();
    api = await activateExtension();
    await useEndpoint(emulator.url, 50);
    await setSetting('region', 'us-east-1');
    await vscode.commands.executeCommand('sagemakerImages.images.focus');
    await waitFor(() => api.view.visible, 'the view visible');
  });

  // A Used by node the view still shows expanded would scan again by itself after a refresh: collapse first.
  const collapseAll = () => vscode.commands.executeCommand('workbench.actions.treeView.sagemakerImages.images.collapseAll');

  beforeEach(async () => {
    emulator.faults.clear();
    await collapseAll();
    api.tree.refresh();
    await startCounting(emulator);
  });

  after(async () => {
    await collapseAll();
    // Leave the view hidden, as the suites after this one expect: a visible view loads rows by itself, which those suites would count.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.view.visible, 'the view hidden');
    await resetSettings('region', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  it('Show Where Used on a version scans once, at most 4 requests in flight, and opens the image’s Used by', async () => {
    const row = await versionRow('conda-env-kernel', 12);
    await startCounting(emulator);
    const ui = new ScriptedUi([]);
    const matches = await ui.run(() => vscode.commands.executeCommand<UsageMatch[]>('sagemakerImages.showImageUsage', row));
    assert.deepEqual(
      matches?.map((m) => `${m.owner.kind} ${m.owner.name ?? ''} ${m.appType} ${m.viaLatest ? 'latest' : String(m.version)}`).sort(),
      ['userProfile alice JupyterLab 12', 'userProfile carol CodeEditor latest', 'userProfile frank JupyterLab latest'],
    );
    await settled(emulator);
    const calls = studioCalls();
    const count = (op: string) => calls.filter((c) => c.operation === op).length;
    assert.deepEqual(
      {
        ListDomains: count('ListDomains'),
        DescribeDomain: count('DescribeDomain'),
        ListUserProfiles: count('ListUserProfiles'),
        DescribeUserProfile: count('DescribeUserProfile'),
        ListSpaces: count('ListSpaces'),
        DescribeSpace: count('DescribeSpace'),
      },
      { ListDomains: 1, DescribeDomain: 2, ListUserProfiles: 2, DescribeUserProfile: 7, ListSpaces: 2, DescribeSpace: 4 },
    );
    assert.ok(emulator.activity().peakInFlight <= 4, `at most 4 in flight, saw ${emulator.activity().peakInFlight}`);
    assert.ok(emulator.activity().peakInFlight >= 2, 'requests did overlap (the bound was what limited them)');
    // The latest version of each image referenced as "latest", once: that is what "latest" counts for.
    assert.deepEqual(
      emulator
        .calls('DescribeImageVersion')
        .filter((c) => c.params.Version === undefined)
        .map((c) => c.params.ImageName)
        .sort(),
      ['conda-env-kernel', 'pytorch-nightly-gpu', 'single-version-kernel'],
    );
    const selected = api.view.selection[0];
    assert.equal(selected?.kind, 'usedBy', 'the image’s Used by node is revealed and selected');
    assert.match(
      ui.dialogs.at(-1)?.message ?? '',
      /^version 12 of conda-env-kernel is used 3 times in us-east-1: user profile alice in domain ml-platform/,
    );

    // Cached: another image, the Used by node and the rows read it without a call.
    await startCounting(emulator);
    const nightly = await labelsUnder(await usedBy('pytorch-nightly-gpu'));
    assert.ok(nightly.includes('    KernelGateway'), nightly.join('\n'));
    const again = new ScriptedUi([]);
    const single = await image('single-version-kernel');
    await again.run(() => vscode.commands.executeCommand('sagemakerImages.showImageUsage', single));
    const fresh = await versionRow('conda-env-kernel', 12);
    assert.match(String(api.tree.getTreeItem(fresh).description), /pinned by 3$/);
    const item = await api.tree.resolveTreeItem(api.tree.getTreeItem(fresh), fresh, new vscode.CancellationTokenSource().token);
    assert.match((item.tooltip as vscode.MarkdownString).value, /user profile alice in domain ml-platform/);
    // The ARN hover says it too, from the cache.
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:image-version/conda-env-kernel/12';
    const doc = await vscode.workspace.openTextDocument({ content: `image = "${arn}"\n`, language: 'plaintext' });
    const hover = await api.hovers.provideHover(doc, new vscode.Position(0, 20), new vscode.CancellationTokenSource().token);
    const text = (hover?.contents[0] as vscode.MarkdownString | undefined)?.value ?? '';
    assert.match(text, /Pinned by 3 in Studio: user profile alice in domain ml-platform/);
    await settled(emulator);
    assert.deepEqual(studioCalls(), [], 'answered from the cached scan');
  });

  it('Refresh forgets the scan: expanding Used by scans again', async () => {
    const before = await labelsUnder(await usedBy('conda-env-kernel'));
    assert.ok(before.length > 0);
    await settled(emulator);
    assert.equal(studioCalls().length, 18, 'the scan after the refresh (beforeEach)');
  });

  it('a refused DescribeUserProfile gives a partial answer that names the action, and still shows what it read', async () => {
    emulator.addFault({
      kind: 'error',
      operation: 'DescribeUserProfile',
      status: 400,
      code: 'AccessDeniedException',
      message: 'not authorized',
      times: 100,
    });
    const rows = await labelsUnder(await usedBy('conda-env-kernel'));
    assert.ok(
      rows.includes('Partial: sagemaker:DescribeUserProfile was refused (7 requests); what it would have read is missing'),
      rows.join('\n'),
    );
    assert.ok(rows.includes('    fraud-notebooks'.trim()) || rows.some((r) => r.trim() === 'fraud-notebooks'), 'the space is still shown');
    const node = await usedBy('conda-env-kernel');
    assert.match(String(api.tree.getTreeItem(node).description), /partial$/);
  });

  it('Delete Image Version… whose check is cancelled: the scan stops, is not cached, no modal shows and nothing is deleted', async () => {
    const row = await versionRow('conda-env-kernel', 12);
    // The user presses Cancel on the progress once it has counted two requests; had the scan gone on, the modal would be confirmed.
    const ui = new ScriptedUi([], () => 'Delete Version', 2);
    await ui.run(() => vscode.commands.executeCommand('sagemakerImages.deleteImageVersion', row));
    assert.equal(ui.progress.length, 1, 'one progress');
    const [progress] = ui.progress;
    assert.equal(progress.title, 'Checking where conda-env-kernel is used before deleting…');
    assert.ok(progress.cancellable && progress.cancelled, 'cancellable, and cancelled');
    assert.match(progress.messages[0] ?? '', /^\d+ domains, \d+ user profiles, \d+ spaces \(\d+ of \d+ requests\)$/);
    assert.deepEqual(ui.dialogs, [], 'no modal and no notification: a cancel is silent');
    await settled(emulator);
    assert.ok(studioCalls().length < 18, `the scan stopped (${studioCalls().length} of its 18 requests sent)`);
    assert.equal(api.tree.usage.cached('us-east-1'), undefined, 'a cancelled scan is not cached');
    assert.deepEqual(emulator.calls('DeleteImageVersion'), []);
  });

  it('Delete Image Version… scans first and warns in its modal who pins the version; cancelled, nothing is deleted', async () => {
    const row = await versionRow('conda-env-kernel', 12);
    const ui = new ScriptedUi([], () => undefined);
    await ui.run(() => vscode.commands.executeCommand('sagemakerImages.deleteImageVersion', row));
    const modal = ui.dialogs.find((d: Dialog) => d.modal);
    assert.ok(modal, 'the modal');
    assert.match(modal.detail ?? '', /Still in use: pinned by 3:/);
    assert.match(modal.detail ?? '', /• user profile alice in domain ml-platform \(d-[a-z0-9]+\) \(JupyterLab\)/);
    assert.match(modal.detail ?? '', /• user profile carol in domain ml-platform \(d-[a-z0-9]+\) \(CodeEditor, as “latest”\)/);
    await settled(emulator);
    assert.equal(studioCalls().length, 18, 'it scanned first (nothing was cached)');
    assert.deepEqual(emulator.calls('DeleteImageVersion'), []);
  });

  it('Delete Image… warns about every reference to the image', async () => {
    const ui = new ScriptedUi([], () => undefined);
    await ui.run(async () => vscode.commands.executeCommand('sagemakerImages.deleteImage', await image('pytorch-nightly-gpu')));
    const modal = ui.dialogs.find((d: Dialog) => d.modal);
    assert.ok(modal);
    assert.match(modal.detail ?? '', /Still in use: 4 references:/);
    assert.match(modal.detail ?? '', /user profile bob in domain ml-platform/);
    await settled(emulator);
    assert.deepEqual(emulator.calls('DeleteImage'), []);
  });
});
