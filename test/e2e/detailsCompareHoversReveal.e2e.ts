/**
 * After the list: lazy version tooltips, the details document, Compare Versions, ARN hovers in a
 * file and Reveal by ARN (across regions), in code-server with the packaged VSIX, asserted on
 * what is on screen and on the emulator's request log. Scenarios run in order in one window.
 * Screenshots for the README are written to docs/screenshots/ by this run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LoggedRequest } from '../emulator/server';
import { ARTIFACTS, SCREENSHOTS, startWorld, stopWorld, type World } from './harness';
import {
  afterScenario,
  calls,
  editorText,
  focusView,
  hoverUntil,
  hoverWith,
  noHover,
  openFile,
  pointAtText,
  quickPickRows,
  quiet,
  row,
  runCommand,
  scrollTo,
  sentSince,
  settledSince,
  waitUntil,
} from './ui';

const ACCOUNT = '123456789012';
const arn = (region: string, image: string, v: number) => `arn:aws:sagemaker:${region}:${ACCOUNT}:image-version/${image}/${v}`;
const uri = (image: string, v: number) => `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${image}:v${v}`;
const TF_ARN = arn('us-east-1', 'conda-env-kernel', 12);

/** The logged calls of an operation about one version. */
const about = (log: LoggedRequest[], image: string, version: number) =>
  log.filter((c) => c.params.ImageName === image && c.params.Version === version);

