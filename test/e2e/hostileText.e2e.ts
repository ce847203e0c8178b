/**
 * Service text is data, never markup (issue 13, findings 1.1 and 1.6), in code-server with the
 * packaged VSIX: the emulator holds only the hostile image (every free-text member markup), and
 * the scenarios hover its image row, a version row and ARNs in a file, then read the hover
 * widget's DOM as VS Code rendered it: no <img>, no link but the extension's own commands, no
 * payload icon, and the payload still on screen as text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { HOSTILE } from '../emulator/fixtures';
import { startWorld, stopWorld, type World } from './harness';
import { afterScenario, focusView, hoverUntil, noHover, openFile, pointAtText, row, runCommand } from './ui';

const ACCOUNT = '123456789012';
const VERSION_ARN = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:image-version/hostile-markup/1`;
const NOT_A_REGION = `arn:aws:sagemaker:www.attacker.example/x:${ACCOUNT}:image-version/a/1`;

/** What the hover widget holds: its links, images, payload icons and text, as rendered. */
async function inspect(hover: Locator): Promise<{ links: string[]; images: number; payloadIcons: number; text: string }> {
  const anchors = hover.locator('a');
  const links: string[] = [];
  for (let i = 0; i < (await anchors.count()); i++) {
    const a = anchors.nth(i);
    links.push((await a.getAttribute('data-href')) ?? (await a.getAttribute('href')) ?? `(no target) ${await a.innerText()}`);
  }
  return {
    links,
    images: await hover.locator('img, picture, svg image, iframe, object, embed').count(),
    payloadIcons: await hover.locator('.codicon-zap, .codicon-loading').count(),
    text: await hover.innerText(),
  };
}

/** Asserts the rendered hover shows the payload as text and nothing from it as markup. */
async function assertTextOnly(hover: Locator, shown: readonly string[], what: string): Promise<void> {
  const seen = await inspect(hover);
  assert.equal(seen.images, 0, `${what}: no image from the payload`);
  for (const link of seen.links)
    assert.match(link, /^command:sagemakerImages\.[A-Za-z]+(\?|$)/, `${what}: a link that is not the extension's own: ${link}`);
  assert.equal(seen.payloadIcons, 0, `${what}: no icon from the payload`);
  const text = seen.text.replace(/\u00a0/g, ' ');
  for (const s of shown) assert.ok(text.includes(s), `${what}: “${s}” is not on screen as text:\n${text}`);
}

describe('hostile service text is shown as text in the real UI (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld();
    // Only the hostile image, so its row is the first one.
    w.emulator.loadFixture('hostile');
    fs.writeFileSync(
      path.join(w.workspace, 'hostile.tf'),
      [`image_version_arn = "${VERSION_ARN}"`, `not_a_region      = "${NOT_A_REGION}"`, ''].join('\n'),
    );
  });

  afterEach(async function () {
    await afterScenario(w, this.currentTest, 'hostile-');
  });

  after(async () => stopWorld(w));

  const moveAway = () => w.page.mouse.move(1100, 760);

  it('the image row’s tooltip: DisplayName, Description and FailureReason are text', async () => {
    await focusView(w.page);
    const target = row(w.page, 'Image hostile-markup');
    await target.waitFor();
    // Resolved: the aliases line comes from ListAliases.
    const hover = w.page
      .locator('.monaco-hover, .workbench-hover')
      .filter({ hasText: 'Aliases' })
      .filter({ hasText: 'beacon.png' })
      .first();
    await hoverUntil(w.page, target, hover);
    await assertTextOnly(hover, [HOSTILE.image, HOSTILE.commandLink, HOSTILE.html, HOSTILE.bareUrl, HOSTILE.icon], 'image tooltip');
    await moveAway();
    await noHover(w.page);
  });

  it('a version row’s tooltip: BaseImage, ContainerImage, ReleaseNotes and the rest are text, the own links live', async () => {
    await row(w.page, 'Image hostile-markup').click();
    const target = row(w.page, 'Version 1 of hostile-markup');
    await target.waitFor();
    await moveAway();
    const hover = w.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Release notes' }).first();
    await hoverUntil(w.page, target, hover);
    await assertTextOnly(
      hover,
      [HOSTILE.breakOut, HOSTILE.commandLink, HOSTILE.image, HOSTILE.html, HOSTILE.icon, HOSTILE.emphasis, '~~~', 'Show details'],
      'version tooltip',
    );
    const links = (await inspect(hover)).links;
    assert.ok(
      links.some((l) => l.startsWith('command:sagemakerImages.showVersionDetails')),
      `the own Show details link survives the fences before it: ${links.join(', ')}`,
    );
    await moveAway();
    await noHover(w.page);
  });

  it('an image version ARN in a file: its FailureReason, ContainerImage and aliases are text', async () => {
    await runCommand(w.page, 'View: Close Primary Side Bar');
    await w.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await openFile(w.page, 'hostile.tf');
    const editor = w.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();

    const { x, y } = await pointAtText(editor, VERSION_ARN);
    await w.page.mouse.move(x, y);
    const hover = w.page
      .locator('.part.editor .monaco-hover')
      .filter({ hasText: 'SageMaker image version' })
      .filter({ hasText: 'Aliases' })
      .first();
    await hover.waitFor();
    await assertTextOnly(hover, [HOSTILE.breakOut, HOSTILE.commandLink, HOSTILE.icon, 'Reveal in SageMaker Images'], 'version ARN hover');
    await moveAway();
    await hover.waitFor({ state: 'hidden' });
  });

  it('the ARN hover of a region label that is not a region (finding 1.6): the label is text, no link', async () => {
    const editor = w.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    const { x, y } = await pointAtText(editor, NOT_A_REGION);
    await w.page.mouse.move(x, y);
    const notRegion = w.page.locator('.part.editor .monaco-hover').filter({ hasText: 'is not a region' }).first();
    await notRegion.waitFor();
    await assertTextOnly(notRegion, ['www.attacker.example/x is not a region'], 'not-a-region hover');
    assert.deepEqual((await inspect(notRegion)).links, [], 'no link at all in the not-a-region line');
    await moveAway();
  });
});
