/**
 * Publishing (issue 15) as a user does it, in code-server with the packaged VSIX: create a version
 * from the image's context menu through the multi-step form and watch its row go CREATING →
 * CREATED, add an alias and see it in the row's tooltip, delete the version through the modal,
 * and see read-only mode take the write commands out of the menus and the palette. The emulator's
 * transitions are manual, so a transient state stays on screen until the scenario ends it. The
 * review step's screenshot is the README's.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, SCREENSHOTS, startWorld, stopWorld, writeUserSettings, type World } from './harness';
import {
  afterScenario,
  contextMenu,
  focusView,
  hoverUntil,
  hoverWith,
  menuEntries,
  noHover,
  paletteOffers,
  quiet,
  row,
  sentSince,
  settledSince,
  waitUntil,
} from './ui';

const IMAGE = 'conda-env-kernel';
const BASE = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${IMAGE}:${tag}`;
const WHERE = 'account 123456789012 · us-east-1 · profile default';

const input = (page: Page) => page.locator('.quick-input-widget .quick-input-box input');

/** Waits until the form shows step `n` of `total` (the title says "n/total"), so a key press lands on that step. */
async function atStep(page: Page, n: number, total: number): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `${n}/${total}` }).waitFor();
}

describe('publishing versions in code-server (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld();
    w.emulator.transitionMs = 'manual';
  });

  afterEach(async function () {
    await afterScenario(w, this.currentTest, 'publishing-');
  });

  after(async () => stopWorld(w));

  it('Create Image Version… from the image’s menu: the form, its review, and the row going CREATING → CREATED', async () => {
    await focusView(w.page);
    await row(w.page, `Image ${IMAGE}`).click();
    await row(w.page, `Version 12 of ${IMAGE}`).waitFor();
    const mark = await quiet(w.emulator);
    await contextMenu(w.page, `Image ${IMAGE}`, 'Create Image Version…');

    await atStep(w.page, 1, 10);
    const box = input(w.page);
    await waitUntil(async () => (await box.inputValue()) === BASE('build-12'), 'the latest base image pre-filled');
    const selected = await box.evaluate((el: { selectionStart: number | null; selectionEnd: number | null; value: string }) =>
      el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
    );
    assert.equal(selected, 'build-12', 'its tag is selected for editing');
    await w.page.keyboard.type('build-13');
    await w.page.keyboard.press('Enter');

    await atStep(w.page, 2, 10);
    await w.page.keyboard.type('-nope');
    const message = w.page.locator('.quick-input-widget .quick-input-message');
    await waitUntil(async () => /\S/.test(await message.innerText()), 'the alias refused as typed');
    await w.page.keyboard.press('Enter'); // refused: the step stays
    await atStep(w.page, 2, 10);
    await box.fill('candidate');
    await w.page.keyboard.press('Enter');
    for (let step = 3; step <= 8; step++) {
      // Job type, processor, framework, language, vendor guidance, Horovod: as the latest version has them.
      await atStep(w.page, step, 10);
      await w.page.keyboard.press('Enter');
    }
    await atStep(w.page, 9, 10);
    await w.page.keyboard.type('Adds the team’s CUDA 12.4 environment.');
    await w.page.keyboard.press('Enter');

    await atStep(w.page, 10, 10);
    const review = w.page.locator('.quick-input-widget');
    await waitUntil(async () => (await review.innerText()).includes(BASE('build-13')), 'the review shows the request');
    const shown = await review.innerText();
    for (const part of ['CreateImageVersion', 'ClientToken', 'candidate'])
      assert.ok(shown.includes(part), `review shows ${part}:\n${shown}`);
    assert.equal(await box.getAttribute('placeholder'), WHERE, 'the review names account, region and profile');
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'publish-review.png') });
    await w.page.keyboard.press('Enter');

    const creating = w.page.locator(`.part.sidebar .monaco-list-row[aria-label^="Version 13 of ${IMAGE}, status CREATING"]`);
    await creating.waitFor();
    const [create] = await sentSince(w.emulator, mark, { operation: 'CreateImageVersion' }, 1);
    const { ClientToken, ...request } = create.params;
    assert.match(String(ClientToken), /^[0-9a-f-]{36}$/);
    assert.deepEqual(request, {
      ImageName: IMAGE,
      BaseImage: BASE('build-13'),
      Aliases: ['candidate'],
      JobType: 'NOTEBOOK_KERNEL',
      ProgrammingLang: 'Python 3.11',
      Processor: 'CPU',
      ReleaseNotes: 'Adds the team’s CUDA 12.4 environment.',
    });
    assert.equal(
      (await settledSince(w.emulator, mark, { operation: 'ListImages' })).length,
      0,
      'no reload: the other images stay as they are',
    );
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'publish-creating.png') });

    w.emulator.completeTransitions({ image: IMAGE });
    await w.page
      .locator(`.part.sidebar .monaco-list-row[aria-label^="Version 13 of ${IMAGE}, status CREATED"]`)
      .waitFor({ timeout: 60_000 });
    await w.page.locator('.notifications-toasts', { hasText: `Version 13 of ${IMAGE} is CREATED.` }).waitFor({ timeout: 30_000 });
  });

  it('Add Alias… through its modal; the row’s tooltip shows the alias', async () => {
    const mark = await quiet(w.emulator);
    await contextMenu(w.page, `Version 13 of ${IMAGE}`, 'Add Alias…');
    await input(w.page).waitFor();
    await w.page.keyboard.type('e2e');
    await w.page.keyboard.press('Enter');
    const dialog = w.page
      .locator('.monaco-dialog-box')
      .filter({ hasText: `Add e2e to version 13 of ${IMAGE}?` })
      .first();
    await dialog.waitFor();
    assert.ok((await dialog.innerText()).includes(WHERE), 'the modal names account, region and profile');
    await dialog.getByRole('button', { name: 'Add Alias' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [update] = await sentSince(w.emulator, mark, { operation: 'UpdateImageVersion' }, 1);
    assert.deepEqual(update.params, { ImageName: IMAGE, Version: 13, AliasesToAdd: ['e2e'] });

    await w.page.mouse.move(1100, 760);
    await noHover(w.page);
    const tooltip = hoverWith(w.page, 'Release notes');
    await hoverUntil(w.page, row(w.page, `Version 13 of ${IMAGE}`), tooltip);
    assert.match(await tooltip.innerText(), /Aliases: candidate, e2e/);
    await w.page.mouse.move(1100, 760);
    await noHover(w.page);
  });

  it('Delete Image Version… names the version, its aliases and where in the modal; the row goes DELETING, then leaves', async () => {
    const mark = await quiet(w.emulator);
    await contextMenu(w.page, `Version 13 of ${IMAGE}`, 'Delete Image Version…');
    const dialog = w.page
      .locator('.monaco-dialog-box')
      .filter({ hasText: `Delete version 13 of image ${IMAGE}?` })
      .first();
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.ok(text.includes(`${IMAGE} version 13 (aliases: candidate, e2e)`), text);
    assert.ok(text.includes(WHERE), text);
    assert.ok(text.includes('This cannot be undone.'), text);
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'publish-delete-modal.png') });
    await dialog.getByRole('button', { name: 'Delete Version' }).click();
    await dialog.waitFor({ state: 'detached' });
    await w.page.locator(`.part.sidebar .monaco-list-row[aria-label^="Version 13 of ${IMAGE}, status DELETING"]`).waitFor();
    const [sent] = await sentSince(w.emulator, mark, { operation: 'DeleteImageVersion' }, 1);
    assert.deepEqual(sent.params, { ImageName: IMAGE, Version: 13 });
    w.emulator.completeTransitions({ image: IMAGE });
    await row(w.page, `Version 13 of ${IMAGE}`).waitFor({ state: 'detached', timeout: 60_000 });
    await row(w.page, `Version 12 of ${IMAGE}`).waitFor();
  });

  it('read-only mode takes every write command out of the menus and the palette', async () => {
    const writes = ['Create Image Version…', 'Edit Image…', 'Delete Image…'];
    const versionWrites = ['Edit Image Version…', 'Add Alias…', 'Remove Alias…', 'Delete Image Version…'];
    const before = [...(await menuEntries(w.page, `Image ${IMAGE}`)), ...(await menuEntries(w.page, `Version 12 of ${IMAGE}`))];
    for (const entry of [...writes, ...versionWrites]) assert.ok(before.includes(entry), `offered before: ${entry}`);

    writeUserSettings(w.userDataDir, { 'sagemakerImages.readOnly': true });
    try {
      await waitUntil(
        async () => !(await menuEntries(w.page, `Version 12 of ${IMAGE}`)).includes('Delete Image Version…'),
        'the setting to apply',
        30_000,
      );
      const image = await menuEntries(w.page, `Image ${IMAGE}`);
      const version = await menuEntries(w.page, `Version 12 of ${IMAGE}`);
      for (const entry of writes) assert.ok(!image.includes(entry), `hidden on an image: ${entry}`);
      for (const entry of versionWrites) assert.ok(!version.includes(entry), `hidden on a version: ${entry}`);
      assert.ok(version.includes('Copy Version ARN'), 'reading stays');

      // The palette lists the reading commands still (the control), and none of the writing ones.
      assert.equal(await paletteOffers(w.page, 'Copy Version ARN'), true);
      for (const title of ['Create Image Version…', 'Create Image…', 'Edit Image…', 'Delete Image…', 'Add Alias…'])
        assert.equal(await paletteOffers(w.page, title), false, `the palette hides ${title}`);
    } finally {
      writeUserSettings(w.userDataDir, { 'sagemakerImages.readOnly': false });
    }
    await waitUntil(
      async () => (await menuEntries(w.page, `Version 12 of ${IMAGE}`)).includes('Delete Image Version…'),
      'writes offered again',
      30_000,
    );
  });
});
