/**
 * Service text is data, never markup (issue 13, findings 1.1 and 1.6), in the real host: an image
 * whose every free-text member holds markup (the emulator's hostile fixture), an error whose
 * message and code do, and ARNs in a file whose region does. The MarkdownStrings the extension
 * hands VS Code (resolved tooltips, error-node tooltips, ARN hovers) are parsed by
 * a CommonMark parser (markdown-it, with HTML, GFM and linkify on): no link, image or HTML may come
 * from the payload, the only links are the extension's own trusted commands, no payload icon is
 * left for VS Code's `$(…)` pass, and every payload is still there to read, as text.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ErrorNode, ImageNode, Node, VersionNode } from '../../src/tree/nodes';
import { HOSTILE, HOSTILE_ALL } from '../emulator/fixtures';
import { SageMakerEmulator } from '../emulator/server';
import { imageArn, imageVersionArn } from '../emulator/store';
import { activateExtension, resetSettings, setSetting, useEndpoint } from './helpers';
import { ScriptedUi } from './scriptedUi';
import { decodeEntities as decode, markdownParser } from '../support/markdownParser';

const parser = markdownParser;

/** Commands a tooltip or hover may link to (their MarkdownStrings trust exactly these). */
const OWN_COMMANDS = [
  'sagemakerImages.showVersionDetails',
  'sagemakerImages.copyAlias',
  'sagemakerImages.copyContainerImageUri',
  'sagemakerImages.revealArn',
  'sagemakerImages.copyVersionArn',
  'sagemakerImages.copyImageArn',
  'sagemakerImages.openInConsole',
];
/** The extension's own icons; the payload's are `$(zap)` and `$(loading~spin)`. */
const OWN_ICONS = ['error', 'warning', 'pass', 'sync', 'question', 'circle-slash'];

const cancelled = new vscode.CancellationTokenSource().token;

/**
 * Asserts `md` holds no markup from the payload, and returns what a person reads (tags removed,
 * line breaks as newlines, code spans as their text).
 */
function assertOnlyText(md: vscode.MarkdownString | string | undefined, what: string): string {
  assert.ok(md && typeof md !== 'string', `${what}: a MarkdownString`);
  const html = parser.render(md.value);
  const tags = [...html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>/gi)];
  for (const [tag, , name] of tags) {
    assert.ok(
      ['p', 'br', 'strong', 'code', 'hr', 'a'].includes(name.toLowerCase()),
      `${what}: a <${name}> from the payload: ${tag}\n${md.value}`,
    );
  }
  for (const m of html.matchAll(/<a ([^>]*)>/g)) {
    const href = /href="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const command = /^command:([\w.]+)\?/.exec(decode(href))?.[1];
    assert.ok(command && OWN_COMMANDS.includes(command), `${what}: a link that is not the extension's own: ${href}\n${md.value}`);
    const trusted = md.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.includes(command), `${what}: ${command} is linked but not trusted`);
  }
  for (const m of md.value.matchAll(/(?<!\\)\$\(([^)\s]*)\)/g)) {
    assert.ok(OWN_ICONS.includes(m[1]), `${what}: an icon from the payload: ${m[0]}\n${md.value}`);
  }
  return decode(html.replace(/<br>\n/g, '\n').replace(/<[^>]*>/g, ''));
}

/** Every one-line payload is shown as itself. */
function assertShown(text: string, payloads: readonly string[], what: string): void {
  for (const p of payloads) assert.ok(text.includes(p), `${what}: “${p}” is not shown as text:\n${text}`);
}

const ONE_LINE = Object.values(HOSTILE).filter((p) => !p.includes('\n'));