describe('version details, Compare Versions, ARN hovers and Reveal by ARN (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld();
    fs.writeFileSync(
      path.join(w.workspace, 'main.tf'),
      [
        'resource "aws_sagemaker_app" "kernel" {',
        '  domain_id = "d-example"',
        '  app_name  = "conda-kernel"',
        '',
        `  image_version_arn = "${TF_ARN}"`,
        '}',
        '',
      ].join('\n'),
    );
  });

  // A menu, picker or dialog left open by a failed step must not block the next scenario.
  afterEach(async function () {
    await afterScenario(w, this.currentTest, 'details-');
  });

  after(async () => stopWorld(w));

  /** Where the details step started counting; the compare step counts from there too. */
  let detailsMark = 0;

  /** Moves the mouse to an empty part of the editor area, away from rows and hovers. */
  const moveAway = () => w.page.mouse.move(1100, 760);

  it('hovering a version row resolves its tooltip once: one DescribeImageVersion and one ListAliases', async () => {
    await focusView(w.page);
    await row(w.page, 'Image conda-env-kernel').click();
    const target = row(w.page, 'Version 12 of conda-env-kernel');
    await target.waitFor();
    await calls(w.emulator, 'ListImageVersions', 1);
    await moveAway();
    assert.equal(
      (await settledSince(w.emulator, 0, { operation: 'DescribeImageVersion' })).length,
      0,
      'rows nobody hovers cost no describe call',
    );
    // (The image row under the mouse had its own tooltip resolved: the image's aliases.)
    assert.equal(w.emulator.calls('ListAliases').filter((c) => c.params.Version !== undefined).length, 0);
    const mark = await quiet(w.emulator);
    const of12 = { ImageName: 'conda-env-kernel', Version: 12 };

    const tooltip = hoverWith(w.page, uri('conda-env-kernel', 12));
    await hoverUntil(w.page, target, tooltip);
    const text = await tooltip.innerText();
    assert.match(text, /Container image: /);
    assert.match(text, /Aliases: .*latest/);
    const describes = await sentSince(w.emulator, mark, { operation: 'DescribeImageVersion', params: of12 }, 1);
    const aliasCalls = await sentSince(w.emulator, mark, { operation: 'ListAliases', params: of12 }, 1);
    assert.equal(describes.length, 1, 'one describe call');
    assert.equal(aliasCalls.length, 1, 'one aliases call');
    assert.deepEqual(describes[0].params, { ImageName: 'conda-env-kernel', Version: 12 });
    assert.deepEqual(aliasCalls[0].params, { ImageName: 'conda-env-kernel', Version: 12, MaxResults: 100 });
    await w.page.waitForTimeout(300); // the hover fades in
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'version-tooltip.png'), clip: { x: 0, y: 0, width: 1000, height: 620 } });

    await moveAway();
    await tooltip.waitFor({ state: 'hidden' });
    await hoverUntil(w.page, target, hoverWith(w.page, uri('conda-env-kernel', 12)));
    assert.equal(
      (await settledSince(w.emulator, mark, { operation: 'DescribeImageVersion', params: of12 })).length,
      1,
      'the second hover is answered from the cache',
    );
    assert.equal((await settledSince(w.emulator, mark, { operation: 'ListAliases', params: of12 })).length, 1);
    await moveAway();
  });

  it('Show Version Details from the context menu opens the read-only JSON document, from the cache', async () => {
    const mark = await quiet(w.emulator);
    detailsMark = mark;
    const target = row(w.page, 'Version 12 of conda-env-kernel');
    // Also an inline $(info) button on the row; this step goes through the context menu.
    assert.equal(await target.locator('.action-label[aria-label^="Show Version Details"]').count(), 1, 'the inline details button');
    await target.click({ button: 'right' });
    const item = w.page.getByRole('menuitem', { name: 'Show Version Details' }).first();
    await item.waitFor();
    await w.page.waitForTimeout(300); // the menu fades in; a click during the fade is dropped
    await item.click();
    await moveAway(); // off the row the closing menu uncovers
    await w.page.locator('.part.editor .tab.active', { hasText: 'conda-env-kernel.v12.json' }).waitFor();
    const editor = w.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    await waitUntil(async () => (await editorText(editor)).includes('"ContainerImage"'), 'the details document to be rendered');
    const text = await editorText(editor);
    assert.match(text, /"ImageVersionArn": "arn:aws:sagemaker:us-east-1:123456789012:image-version\/conda-env-kernel\/12"/);
    assert.ok(text.includes(`"ContainerImage": "${uri('conda-env-kernel', 12)}"`), text);
    assert.ok(await w.page.locator('.part.sidebar').isVisible(), 'the tree stays beside the document');
    // (The row under the closing menu may have its own tooltip resolved: only version 12 counts here.)
    assert.equal(
      about(await settledSince(w.emulator, mark, { operation: 'DescribeImageVersion' }), 'conda-env-kernel', 12).length,
      0,
      'the hover already described this version',
    );
    assert.equal(about(w.emulator.callsSince(mark, { operation: 'ListAliases' }), 'conda-env-kernel', 12).length, 0);
    await moveAway();
    await noHover(w.page);
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'version-details.png') });
  });

  it('Compare Versions on two selected rows opens the diff editor, older on the left', async () => {
    // The log is not cleared: version 11 may have been described for its tooltip since the last step.
    await row(w.page, 'Version 12 of conda-env-kernel').click();
    await row(w.page, 'Version 11 of conda-env-kernel').click({ modifiers: ['Control'] });
    assert.equal(await w.page.locator('.part.sidebar .monaco-list-row[aria-selected="true"]').count(), 2, 'two rows selected');
    await row(w.page, 'Version 11 of conda-env-kernel').click({ button: 'right' });
    const item = w.page.getByRole('menuitem', { name: 'Compare Versions' }).first();
    await item.waitFor();
    await w.page.waitForTimeout(300);
    await item.click();
    await moveAway();
    const diff = w.page.locator('.part.editor .monaco-diff-editor').first();
    await diff.waitFor();
    await w.page.locator('.part.editor .tab.active', { hasText: 'conda-env-kernel v11 ↔ conda-env-kernel v12' }).waitFor();
    const original = diff.locator('.editor.original .monaco-editor').first();
    const modified = diff.locator('.editor.modified .monaco-editor').first();
    await waitUntil(
      async () => (await editorText(original)).includes('"Version": 11') && (await editorText(modified)).includes('"Version": 12'),
      'both sides of the diff',
    );
    assert.ok((await editorText(modified)).includes(uri('conda-env-kernel', 12)));
    assert.ok((await editorText(original)).includes(uri('conda-env-kernel', 11)));
    // Since the details step: version 12 came from the cache, version 11 was described once (its
    // tooltip or the diff). Other rows the mouse lands on after a menu closes may resolve theirs.
    await sentSince(
      w.emulator,
      detailsMark,
      { operation: 'DescribeImageVersion', params: { ImageName: 'conda-env-kernel', Version: 11 } },
      1,
    );
    const describes = await settledSince(w.emulator, detailsMark, { operation: 'DescribeImageVersion' });
    assert.equal(about(describes, 'conda-env-kernel', 11).length, 1, JSON.stringify(describes));
    assert.equal(about(describes, 'conda-env-kernel', 12).length, 0);
    assert.equal(about(w.emulator.callsSince(detailsMark, { operation: 'ListAliases' }), 'conda-env-kernel', 11).length, 1);
    await moveAway();
    await noHover(w.page);
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'compare-versions.png') });
  });

  it('hovering an image version ARN in a file shows status, container image, aliases and links, one call per ARN', async () => {
    // The whole ARN on one visible line: the tree is not part of this picture.
    await runCommand(w.page, 'View: Close Primary Side Bar');
    await w.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await openFile(w.page, 'main.tf');
    const mark = await quiet(w.emulator);
    const describeOf12 = { operation: 'DescribeImageVersion', params: { ImageName: 'conda-env-kernel', Version: 12 } };
    const editor = w.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    const { x, y } = await pointAtText(editor, TF_ARN);
    await w.page.mouse.move(x, y);
    const hover = w.page
      .locator('.part.editor .monaco-hover')
      .filter({ hasText: 'CREATED' })
      .filter({ hasText: uri('conda-env-kernel', 12) })
      .first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.match(text, /SageMaker image version/);
    assert.match(text, /Container image: /);
    assert.match(text, /Aliases: latest/);
    for (const l of ['Reveal in SageMaker Images', 'Copy ARN', 'Copy Container Image URI', 'Open in AWS Console'])
      assert.ok(text.includes(l), `link “${l}” in ${text}`);
    const described = await sentSince(w.emulator, mark, describeOf12, 1);
    assert.equal(described.length, 1, 'one call per ARN');
    const [describe] = described;
    assert.deepEqual(describe.params, { ImageName: 'conda-env-kernel', Version: 12 });
    assert.equal(describe.region, 'us-east-1');
    await w.page.waitForTimeout(300);
    const editorBox = await w.page.locator('.part.editor').boundingBox();
    assert.ok(editorBox);
    await w.page.screenshot({
      path: path.join(SCREENSHOTS, 'arn-hover.png'),
      clip: { x: editorBox.x, y: editorBox.y, width: editorBox.width, height: Math.min(editorBox.height, 420) },
    });

    await moveAway();
    await hover.waitFor({ state: 'hidden' });
    await w.page.mouse.move(x, y);
    await hover.waitFor();
    assert.equal((await settledSince(w.emulator, mark, describeOf12)).length, 1, 'the answer is kept for 60 s');
    await moveAway();
  });

  it('reveals a version not yet loaded by ARN from the palette, loading only the pages it takes', async () => {
    await focusView(w.page);
    assert.equal(await row(w.page, 'Version 250 of pytorch-nightly-gpu').count(), 0, 'pytorch-nightly-gpu is collapsed');
    const mark = await quiet(w.emulator);
    await runCommand(w.page, 'SageMaker Images: Reveal Image Version by ARN…');
    const input = w.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill('arn:aws:sagemaker:us-east-1:123456789012:image-version/Not_Valid/x');
    await w.page.locator('.quick-input-widget .quick-input-message', { hasText: 'Not an image version ARN' }).waitFor();
    await w.page.keyboard.press('Enter');
    // (DescribeImage is the live-status poll of the images that are UPDATING or CREATING; a
    // ListImageVersions with MaxResults 100 is the versions' poll. Neither is this action's.)
    const sent = (await settledSince(w.emulator, mark)).filter(
      (c) => c.operation !== 'DescribeImage' && !(c.operation === 'ListImageVersions' && c.params.MaxResults === 100),
    );
    assert.ok(await input.isVisible(), 'the box stays open on an invalid ARN');
    assert.equal(sent.length, 0, `an invalid ARN sends nothing: ${JSON.stringify(sent)}`);

    await input.fill(arn('us-east-1', 'pytorch-nightly-gpu', 120));
    await w.page.keyboard.press('Enter');
    const selected = w.page.locator(
      '.part.sidebar .monaco-list-row[aria-selected="true"][aria-label^="Version 120 of pytorch-nightly-gpu"]',
    );
    await selected.waitFor();
    assert.ok(await selected.isVisible());
    assert.equal(await w.page.locator('.part.sidebar .monaco-list-row[aria-selected="true"]').count(), 1);
    // Newest first, 50 a page: versions 250–201, 200–151, 150–101. The live-status poll of the
    // transient versions (oldest first, 100 at most) is not a page of the list.
    const pageFilter = { operation: 'ListImageVersions', params: { ImageName: 'pytorch-nightly-gpu', SortOrder: 'DESCENDING' } };
    const pages = () => w.emulator.callsSince(mark, pageFilter);
    await sentSince(w.emulator, mark, pageFilter, 3);
    assert.equal(pages().length, 3, 'no page after the one holding version 120');
    assert.ok(pages().every((c) => c.params.ImageName === 'pytorch-nightly-gpu' && c.params.MaxResults === 50));
    assert.ok(
      pages()
        .slice(1)
        .every((c) => typeof c.params.NextToken === 'string'),
    );
    assert.equal(w.emulator.callsSince(mark, { operation: 'ListImages' }).length, 0, 'the image was already listed');
    const more = row(w.page, 'Load more versions of pytorch-nightly-gpu');
    await scrollTo(w.page, more);
    assert.match((await more.getAttribute('aria-label')) ?? '', /150 loaded/);
  });

  it('reveals an ARN of another region after a modal asks to switch, then switches back', async () => {
    w.emulator.seed({ region: 'eu-west-1', images: [{ name: 'eu-kernel', versions: 2 }] });
    const mark = await quiet(w.emulator);
    await runCommand(w.page, 'SageMaker Images: Reveal Image Version by ARN…');
    const input = w.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    await input.fill(arn('eu-west-1', 'eu-kernel', 2));
    await w.page.keyboard.press('Enter');
    const dialog = w.page.locator('.monaco-dialog-box').filter({ hasText: 'eu-west-1' }).first();
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /The ARN is in eu-west-1; the view lists us-east-1/);
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'reveal-region-dialog.png') });
    assert.deepEqual(await settledSince(w.emulator, mark, { region: 'eu-west-1' }), [], 'nothing is asked of eu-west-1 before the answer');
    await dialog.getByRole('button', { name: 'Switch to eu-west-1' }).click();
    await dialog.waitFor({ state: 'detached' });

    const selected = w.page.locator('.part.sidebar .monaco-list-row[aria-selected="true"][aria-label^="Version 2 of eu-kernel"]');
    await selected.waitFor();
    assert.ok(await selected.isVisible());
    assert.equal(await row(w.page, 'Image conda-env-kernel').count(), 0, 'us-east-1’s images are gone');
    const listImages = await sentSince(w.emulator, mark, { operation: 'ListImages' }, 1);
    assert.ok(
      listImages.every((c) => c.region === 'eu-west-1'),
      JSON.stringify(listImages.map((c) => c.region)),
    );
    const versions = w.emulator.callsSince(mark, { operation: 'ListImageVersions', params: { ImageName: 'eu-kernel' } });
    assert.ok(versions.length >= 1 && versions.every((c) => c.region === 'eu-west-1'));

    // Back to us-east-1 through the palette, as a user would.
    const back0 = await quiet(w.emulator);
    await runCommand(w.page, 'SageMaker Images: Select Region…');
    await quickPickRows(w.page);
    await input.fill('us-east-1');
    await w.page.locator('.quick-input-list .monaco-list-row', { hasText: 'US East (N. Virginia)' }).first().waitFor();
    const first = (await quickPickRows(w.page))[0];
    assert.match(first, /^us-east-1/);
    await w.page.keyboard.press('Enter');
    await row(w.page, 'Image conda-env-kernel').waitFor();
    const back = await sentSince(w.emulator, back0, { operation: 'ListImages' }, 1);
    assert.ok(back.every((c) => c.region === 'us-east-1'));
  });
});
