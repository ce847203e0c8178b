/**
 * What users do after finding a version, in the real host against the emulator, each
 * asserting on the emulator's request log: lazy details and aliases on hover, the details
 * document, copy alias / container URI, console links, reveal by ARN, export, regions side by
 * side, live status polling and Compare Versions.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportResult } from '../../src/commands/exportVersions';
import type { RevealResult } from '../../src/commands/revealArn';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, LoadMoreNode, Node, RegionNode, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { containerImageFor, imageVersionArn, imageArn } from '../emulator/store';
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
  findImage,
} from './helpers';

const DAY = 86_400_000;

function tooltipText(item: vscode.TreeItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

const cancelled = new vscode.CancellationTokenSource().token;

describe('after finding a version: details, copy and open, reveal, export, regions, live status, compare', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  const now = Date.now();

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        { name: 'bc-alpha', versions: 2 },
        {
          name: 'bc-kernel',
          displayName: 'Team kernel',
          versions: [
            {
              createdAt: now - 5 * DAY,
              aliases: ['stable', 'lts'],
              mlFramework: 'PyTorch 2.4',
              programmingLang: 'Python 3.11',
              processor: 'GPU',
              jobType: 'TRAINING',
              horovod: true,
              vendorGuidance: 'STABLE',
              releaseNotes: 'First cut.',
            },
            {
              createdAt: now - 4 * DAY,
              aliases: ['candidate'],
              mlFramework: 'PyTorch 2.5',
              processor: 'GPU',
              releaseNotes: 'Faster, with a comma, and "quotes".',
            },
            { createdAt: now - 3 * DAY },
            { createdAt: now - 2 * DAY, status: 'CREATE_FAILED', failureReason: 'Image pull failed, retry later' },
          ],
        },
        ...Array.from({ length: 8 }, (_, i) => ({ name: `bc-many-${i}`, versions: i === 7 ? 230 : 1 })),
        { name: 'bc-zulu', versions: 0 },
      ],
    });
    emulator.seed({ region: 'eu-west-1', images: [{ name: 'bc-europe', versions: 3 }] });
    api = await activateExtension();
    await useEndpoint(emulator.url, 3);
    await setSetting('region', 'us-east-1');
  });

  beforeEach(async () => {
    api.tree.refresh();
    emulator.faults.clear();
    await startCounting(emulator);
  });

  after(async () => {
    await resetSettings('regions', 'region', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  async function roots(parent?: Node): Promise<Node[]> {
    return api.tree.getChildren(parent);
  }

  const image = (name: string, parent?: RegionNode): Promise<ImageNode> => findImage(api, name, parent);

  async function versions(name: string): Promise<VersionNode[]> {
    const parent = await image(name);
    return (await api.tree.getChildren(parent)).filter((n): n is VersionNode => n.kind === 'version');
  }

  /** A version's row, loading version pages until it is listed. */
  async function versionNode(name: string, version: number): Promise<VersionNode> {
    const parent = await image(name);
    for (;;) {
      const nodes = await api.tree.getChildren(parent);
      const found = nodes.find((n): n is VersionNode => n.kind === 'version' && n.version.version === version);
      if (found) return found;
      const more = nodes.find((n): n is LoadMoreNode => n.kind === 'loadMore');
      assert.ok(more, `version ${version} of ${name} is not listed`);
      await vscode.commands.executeCommand('sagemakerImages.loadMore', more);
    }
  }

  describe('details and aliases, lazily', () => {
    it('a version row costs no describe call until hovered; the hover makes exactly one DescribeImageVersion and one ListAliases, cached until refresh', async () => {
      const node = await versionNode('bc-kernel', 2);
      const item = api.tree.getTreeItem(node);
      assert.equal(item.tooltip, undefined, 'the tooltip is resolved on hover, not built up front');
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 0);
      assert.equal(emulator.calls('ListAliases').length, 0);

      const resolved = await api.tree.resolveTreeItem(item, node, cancelled);
      const text = tooltipText(resolved);
      assert.deepEqual(
        emulator.calls('DescribeImageVersion').map((c) => c.params),
        [{ ImageName: 'bc-kernel', Version: 2 }],
      );
      assert.deepEqual(
        emulator.calls('ListAliases').map((c) => c.params),
        [{ ImageName: 'bc-kernel', Version: 2, MaxResults: 100 }],
      );
      assert.match(text, new RegExp(containerImageFor('us-east-1', 'bc-kernel', 2).replace(/[.]/g, '\\.')));
      assert.match(text, /PyTorch 2\\?\.5/);
      assert.match(text, /Processor: GPU/);
      assert.match(text, /Aliases: `candidate`/);
      assert.match(text, /Release notes/);

      await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, cancelled);
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 1, 'a second hover is served from the cache');

      api.tree.refresh();
      const again = await versionNode('bc-kernel', 2);
      await api.tree.resolveTreeItem(api.tree.getTreeItem(again), again, cancelled);
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 2, 'a refresh forgets the cached details');
    });

    it('a hover cancelled before the answer leaves the tooltip unset, so the next hover asks again', async () => {
      const node = await versionNode('bc-kernel', 4);
      const source = new vscode.CancellationTokenSource();
      emulator.addFault({ kind: 'delay', operation: 'DescribeImageVersion', delayMs: 300 });
      const pending = api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, source.token);
      source.cancel();
      assert.equal((await pending).tooltip, undefined);
      const text = tooltipText(await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, cancelled));
      assert.match(text, /Status: CREATE_FAILED/);
      assert.match(text, /Container image/);
      // The cancelled hover's request was not wasted: its answer served the second hover.
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 1);
    });

    it('an image hover lists every alias of the image with one ListAliases call without Version', async () => {
      const node = await image('bc-kernel');
      await startCounting(emulator);
      const text = tooltipText(await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, cancelled));
      await settled(emulator);
      assert.deepEqual(
        emulator.calls().map((c) => [c.operation, c.params]),
        [['ListAliases', { ImageName: 'bc-kernel', MaxResults: 100 }]],
      );
      assert.match(text, /`stable`, `lts`, `candidate`/);
    });

    it('a failed details call shows one line in the tooltip, not an empty one', async () => {
      const node = await versionNode('bc-kernel', 3);
      emulator.addFault({
        kind: 'error',
        operation: 'DescribeImageVersion',
        status: 400,
        code: 'AccessDeniedException',
        message: 'not allowed',
      });
      const text = tooltipText(await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, cancelled));
      assert.match(text, /Could not load the details: .*sagemaker:DescribeImageVersion/);
      assert.match(text, /Status: CREATED/);
    });

    it('Show Version Details opens a read-only JSON document, refreshed on demand', async () => {
      const node = await versionNode('bc-kernel', 1);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('sagemakerImages.showVersionDetails', node);
      assert.equal(uri.scheme, 'sagemaker-image-version');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
      const doc = JSON.parse(vscode.window.activeTextEditor!.document.getText()) as Record<string, unknown>;
      assert.equal(doc.ImageVersionArn, imageVersionArn('us-east-1', 'bc-kernel', 1));
      assert.equal(doc.ContainerImage, containerImageFor('us-east-1', 'bc-kernel', 1));
      assert.deepEqual(doc.Aliases, ['stable', 'lts']);
      assert.equal(doc.Horovod, true);
      assert.equal(doc.JobType, 'TRAINING');
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 1);

      emulator.region('us-east-1').images.get('bc-kernel')!.versions[0].releaseNotes = 'Second cut.';
      await vscode.commands.executeCommand('sagemakerImages.refreshVersionDetails');
      await waitFor(() => vscode.window.activeTextEditor?.document.getText().includes('Second cut.') === true, 'the refreshed document');
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImageVersion').length, 2);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('copy and open', () => {
    it('Copy Alias copies the version’s alias, and says so when there is none', async () => {
      const withAlias = await versionNode('bc-kernel', 2);
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyAlias', withAlias), 'candidate');
      assert.equal(await vscode.env.clipboard.readText(), 'candidate');
      const without = await versionNode('bc-kernel', 3);
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyAlias', without), undefined);
    });

    it('Copy Container Image URI: a version’s, and an image’s latest version’s', async () => {
      const v = await versionNode('bc-kernel', 2);
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', v),
        containerImageFor('us-east-1', 'bc-kernel', 2),
      );
      assert.equal(await vscode.env.clipboard.readText(), containerImageFor('us-east-1', 'bc-kernel', 2));
      await startCounting(emulator);
      const img = await image('bc-alpha');
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', img),
        containerImageFor('us-east-1', 'bc-alpha', 2),
      );
      assert.deepEqual(
        emulator.calls('DescribeImageVersion').map((c) => c.params),
        [{ ImageName: 'bc-alpha' }],
        'the latest version: DescribeImageVersion without Version',
      );
    });

    it('Open in AWS Console builds the page on the console domain of the region’s partition', async () => {
      const v = await versionNode('bc-kernel', 2);
      await startCounting(emulator);
      const url = await vscode.commands.executeCommand<string>('sagemakerImages.openInConsole', v);
      assert.match(url, /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/sagemaker\/home\?region=us-east-1#\/images\/bc-kernel/);
      assert.match(url, /2/);
      const cn = await vscode.commands.executeCommand<string>(
        'sagemakerImages.openInConsole',
        'arn:aws-cn:sagemaker:cn-north-1:123456789012:image/bc-kernel',
      );
      assert.match(cn, /console\.amazonaws\.cn\/sagemaker\/home\?region=cn-north-1#\/images\/bc-kernel/);
      const gov = await vscode.commands.executeCommand<string>(
        'sagemakerImages.openInConsole',
        'arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:image/bc-kernel',
      );
      assert.match(gov, /console\.amazonaws-us-gov\.com\/sagemaker\/home\?region=us-gov-west-1#\/images\/bc-kernel/);
      // (The visible tree may reload its own pages meanwhile; the command itself calls nothing.)
      await settled(emulator);
      assert.deepEqual(
        emulator.calls().filter((c) => !c.operation.startsWith('List')),
        [],
        'a console link needs no call',
      );
      assert.deepEqual(emulator.calls('ListAliases'), []);
    });
  });

  describe('Reveal Image Version by ARN', () => {
    it('expands the tree to a version, loading only the pages needed, and selects it', async () => {
      await vscode.commands.executeCommand('sagemakerImages.images.focus');
      // bc-many-7 is on the 4th page of images (3 per page); version 225 of 230 is on the 2nd page of versions.
      const arn = imageVersionArn('us-east-1', 'bc-many-7', 225);
      const result = await vscode.commands.executeCommand<RevealResult>('sagemakerImages.revealArn', arn);
      assert.equal(result, 'found');
      await waitFor(() => api.view.selection.length === 1, 'the revealed row selected');
      const selected = api.view.selection[0];
      assert.equal(selected.kind, 'version');
      assert.equal((selected as VersionNode).version.imageVersionArn, arn);
      await settled(emulator);
      assert.equal(emulator.calls('ListImages').length, 4, 'image pages up to the image, no more');
      assert.equal(emulator.calls('ListImageVersions').length, 2, 'version pages up to the version, no more');
    });

    it('refuses a malformed ARN without a call, and names a version that does not exist', async () => {
      const bad = await vscode.commands.executeCommand<RevealResult>(
        'sagemakerImages.revealArn',
        'arn:aws:sagemaker:us-east-1:123456789012:image-version/BC-Kernel/2',
      );
      assert.equal(bad, 'invalid');
      await settled(emulator);
      assert.equal(emulator.calls().length, 0);
      const missing = await vscode.commands.executeCommand<RevealResult>(
        'sagemakerImages.revealArn',
        imageVersionArn('us-east-1', 'bc-kernel', 99),
      );
      assert.equal(missing, 'versionNotListed');
    });

    it('does not select a same-named image of another account', async () => {
      const arn = 'arn:aws:sagemaker:us-east-1:111111111111:image-version/bc-kernel/2';
      assert.equal(await vscode.commands.executeCommand<RevealResult>('sagemakerImages.revealArn', arn), 'otherAccount');
    });

    it('switches region when the ARN says so (after asking), then reveals', async () => {
      const arn = imageVersionArn('eu-west-1', 'bc-europe', 2);
      try {
        const cancellation = new vscode.CancellationTokenSource().token;
        const result = await vscode.commands.executeCommand<RevealResult>('sagemakerImages.revealArn', arn, {
          confirmRegionSwitch: true,
          cancellation,
        });
        assert.equal(result, 'found');
        assert.equal(vscode.workspace.getConfiguration('sagemakerImages').get('region'), 'eu-west-1');
        await settled(emulator);
        const europe = emulator.calls().filter((c) => c.params.ImageName === 'bc-europe');
        assert.ok(europe.length > 0 && europe.every((c) => c.region === 'eu-west-1'));
        await waitFor(() => api.view.selection.length === 1 && api.view.selection[0].kind === 'version', 'the revealed row selected');
        assert.equal((api.view.selection[0] as VersionNode).version.imageVersionArn, arn);
      } finally {
        await setSetting('region', 'us-east-1');
        await api.settled();
        await waitFor(() => api.session.settings.region === 'us-east-1', 'back in us-east-1');
      }
    });
  });

  describe('Export Versions', () => {
    let dir: string;
    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'smiv-export-'));
    });

    it('streams every version under the current sort and filters to JSON, page by page, as the API returned them', async () => {
      const node = await image('bc-many-7');
      await startCounting(emulator);
      const file = vscode.Uri.file(path.join(dir, 'many.json'));
      const result = await vscode.commands.executeCommand<ExportResult>('sagemakerImages.exportVersions', node, {
        uri: file,
        cancellation: new vscode.CancellationTokenSource().token,
      });
      assert.equal(result.count, 230);
      assert.equal(result.pages, 3);
      await settled(emulator);
      const calls = emulator.calls('ListImageVersions');
      assert.equal(calls.length, 3);
      assert.ok(
        calls.every((c) => c.params.MaxResults === 100 && c.params.SortBy === 'CREATION_TIME' && c.params.SortOrder === 'DESCENDING'),
      );
      const written = JSON.parse(await fs.readFile(file.fsPath, 'utf8')) as { ImageVersions: Record<string, unknown>[] };
      const stored = [...emulator.region('us-east-1').images.get('bc-many-7')!.versions].sort((a, b) => b.creationTime - a.creationTime);
      assert.deepEqual(
        written.ImageVersions.map((v) => [v.Version, v.ImageVersionArn, v.CreationTime]),
        stored.map((v) => [v.version, imageVersionArn('us-east-1', 'bc-many-7', v.version), new Date(v.creationTime).toISOString()]),
      );
    });

    it('writes CSV with the failure reason quoted, under a version sort', async () => {
      await sortVersions('VERSION', 'ASCENDING');
      try {
        const node = await image('bc-kernel');
        const file = vscode.Uri.file(path.join(dir, 'kernel.csv'));
        const result = await vscode.commands.executeCommand<ExportResult>('sagemakerImages.exportVersions', node, {
          uri: file,
          cancellation: new vscode.CancellationTokenSource().token,
        });
        assert.equal(result.format, 'csv');
        const lines = (await fs.readFile(file.fsPath, 'utf8')).split('\r\n');
        assert.equal(lines[0], 'ImageArn,ImageVersionArn,Version,ImageVersionStatus,CreationTime,LastModifiedTime,FailureReason');
        assert.deepEqual(
          lines.slice(1, 5).map((l) => l.split(',')[2]),
          ['1', '2', '3', '4'],
        );
        assert.ok(lines[4].endsWith(',"Image pull failed, retry later"'), lines[4]);
        assert.equal(lines[1].split(',')[0], imageArn('us-east-1', 'bc-kernel'));
      } finally {
        await sortVersions('CREATION_TIME', 'DESCENDING');
      }
    });

    it('a cancelled export stops, aborts the page on its way, and leaves the existing file untouched', async () => {
      const node = await image('bc-many-7');
      await startCounting(emulator);
      const file = vscode.Uri.file(path.join(dir, 'cancelled.json'));
      await fs.writeFile(file.fsPath, 'an earlier export');
      const cancel = new vscode.CancellationTokenSource();
      // The second page is slow; cancel while it is on its way.
      emulator.addFault({ kind: 'delay', operation: 'ListImageVersions', delayMs: 800, times: 2 });
      const running = vscode.commands.executeCommand<ExportResult>('sagemakerImages.exportVersions', node, {
        uri: file,
        cancellation: cancel.token,
      });
      await waitFor(() => emulator.calls('ListImageVersions').length >= 1, 'the first page requested');
      cancel.cancel();
      const result = await running;
      assert.equal(result.cancelled, true);
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, 1, 'no page after the cancel');
      assert.equal(await fs.readFile(file.fsPath, 'utf8'), 'an earlier export');
      assert.deepEqual(
        (await fs.readdir(dir)).filter((f) => f.endsWith('.partial')),
        [],
        'no partial file left',
      );
    });

    it('refuses a file that is neither .json nor .csv, and sends nothing', async () => {
      const node = await image('bc-kernel');
      await startCounting(emulator);
      const result = await vscode.commands.executeCommand('sagemakerImages.exportVersions', node, {
        uri: vscode.Uri.file(path.join(dir, 'x.txt')),
        cancellation: new vscode.CancellationTokenSource().token,
      });
      assert.equal(result, undefined);
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, 0);
    });
  });

  describe('regions side by side', () => {
    afterEach(async () => {
      await resetSettings('regions');
      await api.settled();
      api.tree.refresh();
    });

    it('a palette picker asks for the region first, then lists that region’s images', async () => {
      await setSetting('regions', ['us-east-1', 'eu-west-1']);
      await waitFor(() => api.tree.isSideBySide, 'region roots');
      const [usRegion] = await roots();
      // Only a region row selected (no image): the command asks.
      await api.view.reveal(usRegion, { select: true, focus: false });
      await waitFor(() => api.view.selection.length === 1 && api.view.selection[0].kind === 'region', 'a region row selected');
      await startCounting(emulator);
      // The pickers are answered as a keyboard user would. The pickers are answered as a keyboard user would.
      const copied = vscode.commands.executeCommand<string | undefined>('sagemakerImages.copyImageArn');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => emulator.calls('ListImages').some((c) => c.params.MaxResults === 100), 'the image picker listing');
      await new Promise((r) => setTimeout(r, 500));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await copied, imageArn('eu-west-1', 'bc-europe'));
      assert.deepEqual(
        emulator
          .calls('ListImages')
          .filter((c) => c.params.MaxResults === 100)
          .map((c) => c.region),
        ['eu-west-1'],
        'the picker listed the picked region',
      );
    });

    it('one entry is the region, for the tree and the session alike', async () => {
      await setSetting('regions', ['eu-west-1']);
      await waitFor(() => api.session.settings.region === 'eu-west-1', 'the session in eu-west-1');
      assert.equal(api.tree.isSideBySide, false);
      const top = await roots();
      assert.deepEqual(
        top.map((n) => labelOf(api, n)),
        ['bc-europe'],
      );
      assert.equal(await api.session.region(), 'eu-west-1');
    });

    it('with two regions the roots are region nodes, each with its own images, pages and errors', async () => {
      await setSetting('regions', ['us-east-1', 'eu-west-1']);
      await waitFor(() => api.tree.isSideBySide, 'region roots');
      await startCounting(emulator);
      emulator.addFault({
        kind: 'error',
        region: 'us-east-1',
        operation: 'ListImages',
        status: 400,
        code: 'AccessDeniedException',
        message: 'no',
      });
      const top = await roots();
      assert.deepEqual(
        top.map((n) => labelOf(api, n)),
        ['us-east-1', 'eu-west-1'],
      );
      const us = await roots(top[0]);
      const eu = await roots(top[1]);
      assert.equal(us.length, 1);
      assert.equal(us[0].kind, 'error', 'us-east-1 failed on its own');
      assert.deepEqual(
        eu.map((n) => labelOf(api, n)),
        ['bc-europe'],
      );
      await settled(emulator);
      const calls = emulator.calls('ListImages');
      assert.deepEqual(calls.map((c) => c.region).sort(), ['eu-west-1', 'us-east-1']);
      // The error node retries its own region only.
      await vscode.commands.executeCommand('sagemakerImages.retry', us[0]);
      const usAgain = await roots(top[0]);
      assert.deepEqual(
        usAgain.slice(0, 3).map((n) => labelOf(api, n)),
        ['bc-alpha', 'bc-kernel', 'bc-many-0'],
      );
      await settled(emulator);
      assert.equal(emulator.calls('ListImages').filter((c) => c.region === 'eu-west-1').length, 1);
      const v = (await api.tree.getChildren(eu[0])).filter((n): n is VersionNode => n.kind === 'version');
      assert.equal(v[0].version.imageVersionArn, imageVersionArn('eu-west-1', 'bc-europe', 3));
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').at(-1)?.region, 'eu-west-1');
    });
  });

  describe('live status', () => {
    before(async () => {
      await vscode.commands.executeCommand('sagemakerImages.images.focus');
      await waitFor(() => api.view.visible, 'the view visible');
    });
    after(() => api.setLiveStatusIntervals({}));

    it('re-polls an image while a version is CREATING, updates the row in place, and stops when nothing is transient', async () => {
      api.setLiveStatusIntervals({ baseMs: 300, maxMs: 1200 });
      emulator.seed({
        images: [{ name: 'bc-live', versions: [{ createdAt: now - DAY }, { createdAt: now - 60_000, status: 'CREATING' }] }],
      });
      api.tree.refresh();
      const node = await image('bc-live');
      const first = (await api.tree.getChildren(node)).filter((n): n is VersionNode => n.kind === 'version');
      assert.equal(first[0].version.imageVersionStatus, 'CREATING');
      assert.deepEqual(api.tree.live.watching, [`versions ${node.id}`]);
      // Polls every 300 ms here: quiet may never come while it runs, so the log is cleared as is
      // and the first poll of this image is read (nothing is counted until polling stops).
      emulator.clearRequests();
      await waitFor(() => emulator.calls('ListImageVersions').some((c) => c.params.ImageName === 'bc-live'), 'a first poll', 3000);
      const poll = emulator.calls('ListImageVersions').find((c) => c.params.ImageName === 'bc-live')!.params;
      assert.equal(poll.SortBy, 'CREATION_TIME');
      assert.equal(poll.SortOrder, 'ASCENDING');
      assert.equal(typeof poll.CreationTimeAfter, 'number');

      emulator.region('us-east-1').images.get('bc-live')!.versions[1].status = 'CREATED';
      await waitFor(() => api.tree.live.watching.length === 0, 'polling to stop', 5000);
      const after = (await api.tree.getChildren(node)).filter((n): n is VersionNode => n.kind === 'version');
      assert.equal(after[0].version.imageVersionStatus, 'CREATED');
      await settled(emulator);
      const count = emulator.calls('ListImageVersions').length;
      await new Promise((r) => setTimeout(r, 1500));
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, count, 'no call once nothing is transient');
    });

    it('re-polls an image in a transient state with DescribeImage and updates its row', async () => {
      api.setLiveStatusIntervals({ baseMs: 300, maxMs: 1200 });
      emulator.seed({ images: [{ name: 'bc-live-image', status: 'UPDATING', versions: 1 }] });
      api.tree.refresh();
      const node = await image('bc-live-image');
      assert.equal(node.image.imageStatus, 'UPDATING');
      assert.ok(api.tree.live.watching.includes(`image ${node.id}`));
      emulator.clearRequests(); // (as above: polling every 300 ms)
      await waitFor(() => emulator.calls('DescribeImage').length >= 1, 'a first image poll', 3000);
      assert.deepEqual(emulator.calls('DescribeImage')[0].params, { ImageName: 'bc-live-image' });
      emulator.region('us-east-1').images.get('bc-live-image')!.status = 'CREATED';
      await waitFor(() => !api.tree.live.watching.includes(`image ${node.id}`), 'image polling to stop', 5000);
      assert.equal((await image('bc-live-image')).image.imageStatus, 'CREATED');
      await settled(emulator);
      const count = emulator.calls('DescribeImage').length;
      await new Promise((r) => setTimeout(r, 1500));
      await settled(emulator);
      assert.equal(emulator.calls('DescribeImage').length, count);
      emulator.region('us-east-1').images.delete('bc-live-image');
    });

    it('does not poll while the view is hidden', async () => {
      api.setLiveStatusIntervals({ baseMs: 300, maxMs: 300 });
      emulator.region('us-east-1').images.get('bc-live')!.versions[1].status = 'DELETING';
      api.tree.refresh();
      const node = await image('bc-live');
      await api.tree.getChildren(node);
      assert.equal(api.tree.live.watching.length, 1);
      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor(() => !api.view.visible, 'the view hidden');
      await startCounting(emulator);
      await new Promise((r) => setTimeout(r, 1000));
      await settled(emulator);
      assert.equal(emulator.calls('ListImageVersions').length, 0);
      await vscode.commands.executeCommand('sagemakerImages.images.focus');
      await waitFor(() => emulator.calls('ListImageVersions').length >= 1, 'polling to resume', 3000);
      // Deleted meanwhile: the row goes.
      emulator.region('us-east-1').images.get('bc-live')!.versions.pop();
      await waitFor(() => api.tree.live.watching.length === 0, 'polling to stop', 5000);
      const rows = (await api.tree.getChildren(node)).filter((n): n is VersionNode => n.kind === 'version');
      assert.deepEqual(
        rows.map((r) => r.version.version),
        [1],
      );
    });
  });

  describe('Compare Versions', () => {
    it('opens the diff editor on two selected versions’ details documents, older on the left', async () => {
      const [v4, , v2] = await versions('bc-kernel');
      await startCounting(emulator);
      const uris = await vscode.commands.executeCommand<[vscode.Uri, vscode.Uri]>('sagemakerImages.compareVersions', v4, [v4, v2]);
      assert.deepEqual(
        uris.map((u) => u.path),
        ['/us-east-1/bc-kernel/bc-kernel.v2.json', '/us-east-1/bc-kernel/bc-kernel.v4.json'],
      );
      await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff, 'a diff tab');
      const input = vscode.window.tabGroups.activeTabGroup.activeTab!.input as vscode.TabInputTextDiff;
      assert.equal(input.original.toString(), uris[0].toString());
      assert.equal(input.modified.toString(), uris[1].toString());
      await waitFor(() => emulator.calls('DescribeImageVersion').length === 2, 'both documents loaded');
      await settled(emulator);
      assert.deepEqual(
        emulator
          .calls('DescribeImageVersion')
          .map((c) => c.params.Version)
          .sort(),
        [2, 4],
      );
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
});
