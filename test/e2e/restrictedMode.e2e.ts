/**
 * An untrusted workspace, as a user meets it in code-server with the packaged VSIX: the window opens
 * in Restricted Mode, where the tree still lists and reads but no menu and not the palette offers a
 * command that changes AWS; Show Version Details shows what it read (also in a document already
 * open), while a lookup the document would make by itself (Refresh Version Details, or any link in
 * an untrusted file) asks for trust and sends nothing. Trusting the folder from the Workspace Trust editor brings the write commands
 * back and reloads the open document, which then shows the version again.
 */
import * as assert from 'node:assert/strict';
import type { LoggedRequest } from '../emulator/server';
import { startWorld, stopWorld, type World } from './harness';
import {
  afterScenario,
  contextMenu,
  editorText,
  focusView,
  menuEntries,
  paletteOffers,
  quiet,
  row,
  runCommand,
  settledSince,
  waitUntil,
} from './ui';

const IMAGE = 'conda-env-kernel';
const IMAGE_WRITES = ['Create Image Version…', 'Edit Image…', 'Delete Image…'];
const VERSION_WRITES = ['Edit Image Version…', 'Add Alias…', 'Remove Alias…', 'Delete Image Version…'];

/** The DescribeImageVersion requests for version 12 of the image (a row tooltip may describe others). */
const of12 = (requests: LoggedRequest[]) => requests.filter((r) => r.params.ImageName === IMAGE && r.params.Version === 12);

describe('an untrusted workspace (Restricted Mode) in code-server (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld({ trusted: false });
  });

  afterEach(async function () {
    await afterScenario(w, this.currentTest, 'restricted-');
  });

  after(async () => stopWorld(w));

  const editor = () => w.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();

  it('the tree lists and reads, and neither the menus nor the palette offer a command that changes AWS', async () => {
    await focusView(w.page);
    await row(w.page, `Image ${IMAGE}`).click();
    await row(w.page, `Version 12 of ${IMAGE}`).waitFor();
    const image = await menuEntries(w.page, `Image ${IMAGE}`);
    const version = await menuEntries(w.page, `Version 12 of ${IMAGE}`);
    for (const entry of IMAGE_WRITES) assert.ok(!image.includes(entry), `hidden on an image: ${entry}`);
    for (const entry of VERSION_WRITES) assert.ok(!version.includes(entry), `hidden on a version: ${entry}`);
    assert.ok(version.includes('Copy Version ARN') && version.includes('Show Version Details'), `reading stays: ${version.join(', ')}`);
    assert.equal(await paletteOffers(w.page, 'Copy Version ARN'), true, 'the palette lists the reading commands');
    for (const title of ['Create Image…', 'Create Image Version…', 'Delete Image…', 'Add Alias…'])
      assert.equal(await paletteOffers(w.page, title), false, `the palette hides ${title}`);
  });

  it('Show Version Details shows what it read; Refresh Version Details asks for trust and sends nothing', async () => {
    await contextMenu(w.page, `Version 12 of ${IMAGE}`, 'Show Version Details');
    await w.page.locator('.part.editor .tab.active', { hasText: `${IMAGE}.v12.json` }).waitFor();
    await waitUntil(async () => (await editorText(editor())).includes('"ContainerImage"'), 'the details the command read');

    const mark = await quiet(w.emulator);
    await runCommand(w.page, 'SageMaker Images: Refresh Version Details');
    await waitUntil(
      async () => (await editorText(editor())).includes(`Trust this workspace to look up version 12 of ${IMAGE} in us-east-1`),
      'the document to ask for trust',
    );
    assert.ok(!(await editorText(editor())).includes('"ContainerImage"'), 'the forgotten details are not shown');
    await quiet(w.emulator);
    assert.deepEqual(of12(await settledSince(w.emulator, mark, { operation: 'DescribeImageVersion' })), [], 'nothing was looked up');

    // Show Version Details again: it reads, and the document VS Code holds open shows what it read.
    await contextMenu(w.page, `Version 12 of ${IMAGE}`, 'Show Version Details');
    await waitUntil(async () => (await editorText(editor())).includes('"ContainerImage"'), 'the open document to show the new read');
    assert.equal(of12(await settledSince(w.emulator, mark, { operation: 'DescribeImageVersion' })).length, 1, 'one read, by the command');

    // Leave it asking for trust, for the next scenario.
    await runCommand(w.page, 'SageMaker Images: Refresh Version Details');
    await waitUntil(
      async () => (await editorText(editor())).includes('Trust this workspace to look up'),
      'the document to ask for trust again',
    );
  });

  it('trusting the folder reloads the open document with the version, and the write commands are offered again', async () => {
    const mark = await quiet(w.emulator);
    await runCommand(w.page, 'Workspaces: Manage Workspace Trust');
    const trust = w.page.locator('.workspace-trust-editor').getByRole('button', { name: 'Trust', exact: true });
    await trust.waitFor();
    await trust.click();
    await w.page
      .locator('.part.editor .tab', { hasText: `${IMAGE}.v12.json` })
      .first()
      .click();
    await waitUntil(async () => (await editorText(editor())).includes('"ContainerImage"'), 'the document to show the version', 30_000);
    const described = of12(await settledSince(w.emulator, mark, { operation: 'DescribeImageVersion' }));
    assert.equal(described.length, 1, 'the reload looked the version up once');

    await waitUntil(
      async () => (await menuEntries(w.page, `Version 12 of ${IMAGE}`)).includes('Delete Image Version…'),
      'writes offered',
      30_000,
    );
    const image = await menuEntries(w.page, `Image ${IMAGE}`);
    for (const entry of IMAGE_WRITES) assert.ok(image.includes(entry), `offered on an image: ${entry}`);
    assert.equal(await paletteOffers(w.page, 'Create Image…'), true, 'and in the palette');
  });
});
