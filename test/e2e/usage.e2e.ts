/**
 * Where an image is used (issue 16) as a user sees it, in code-server with the packaged VSIX and
 * the demo account: expand an image's Used by node and read the domains, user profiles, spaces
 * and app types it lists; see "pinned by N" on the version rows; and see the warning in the
 * Delete Image Version… modal. The Used by screenshot is the README's.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ARTIFACTS, SCREENSHOTS, startWorld, stopWorld, type World } from './harness';
import { afterScenario, focusView, noHover, quiet, row, sentSince, settledSince } from './ui';

const STUDIO = ['ListDomains', 'DescribeDomain', 'ListUserProfiles', 'DescribeUserProfile', 'ListSpaces', 'DescribeSpace'];

describe('where an image is used, in code-server (packaged VSIX)', function () {
  this.timeout(120_000);
  let w: World;

  before(async function () {
    this.timeout(240_000);
    w = await startWorld();
  });

  afterEach(async function () {
    await afterScenario(w, this.currentTest, 'usage-');
  });

  after(async () => stopWorld(w));

  it('expanding Used by scans Studio once and lists domain → who → app type with the version or “latest”', async () => {
    await focusView(w.page);
    await row(w.page, 'Image conda-env-kernel').click();
    const usedBy = row(w.page, 'Used by, expand to scan Studio');
    await usedBy.waitFor();
    const mark = await quiet(w.emulator);
    for (const op of STUDIO)
      assert.equal(w.emulator.callsSince(0, { operation: op }).length, 0, `nothing scanned before the expand (${op})`);
    await usedBy.click();
    await row(w.page, 'ml-platform, d-').waitFor();
    await row(w.page, 'alice, user profile').waitFor();
    await row(w.page, 'JupyterLab, version 12').waitFor();
    await row(w.page, 'CodeEditor, latest (now version 12)').waitFor();
    await row(w.page, 'fraud-notebooks, space').waitFor();
    await row(w.page, 'research, d-').waitFor();
    await row(w.page, 'Used by, 5 references').waitFor();
    await sentSince(w.emulator, mark, { operation: 'ListDomains' }, 1);
    const studio = (await settledSince(w.emulator, mark)).filter((c) => STUDIO.includes(c.operation));
    assert.equal(studio.length, 18, 'one scan: 1 + 2 + 2 + 7 + 2 + 4 requests');
    await w.page.mouse.move(1100, 760);
    await noHover(w.page);
    await w.page.screenshot({ path: path.join(SCREENSHOTS, 'used-by.png') });
  });

  it('version rows say who pins them, and the delete modal warns before anything is deleted', async () => {
    const v12 = w.page.locator('.part.sidebar .monaco-list-row[aria-label*="pinned by 3"][aria-label^="Version 12 of conda-env-kernel"]');
    await v12.waitFor();
    const mark = await quiet(w.emulator);
    await v12.click({ button: 'right' });
    const item = w.page.getByRole('menuitem', { name: 'Delete Image Version…' }).first();
    await item.waitFor();
    await w.page.waitForTimeout(300); // the menu fades in; a click during the fade is dropped
    await item.click();
    const dialog = w.page.locator('.monaco-dialog-box').filter({ hasText: 'Delete version 12 of image conda-env-kernel?' }).first();
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.ok(text.includes('Still in use: pinned by 3:'), text);
    assert.match(text, /user profile alice in domain ml-platform \(d-[a-z0-9]+\) \(JupyterLab\)/);
    assert.match(text, /user profile frank in domain research \(d-[a-z0-9]+\) \(JupyterLab, as “latest”\)/);
    await w.page.screenshot({ path: path.join(ARTIFACTS, 'usage-delete-warning.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const sent = await settledSince(w.emulator, mark);
    assert.deepEqual(
      sent.filter((c) => STUDIO.includes(c.operation) || c.operation === 'DeleteImageVersion'),
      [],
      'the cached scan answered, and nothing was deleted',
    );
  });
});
