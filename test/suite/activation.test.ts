/**
 * The first tests prove the host is real: the extension activates in it, its commands and view
 * are contributed and registered, and it reaches an emulator started here through the
 * configured endpoint, over real HTTP with the real SDK.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, EXTENSION_ID, labelOf, setSetting, settled, startCounting } from './helpers';

interface Contributes {
  commands: { command: string; title: string; category?: string }[];
  views: Record<string, { id: string; name: string }[]>;
  viewsContainers: { activitybar: { id: string; title: string }[] };
}

describe('the extension in a real VS Code host', () => {
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  const contributes = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes as Contributes;

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        { name: 'host-test-alpha', displayName: 'Alpha', versions: 3 },
        { name: 'host-test-beta', versions: 0 },
      ],
    });
    api = await activateExtension();
  });

  after(async () => {
    await setSetting('endpoint', undefined);
    await emulator.stop();
  });

  it('runs inside VS Code with a version this extension supports', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const [, minor] = vscode.version.split('.').map(Number);
    assert.ok(minor >= 90, `VS Code ${vscode.version} is older than engines.vscode ^1.90.0`);
  });

  it('activates and returns its API', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive);
    assert.ok(api.tree, 'the activation result exposes the tree provider');
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = contributes().commands.map((c) => c.command);
    assert.ok(contributed.length >= 4);
    for (const id of contributed) assert.ok(registered.has(id), `command ${id} is contributed but not registered`);
    for (const c of contributes().commands) assert.equal(c.category, 'SageMaker Images', `${c.command} has the category`);
  });

  it('contributes the SageMaker Images container and the Images view, and the view opens', async () => {
    const container = contributes().viewsContainers.activitybar.find((c) => c.id === 'sagemakerImages');
    assert.equal(container?.title, 'SageMaker Images');
    const view = contributes().views.sagemakerImages?.find((v) => v.id === 'sagemakerImages.images');
    assert.equal(view?.name, 'Images');
    await vscode.commands.executeCommand('workbench.view.extension.sagemakerImages');
    await vscode.commands.executeCommand('sagemakerImages.images.focus');
  });

  it('reaches the emulator through the configured endpoint', async () => {
    await setSetting('endpoint', emulator.url);
    await startCounting(emulator);
    const result = await vscode.commands.executeCommand<{ ok: boolean; region?: string; sampleImage?: string; message: string }>(
      'sagemakerImages.testConnection',
    );
    assert.equal(result.ok, true, result.message);
    assert.equal(result.region, 'us-east-1');
    await settled(emulator);
    // Only what Test Connection sends (one image, MaxResults 1): the tree may list its roots for
    // the endpoint change meanwhile, with the page size.
    const calls = emulator.calls('ListImages').filter((c) => c.params.MaxResults === 1);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].params, { MaxResults: 1 });
    assert.equal(calls[0].region, 'us-east-1', 'the request was signed for us-east-1');
  });

  it('lists the emulator’s images as the tree’s roots', async () => {
    await setSetting('endpoint', emulator.url);
    api.tree.refresh();
    await startCounting(emulator);
    const roots = await api.tree.getChildren();
    assert.deepEqual(
      roots.map((n) => labelOf(api, n)),
      ['host-test-alpha', 'host-test-beta'],
    );
    await settled(emulator);
    assert.equal(emulator.calls('ListImages').length, 1);
    assert.equal(emulator.calls('ListImageVersions').length, 0, 'collapsed images cost no call');
  });
});