describe('hostile service text is shown as text', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  let dir: string;

  before(async () => {
    emulator = new SageMakerEmulator({ fixture: 'hostile' });
    await emulator.start();
    api = await activateExtension();
    await useEndpoint(emulator.url);
    await setSetting('region', 'us-east-1');
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'smiv-hostile-'));
  });

  beforeEach(() => {
    api.tree.refresh();
    api.hovers.details.forget();
    emulator.faults.clear();
  });

  after(async () => {
    await resetSettings('region', 'endpoint');
    await emulator.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function hostileImage(): Promise<ImageNode> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === 'hostile-markup');
    assert.ok(node, `the hostile image is listed: ${roots.map((n) => n.kind).join(', ')}`);
    return node;
  }

  async function hostileVersion(version: number): Promise<VersionNode> {
    const nodes: Node[] = await api.tree.getChildren(await hostileImage());
    const node = nodes.find((n): n is VersionNode => n.kind === 'version' && n.version.version === version);
    assert.ok(node, `version ${version} is listed`);
    return node;
  }

  async function tooltip(node: Node): Promise<vscode.MarkdownString | string | undefined> {
    return (await api.tree.resolveTreeItem(api.tree.getTreeItem(node), node, cancelled)).tooltip;
  }

  it('the version tooltip: BaseImage, ContainerImage, ReleaseNotes, enums, frameworks and aliases are text, the own links intact', async () => {
    const md = await tooltip(await hostileVersion(1));
    const text = assertOnlyText(md, 'version tooltip');
    assertShown(
      text,
      [
        HOSTILE.breakOut,
        `${HOSTILE.backticks} ${HOSTILE.commandLink} ${HOSTILE.icon}`,
        HOSTILE.image,
        HOSTILE.html,
        `${HOSTILE.icon}${HOSTILE.commandLink}`,
        HOSTILE.emphasis,
        HOSTILE.entities,
      ],
      'version tooltip',
    );
    // ReleaseNotes: each payload on its line, the fence lines too, and the own links after them.
    assertShown(text, [...ONE_LINE, ...HOSTILE.fences.split('\n')], 'release notes');
    const value = (md as vscode.MarkdownString).value;
    assert.match(value, /\]\(command:sagemakerImages\.showVersionDetails\?/, 'Show details survives the fences before it');
    assert.match(value, /\]\(command:sagemakerImages\.copyContainerImageUri\?/);
    assert.match(value, /\]\(command:sagemakerImages\.copyAlias\?/);
  });

  it('the failed version tooltip: a FailureReason full of markup is text', async () => {
    const text = assertOnlyText(await tooltip(await hostileVersion(2)), 'failed version tooltip');
    assertShown(text, [...ONE_LINE, HOSTILE.backticks], 'failed version tooltip');
  });

  it('the image tooltip: DisplayName, Description, FailureReason and aliases are text', async () => {
    const text = assertOnlyText(await tooltip(await hostileImage()), 'image tooltip');
    assertShown(
      text,
      [
        `${HOSTILE.commandLink} ${HOSTILE.image} ${HOSTILE.icon}`,
        `${HOSTILE.html} ${HOSTILE.bareUrl}`,
        ...ONE_LINE,
        ...HOSTILE.fences.split('\n'),
        HOSTILE.breakOut,
      ],
      'image tooltip',
    );
  });

  it('the image picker: a DisplayName full of $(icon) and link syntax is text', async () => {
    const ui = new ScriptedUi(['escape']);
    await ui.run(() => vscode.commands.executeCommand('sagemakerImages.copyImageArn'));
    assert.deepEqual(ui.problems, []);
    const item = ui.shown.find((b) => b.kind === 'pick')?.items?.find((i) => i.label === 'hostile-markup');
    assert.ok(item, JSON.stringify(ui.shown));
    assert.doesNotMatch(item.description ?? '', /\$\(|\]\(/, 'nothing a quick pick renders as an icon, nor link syntax');
    assert.equal(
      item.description?.replaceAll('\u200b', ''),
      `${HOSTILE.commandLink} ${HOSTILE.image} ${HOSTILE.icon}`,
      'it reads as the service wrote it',
    );
  });

  it('the review step of a write: a value full of $(icon) and link syntax is text, and nothing is sent on Esc', async () => {
    const notes = `${HOSTILE.icon} ${HOSTILE.commandLink}`;
    const ui = new ScriptedUi([
      { type: '123456789012.dkr.ecr.us-east-1.amazonaws.com/hostile-markup:next' },
      ...Array<'enter'>(7).fill('enter'),
      { type: notes },
      'escape',
    ]);
    await ui.run(async () => vscode.commands.executeCommand('sagemakerImages.createImageVersion', await hostileImage()));
    assert.deepEqual(ui.problems, []);
    const row = ui.shown.at(-1)?.items?.find((i) => i.label === 'ReleaseNotes');
    assert.ok(row, JSON.stringify(ui.shown.at(-1)));
    assert.doesNotMatch(row.description ?? '', /\$\(|\]\(/, 'nothing a quick pick renders as an icon, nor link syntax');
    assert.equal(row.description?.replaceAll('\u200b', ''), notes, 'it reads as typed');
    assert.deepEqual(emulator.calls('CreateImageVersion'), []);
  });

  it('an error node: an endpoint’s message and error code full of markup are text', async () => {
    emulator.addFault({ kind: 'error', operation: 'ListImageVersions', status: 400, code: 'ValidationException', message: HOSTILE_ALL });
    const nodes = await api.tree.getChildren(await hostileImage());
    const error = nodes.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(error, 'the failed list is an error row');
    const text = assertOnlyText(api.tree.getTreeItem(error).tooltip, 'error tooltip');
    assertShown(text, [...ONE_LINE, ...HOSTILE.fences.split('\n'), 'ValidationException'], 'error tooltip');

    api.tree.refresh();
    emulator.addFault({ kind: 'error', operation: 'ListImageVersions', status: 400, code: HOSTILE.breakOut, message: HOSTILE.commandLink });
    const again = (await api.tree.getChildren(await hostileImage())).find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(again, 'the failed list is an error row');
    assertOnlyText(api.tree.getTreeItem(again).tooltip, 'error tooltip with a hostile code');
  });

  describe('ARN hovers', () => {
    const versionArn = imageVersionArn('us-east-1', 'hostile-markup', 1);
    const failedArn = imageVersionArn('us-east-1', 'hostile-markup', 2);
    const theImageArn = imageArn('us-east-1', 'hostile-markup');
    const notRegion = 'arn:aws:sagemaker:www.attacker.example/x:123456789012:image-version/a/1';
    const emphasisRegion = 'arn:aws:sagemaker:**b**~~s~~@mail.example:123456789012:image-version/a/1';
    let file: vscode.Uri;

    before(async () => {
      file = vscode.Uri.file(path.join(dir, 'hostile.tf'));
      await fs.writeFile(
        file.fsPath,
        [versionArn, failedArn, theImageArn, notRegion, emphasisRegion, ''].map((a) => `x = "${a}"`).join('\n'),
      );
    });

    async function hover(needle: string): Promise<vscode.MarkdownString> {
      const doc = await vscode.workspace.openTextDocument(file);
      const line = doc
        .getText()
        .split('\n')
        .findIndex((l) => l === `x = "${needle}"`);
      assert.ok(line >= 0, `${needle} is in the file`);
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          file,
          new vscode.Position(line, 5 + Math.floor(needle.length / 2)),
        )) ?? [];
      const ours = hovers
        .flatMap((h) => h.contents)
        .filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && c.value.includes('SageMaker'));
      assert.equal(ours.length, 1, `one SageMaker hover on ${needle}`);
      return ours[0];
    }

    it('a version ARN: FailureReason, ContainerImage and aliases are text, the own links intact', async () => {
      const md = await hover(versionArn);
      const text = assertOnlyText(md, 'version hover');
      assertShown(text, [`${HOSTILE.backticks} ${HOSTILE.commandLink} ${HOSTILE.icon}`, HOSTILE.breakOut], 'version hover');
      assert.match(md.value, /\]\(command:sagemakerImages\.revealArn\?/);
      const failed = assertOnlyText(await hover(failedArn), 'failed version hover');
      assertShown(failed, ONE_LINE, 'failed version hover');
    });

    it('an image ARN: DisplayName and FailureReason are text', async () => {
      const text = assertOnlyText(await hover(theImageArn), 'image hover');
      assertShown(text, [`${HOSTILE.commandLink} ${HOSTILE.image} ${HOSTILE.icon}`, `${HOSTILE.html} ${HOSTILE.bareUrl}`], 'image hover');
    });

    it('the “not a region” line (finding 1.6): a region label from the file is text, not a link', async () => {
      for (const arn of [notRegion, emphasisRegion]) {
        const md = await hover(arn);
        const text = assertOnlyText(md, 'not-a-region hover');
        const region = arn.split(':')[3];
        assertShown(text, [`${region} is not a region`], 'not-a-region hover');
        assert.ok(!parser.render(md.value).includes('<a '), `no link: ${md.value}`);
        assert.ok(!parser.render(md.value).includes('<strong>'), `no emphasis: ${md.value}`);
      }
    });
  });
});
