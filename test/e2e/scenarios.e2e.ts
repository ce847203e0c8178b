/**
 * What a user does, in code-server with the packaged VSIX, asserted on what is on screen and on
 * the emulator's request log. Scenarios run in order in one window, as one session would.
 * Screenshots for the README are written to docs/screenshots/ by this run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS, SCREENSHOTS, startWorld, stopWorld, writeUserSettings, type World } from './harness';
import {
  afterScenario,
  calls,
  clipboard,
  focusView,
  hoverUntil,
  openView,
  quickPickRows,
  quiet,
  resetTree,
  row,
  runCommand,
  scrollTo,
  sentSince,
  settledSince,
  waitUntil,
} from './ui';

const ARN = (image: string, v: number) => `arn:aws:sagemaker:us-east-1:123456789012:image-version/${image}/${v}`;

describe('SageMaker Image Versions in code-server (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld();
  });

  // A menu, picker or dialog left open by a failed step must not block the next scenario.
  afterEach(async function () {
    await afterScenario(w, this.currentTest);
  });

  after(async () => stopWorld(w));

  it('opens the SageMaker Images view from the activity bar', async () => {
    await openView(w.page);
    await row(w.page, 'Image conda-env-kernel').waitFor();
    const [first] = await calls(w.emulator, 'ListImages', 1);
    assert.equal(first.params.MaxResults, 50);
    assert.equal((await settledSince(w.emulator, 0, { operation: 'ListImageVersions' })).length, 0, 'collapsed images cost no call');
    const label = await row(w.page, 'Image pytorch-nightly-gpu').getAttribute('aria-label');
    assert.match(label ?? '', /^Image pytorch-nightly-gpu, PyTorch nightly \(GPU\), status CREATED$/);
  });

  it('expands an image with one ListImageVersions call', async () => {
    const mark = await quiet(w.emulator);
    await row(w.page, 'Image conda-env-kernel').click();
    await row(w.page, 'Version 12 of conda-env-kernel').waitFor();
    const sent = await sentSince(w.emulator, mark, { operation: 'ListImageVersions', params: { ImageName: 'conda-env-kernel' } }, 1);
    assert.equal(sent.length, 1, 'one call');
    const [call] = sent;
    assert.deepEqual(call.params, { ImageName: 'conda-env-kernel', MaxResults: 50, SortBy: 'CREATION_TIME', SortOrder: 'DESCENDING' });
    const failed = await row(w.page, 'Version 10 of conda-env-kernel').getAttribute('aria-label');
    assert.match(failed ?? '', /status DELETE_FAILED/);
  });

  it('loads more until the end: 250 versions in five calls', async () => {
    const mark = await quiet(w.emulator);
    // Pages only: the live-status poll of the CREATING and DELETING versions (oldest first, from
    // 5 s after the first page) is a ListImageVersions call too.
    const pageFilter = { operation: 'ListImageVersions', params: { ImageName: 'pytorch-nightly-gpu', SortOrder: 'DESCENDING' } };
    const pages = () => w.emulator.callsSince(mark, pageFilter);
    const pagesAtLeast = (n: number, timeoutMs?: number) => waitUntil(async () => pages().length >= n, `${n} version pages`, timeoutMs);
    await row(w.page, 'Image pytorch-nightly-gpu').click();
    await row(w.page, 'Version 250 of pytorch-nightly-gpu').waitFor();
    await pagesAtLeast(1);
    for (let click = 1; click <= 4; click++) {
      const more = row(w.page, 'Load more versions of pytorch-nightly-gpu');
      await scrollTo(w.page, more);
      assert.match((await more.getAttribute('aria-label')) ?? '', new RegExp(`${click * 50} loaded`));
      await more.click();
      // A click that lands while the list is still settling from the scroll can be lost: click once
      // more if no request followed (single-flight makes a second click harmless otherwise).
      await pagesAtLeast(click + 1, 5_000).catch(() => more.click());
      await pagesAtLeast(click + 1);
      await w.page
        .locator(`.part.sidebar .monaco-list-row[aria-label="Load more versions of pytorch-nightly-gpu; ${click * 50} loaded"]`)
        .waitFor({ state: 'detached' });
    }
    const last = row(w.page, 'Version 1 of pytorch-nightly-gpu');
    await scrollTo(w.page, last);
    assert.equal(await row(w.page, 'Load more versions of pytorch-nightly-gpu').count(), 0, 'no Load more after the last page');
    const log = await settledSince(w.emulator, mark, pageFilter);
    assert.equal(log.length, 5);
    assert.ok(log.slice(1).every((c) => typeof c.params.NextToken === 'string'));
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'after-load-more.png') });
  });

  it('sorts through the palette, picking by keyboard, and the order changes', async () => {
    await resetTree(w.page);
    await row(w.page, 'Image conda-env-kernel').click();
    await row(w.page, 'Version 12 of conda-env-kernel').waitFor();
    await runCommand(w.page, 'SageMaker Images: Sort Versions…');
    const entries = await quickPickRows(w.page);
    assert.equal(entries.length, 6);
    assert.match(entries[0], /Creation time, newest first/);
    assert.match(entries[0], /current/);
    await w.page.locator('.quick-input-widget').screenshot({ path: path.join(SCREENSHOTS, 'sort-quickpick.png') });
    const mark = await quiet(w.emulator);
    for (let i = 0; i < 5; i++) await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Enter');
    // Pages of the expanded image only (MaxResults 50): the live-status poll asks for 100.
    const log = await sentSince(
      w.emulator,
      mark,
      { operation: 'ListImageVersions', params: { ImageName: 'conda-env-kernel', MaxResults: 50 } },
      1,
    );
    assert.ok(log.every((c) => c.params.SortBy === 'VERSION' && c.params.SortOrder === 'ASCENDING' && c.params.NextToken === undefined));
    // The first version row under the image becomes Version 1 once the new page is rendered.
    const first = w.page.locator('.part.sidebar .monaco-list-row[aria-label^="Version "][aria-label*=" of conda-env-kernel"]').first();
    await waitUntil(
      async () => /^Version 1 of conda-env-kernel/.test((await first.getAttribute('aria-label')) ?? ''),
      'Version 1 to be the first row',
    );
  });

  it('filters by date: a bad value is refused with nothing sent, 7d is sent', async () => {
    await runCommand(w.page, 'SageMaker Images: Filter Versions by Date…');
    const input = w.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('Created after');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Created after…' }).first().waitFor();
    await w.page.keyboard.press('Enter');
    await w.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Created after…' }).waitFor();
    // What a date filter can cause: a page of an expanded image's versions (MaxResults 50; the
    // live-status poll asks for 100 and is not this action's).
    const pageOf = { operation: 'ListImageVersions', params: { ImageName: 'conda-env-kernel', MaxResults: 50 } };
    const mark = await quiet(w.emulator);
    await input.fill('7x');
    const message = w.page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: 'not a unit' }).waitFor();
    await w.page.keyboard.press('Enter');
    const refused = await settledSince(w.emulator, mark, pageOf);
    assert.deepEqual(refused, [], 'an invalid date sends nothing');
    assert.ok(await w.page.locator('.quick-input-widget').isVisible(), 'the box stays open on invalid input');
    await input.fill('7d');
    await w.page.keyboard.press('Enter');
    const [call] = await sentSince(w.emulator, mark, pageOf, 1);
    const after = Number(call.params.CreationTimeAfter) * 1000;
    assert.ok(Math.abs(after - (Date.now() - 7 * 86_400_000)) < 120_000, `CreationTimeAfter ${new Date(after).toISOString()}`);
    // The view's description (in the title when the view is alone in its container).
    await w.page
      .locator('.part.sidebar .description, .part.sidebar .title-description', { hasText: 'created ≥' })
      .first()
      .waitFor({ state: 'attached' });
  });

  it('clears the version filters', async () => {
    const mark = await quiet(w.emulator);
    await runCommand(w.page, 'SageMaker Images: Clear Version Filters');
    const sent = await sentSince(
      w.emulator,
      mark,
      { operation: 'ListImageVersions', params: { ImageName: 'conda-env-kernel', MaxResults: 50 } },
      1,
    );
    assert.equal(sent.length, 1, JSON.stringify(sent));
    assert.equal(sent[0].params.CreationTimeAfter, undefined);
    await row(w.page, 'Version 1 of conda-env-kernel').waitFor();
  });

  it('copies a version ARN from the inline button, and two selected rows from the context menu', async () => {
    const target = row(w.page, 'Version 3 of conda-env-kernel');
    await target.hover();
    await target.locator('.action-label[aria-label^="Copy Version ARN"]').click();
    await w.page.waitForTimeout(200);
    assert.equal(await clipboard(w.page), ARN('conda-env-kernel', 3));
    await row(w.page, 'Version 1 of conda-env-kernel').click();
    await row(w.page, 'Version 2 of conda-env-kernel').click({ modifiers: ['Shift'] });
    assert.equal(await w.page.locator('.part.sidebar .monaco-list-row[aria-selected="true"]').count(), 2, 'two rows selected');
    await row(w.page, 'Version 2 of conda-env-kernel').click({ button: 'right' });
    const item = w.page.getByRole('menuitem', { name: 'Copy Version ARN' }).first();
    await item.waitFor();
    await w.page.waitForTimeout(300); // the menu fades in; a click during the fade is dropped
    await item.click();
    await w.page.waitForTimeout(200);
    assert.equal(await clipboard(w.page), `${ARN('conda-env-kernel', 1)}\n${ARN('conda-env-kernel', 2)}`);
  });

  it('an injected fault shows an error node, and clicking it recovers', async () => {
    w.emulator.addFault({
      kind: 'error',
      operation: 'ListImageVersions',
      imageName: 'single-version-kernel',
      code: 'AccessDeniedException',
      message: 'not authorized',
    });
    await row(w.page, 'Image single-version-kernel').click();
    const error = row(w.page, 'Error: Access denied');
    await error.waitFor();
    assert.match((await error.getAttribute('aria-label')) ?? '', /sagemaker:ListImageVersions.*Activate to retry/);
    await error.click();
    await row(w.page, 'Version 1 of single-version-kernel').waitFor();
    assert.equal(await error.count(), 0);
  });

  it('works by keyboard alone: expand, load more and copy', async () => {
    await resetTree(w.page);
    const mark = await quiet(w.emulator);
    const pageFilter = { operation: 'ListImageVersions', params: { ImageName: 'pytorch-nightly-gpu', MaxResults: 50 } };
    await runCommand(w.page, 'SageMaker Images: Focus on Images View');
    await w.page.keyboard.press('Home');
    const focused = w.page.locator('.part.sidebar .monaco-list-row.focused');
    // Arrow down until the image is focused (the tree may still be re-rendering after the refresh).
    const pressUntil = async (key: string, label: RegExp, max: number) => {
      for (let i = 0; i < max && !label.test((await focused.getAttribute('aria-label')) ?? ''); i++) await w.page.keyboard.press(key);
      assert.match((await focused.getAttribute('aria-label')) ?? '', label);
    };
    await pressUntil('ArrowDown', /^Image pytorch-nightly-gpu/, 10);
    assert.deepEqual(await settledSince(w.emulator, mark, pageFilter), [], 'focusing an image costs no call');
    await w.page.keyboard.press('ArrowRight');
    await sentSince(w.emulator, mark, pageFilter, 1);
    await row(w.page, 'Version 1 of pytorch-nightly-gpu').waitFor();
    await pressUntil('ArrowDown', /^Load more versions of pytorch-nightly-gpu; 50 loaded/, 60);
    await w.page.keyboard.press('Enter');
    assert.equal((await sentSince(w.emulator, mark, pageFilter, 2)).length, 2, 'one page per Enter');
    await w.page.keyboard.press('ArrowUp');
    const label = (await focused.getAttribute('aria-label')) ?? '';
    const version = Number(/^Version (\d+) of pytorch-nightly-gpu/.exec(label)?.[1]);
    assert.ok(version > 0, `a version row is focused: ${label}`);
    await w.page.keyboard.press('Space');
    await runCommand(w.page, 'SageMaker Images: Copy Version ARN');
    await w.page.waitForTimeout(300);
    assert.equal(await clipboard(w.page), ARN('pytorch-nightly-gpu', version));
  });

  it('every row has an accessible label', async () => {
    const labels = await w.page
      .locator('.part.sidebar .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
    assert.ok(labels.length > 10);
    for (const l of labels) assert.match(l, /^(Image |Version \d+ of |Load more |Error: |No )/, `row label “${l}”`);
  });

  it('takes the README screenshots: light and dark trees, a failed version’s tooltip', async () => {
    await runCommand(w.page, 'SageMaker Images: Sort Versions…');
    await quickPickRows(w.page);
    await w.page.keyboard.press('Home');
    await w.page.keyboard.press('Enter');
    await resetTree(w.page);
    const shoot = async (theme: string, file: string) => {
      writeUserSettings(w.userDataDir, { 'workbench.colorTheme': theme });
      await w.page.reload();
      await focusView(w.page);
      await w.page.keyboard.press('Home'); // the restored scroll position may hide the first rows
      await row(w.page, 'Image conda-env-kernel').waitFor();
      for (const [image, version] of [
        ['conda-env-kernel', 'Version 12 of conda-env-kernel'],
        ['pytorch-nightly-gpu', 'Version 250 of pytorch-nightly-gpu'],
      ]) {
        if ((await row(w.page, version).count()) === 0) await row(w.page, `Image ${image}`).click();
        await row(w.page, version).waitFor();
      }
      await w.page.mouse.move(1000, 700);
      await w.page.waitForTimeout(400);
      await w.page.locator('.part.sidebar').screenshot({ path: path.join(SCREENSHOTS, file) });
    };
    await shoot('Default Light Modern', 'tree-light.png');
    await shoot('Default Dark Modern', 'tree-dark.png');
    // Hovered until the tooltip shows: a row re-rendered under a still mouse gets no hover.
    await hoverUntil(
      w.page,
      row(w.page, 'Version 10 of conda-env-kernel'),
      w.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Failure reason' }).first(),
    );
    await w.page.waitForTimeout(300);
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'failed-version-tooltip.png'), clip: { x: 0, y: 0, width: 1000, height: 620 } });
    for (const f of ['tree-light.png', 'tree-dark.png', 'failed-version-tooltip.png', 'sort-quickpick.png']) {
      assert.ok(fs.statSync(path.join(SCREENSHOTS, f)).size > 5_000, `${f} was written`);
    }
  });
});
