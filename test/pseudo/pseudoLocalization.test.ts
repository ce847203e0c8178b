/**
 * Every string the extension shows goes through its bundles: run in VS Code's pseudo locale
 * (qps-ploc, see test/host/runHostTests.ts), where l10n/bundle.l10n.qps-ploc.json replaces every
 * ASCII letter of every message, the tree's labels and tooltips, the pickers' placeholders and an
 * error node's message (made in src/aws through @vscode/l10n) must hold no ASCII letter once what
 * is data has been taken out: what the service said (image names, statuses, ARNs and URIs in code
 * spans, operation and region names), link targets and theme icons. An English word left over is
 * a string that bypasses vscode.l10n.t or l10n.t, or a call whose first argument is not a
 * literal (the extractor cannot see it, so the bundle has no translation for it).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ErrorNode, ImageNode, Node, VersionNode } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, labelOf, resetSettings, settled, useEndpoint, waitFor } from '../suite/helpers';

const IMAGE = 'plocimage';
const REGION = 'us-east-1';
/** Text that is the service's (or an API's) and stays as it is in every language. */
const DATA = [IMAGE, REGION, 'CREATED', 'ListImageVersions', 'ListImages', 'UTC'];

/** The ASCII words left in `text` once data is taken out: each is an untranslated string of ours. */
function untranslated(text: string): string[] {
  let rest = text
    .replace(/`[^`]*`/g, ' ') // code spans: ARNs, container URIs, error codes, request ids (mdCode)
    .replace(/\]\([^)]*\)/g, '] ') // link targets: command:… URIs
    .replace(/\$\([a-z-]+\)/g, ' '); // theme icons
  for (const d of DATA) rest = rest.split(d).join(' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

/** Asserts `text` is pseudo-localized: something of ours is in it, and none of it is English. */
function assertPseudo(text: string | undefined, what: string): void {
  assert.ok(text, `${what} is empty`);
  assert.match(text, /[\u0100-\u024f\u1e00-\u1eff]/, `${what} holds no pseudo-localized text: ${text}`);
  assert.deepEqual(untranslated(text), [], `${what} has English left in it: ${text}`);
}

function tooltipOf(item: vscode.TreeItem): string {
  const t = item.tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

type Window = { showQuickPick: unknown; createQuickPick: unknown };

describe('pseudo-localized UI (qps-ploc): every string goes through the bundles', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  const cancelled = new vscode.CancellationTokenSource().token;

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({ images: [{ name: IMAGE, versions: 2 }] });
    api = await activateExtension();
    await useEndpoint(emulator.url, 10);
  });

  after(async () => {
    await resetSettings('endpoint', 'pageSize');
    await emulator.stop();
  });

  async function imageNode(): Promise<ImageNode> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === IMAGE);
    assert.ok(node, `no row for ${IMAGE}: ${roots.map((n) => labelOf(api, n)).join(', ')}`);
    return node;
  }

  it('runs in the pseudo locale, with the extension’s pseudo bundle loaded', () => {
    assert.equal(vscode.env.language, 'qps-ploc');
    assert.ok(vscode.l10n.bundle, 'VS Code loaded no bundle for the extension');
    // The manifest as VS Code localized it: a translated title is { value, original }.
    const manifest = vscode.extensions.getExtension('sagemaker-image-versions.sagemaker-image-versions')?.packageJSON as {
      contributes: { commands: { title: string | { value: string; original: string } }[] };
    };
    const first = manifest.contributes.commands[0].title;
    const title = typeof first === 'string' ? first : first.value;
    assertPseudo(title, 'the first command title (package.nls.qps-ploc.json)');
  });

  it('tree: image and version rows, their tooltips', async () => {
    api.tree.refresh();
    const image = await imageNode();
    const imageItem = await api.tree.resolveTreeItem(api.tree.getTreeItem(image), image, cancelled);
    assertPseudo(tooltipOf(imageItem), 'the image tooltip');
    assertPseudo(imageItem.accessibilityInformation?.label, 'the image row’s accessibility label');

    const versions = (await api.tree.getChildren(image)).filter((n): n is VersionNode => n.kind === 'version');
    assert.equal(versions.length, 2);
    const item = api.tree.getTreeItem(versions[0]);
    assertPseudo(typeof item.label === 'string' ? item.label : item.label?.label, 'a version row’s label');
    const resolved = await api.tree.resolveTreeItem(item, versions[0], cancelled);
    assertPseudo(tooltipOf(resolved), 'a version tooltip');
  });

  it('an error node: its label, with the message made in src/aws, and its tooltip', async () => {
    api.tree.refresh();
    const image = await imageNode();
    await settled(emulator);
    emulator.addFault({ kind: 'throttle', operation: 'ListImageVersions', times: 3 });
    const children: Node[] = await api.tree.getChildren(image);
    const error = children.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(error, 'throttling beyond the retries makes an error node');
    const item = api.tree.getTreeItem(error);
    assertPseudo(labelOf(api, error), 'the error node’s label');
    assertPseudo(tooltipOf(await api.tree.resolveTreeItem(item, error, cancelled)), 'the error node’s tooltip');
    await settled(emulator);
  });

  it('pickers: the placeholders and titles of Sort Versions… and of the paged image picker', async () => {
    const window = vscode.window as unknown as Window;
    const saved = { showQuickPick: window.showQuickPick, createQuickPick: window.createQuickPick };
    const shown: vscode.QuickPickOptions[] = [];
    const created: vscode.QuickPick<vscode.QuickPickItem>[] = [];
    window.showQuickPick = async (_items: unknown, options: vscode.QuickPickOptions) => {
      shown.push(options);
      return undefined;
    };
    const realCreate = saved.createQuickPick as typeof vscode.window.createQuickPick;
    window.createQuickPick = () => {
      const picker = realCreate<vscode.QuickPickItem>();
      created.push(picker);
      return picker;
    };
    try {
      await vscode.commands.executeCommand('sagemakerImages.sortVersions');
      const copying = vscode.commands.executeCommand('sagemakerImages.copyImageArn');
      await waitFor(() => created.length === 1 && created[0].items.some((i) => i.label === IMAGE), 'the image picker’s first page');
      const picker = created[0];
      const placeholder = picker.placeholder;
      const title = picker.title;
      picker.hide();
      await copying;
      assert.equal(shown.length, 1, 'Sort Versions… showed one quick pick');
      assertPseudo(shown[0].placeHolder, 'the Sort Versions… placeholder');
      assertPseudo(placeholder, 'the image picker’s placeholder');
      assertPseudo(title, 'the image picker’s title');
    } finally {
      Object.assign(window, saved);
    }
  });
});
