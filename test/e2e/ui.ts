/** Small, explicit UI steps for the e2e scenarios: rows by accessible label, the palette, the clipboard. */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { CallFilter, LoggedRequest, SageMakerEmulator } from '../emulator/server';
import { ARTIFACTS, type World } from './harness';

/** A tree row of the Images view whose accessible label starts with `prefix`. */
export function row(page: Page, prefix: string): Locator {
  return page.locator(`.part.sidebar .monaco-list-row[aria-label^="${prefix.replace(/"/g, '\\"')}"]`).first();
}

/** Shows the view whatever the sidebar's state (clicking the activity bar would toggle it closed). */
export async function focusView(page: Page): Promise<void> {
  await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  await runCommand(page, 'SageMaker Images: Focus on Images View');
  await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/** Opens the view from the activity bar, as a user does the first time. */
export async function openView(page: Page): Promise<void> {
  await page.locator('.activitybar a[aria-label*="SageMaker Images"]').first().click();
  await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/**
 * Puts the tree back to a known state by keyboard: focus the view, collapse everything, go to the
 * top, then Refresh (which, with nothing expanded, lists only the images).
 */
export async function resetTree(page: Page): Promise<void> {
  await focusView(page);
  await page.keyboard.press('Control+ArrowLeft');
  await page.keyboard.press('Home');
  await runCommand(page, 'SageMaker Images: Refresh');
  await row(page, 'Image conda-env-kernel').waitFor();
}

/**
 * Scrolls the sidebar's tree until the row is rendered (the list is virtualized). It keeps
 * scrolling until a deadline rather than for a number of steps: on a busy machine the row may be
 * rendered only after the page that brings it has arrived, after the scroll reached the bottom.
 */
export async function scrollTo(page: Page, target: Locator, timeoutMs = 30_000): Promise<void> {
  const tree = page.locator('.part.sidebar .monaco-list').first();
  const box = await tree.boundingBox();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await target.count()) > 0 && (await target.isVisible())) return leaveTree(page, box);
    // A row's tooltip that opened under the resting mouse takes the wheel (it scrolls the tooltip,
    // not the list): let it close first.
    if ((await page.locator('.monaco-hover').filter({ visible: true }).count()) > 0) {
      await leaveTree(page, box);
      continue;
    }
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(60);
  }
  await target.waitFor({ state: 'visible', timeout: 1_000 });
  await leaveTree(page, box);
}

/**
 * Moves the mouse off the tree and waits for any row tooltip to close: the wheel left the mouse
 * over some row, and on a busy machine that row's tooltip may open just as the caller clicks the
 * row it scrolled to, taking the click.
 */
async function leaveTree(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<void> {
  // Far right of the editor area: never on the tooltip itself (which opens beside the row, over
  // the editor) nor on anything else that has a hover.
  const width = page.viewportSize()?.width ?? 1280;
  if (box) await page.mouse.move(width - 20, box.y + box.height / 2);
  await page.locator('.monaco-hover').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * Runs a command through the palette (F1), choosing the entry whose label is `title`. Retried from
 * scratch a few times: F1 while a picker is closing can be swallowed, and right after a reload
 * the palette may open before the extension's commands are listed.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickOpen(page, `>${title}`, title);
}

/** F1, types `text`, waits for a row holding `entry` and accepts it; retried as runCommand says. */
async function quickOpen(page: Page, text: string, entry: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: entry }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await input.fill(text);
      await row.waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

/** Right-clicks a row and picks a context menu entry (after the menu's fade-in, which drops early clicks). */
export async function contextMenu(page: Page, rowLabel: string, entry: string): Promise<void> {
  await row(page, rowLabel).click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: entry }).first();
  await item.waitFor();
  await page.waitForTimeout(300);
  await item.click();
}

/** The context menu entries of a row (then the menu is closed). */
export async function menuEntries(page: Page, rowLabel: string): Promise<string[]> {
  await row(page, rowLabel).click({ button: 'right' });
  const items = page.getByRole('menuitem');
  await items.first().waitFor();
  const names = (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
  await page.keyboard.press('Escape');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
  return names;
}

/** Whether the Command Palette lists `SageMaker Images: <title>` (it filters as it renders: its answer is the list once it stops changing). */
export async function paletteOffers(page: Page, title: string): Promise<boolean> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').fill(`>SageMaker Images: ${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const matches = rows.filter({ hasText: `SageMaker Images: ${title}` });
  let last = '';
  let same = 0;
  await waitUntil(async () => {
    const now = (await rows.allInnerTexts()).join('\n');
    same = now === last && now !== '' ? same + 1 : 0;
    last = now;
    return (await matches.count()) > 0 || same >= 3;
  }, `the palette’s answer for ${title}`);
  const offered = (await matches.count()) > 0;
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return offered;
}

export async function quickPickRows(page: Page): Promise<string[]> {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  return rows.allInnerTexts();
}

export async function clipboard(page: Page): Promise<string> {
  // A string expression: this file compiles without the DOM library.
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

/**
 * Waits until the emulator is quiet (nothing in flight, nothing new for a settle window) and
 * returns the sequence number to count from: what a busy machine delayed from an earlier step
 * (a page, a poll, a tooltip) has landed by then and is not counted as the next action's.
 */
export function quiet(emulator: SageMakerEmulator): Promise<number> {
  return emulator.waitForQuiet({ settleMs: 500, timeoutMs: 30_000 });
}

/**
 * Waits until at least `count` requests matching `filter` arrived after `mark`, then for quiet (so
 * that one too many is seen too), and returns those requests.
 */
export async function sentSince(
  emulator: SageMakerEmulator,
  mark: number,
  filter: CallFilter,
  count: number,
  timeoutMs = 20_000,
): Promise<LoggedRequest[]> {
  const deadline = Date.now() + timeoutMs;
  while (emulator.callsSince(mark, filter).length < count) {
    if (Date.now() > deadline)
      throw new Error(`expected ${count} call(s) ${JSON.stringify(filter)}, saw ${emulator.callsSince(mark, filter).length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await quiet(emulator);
  return emulator.callsSince(mark, filter);
}

/** Waits for quiet, then returns the requests matching `filter` since `mark` (for “nothing sent” checks). */
export async function settledSince(emulator: SageMakerEmulator, mark: number, filter: CallFilter = {}): Promise<LoggedRequest[]> {
  await quiet(emulator);
  return emulator.callsSince(mark, filter);
}

/** Waits until the emulator has logged `count` calls of an operation, then for quiet; returns them. */
export async function calls(emulator: SageMakerEmulator, operation: string, count: number, timeoutMs = 20_000): Promise<LoggedRequest[]> {
  return sentSince(emulator, 0, { operation }, count, timeoutMs);
}

/** Polls an asynchronous condition until it holds (the workbench renders asynchronously). */
export async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A hover on screen (tree tooltips and editor hovers alike) that contains `text`. */
export function hoverWith(page: Page, text: string): Locator {
  return page.locator('.monaco-hover, .workbench-hover').filter({ hasText: text }).first();
}

/**
 * Hovers `target` until `hover` is on screen. A row's tooltip opens after a hover delay and after
 * its resolveTreeItem answers; on a busy machine a first hover can be lost (the mouse arrived while
 * the row was re-rendered, or the tooltip was dismissed by a late render), so after a while without
 * it the mouse leaves and comes back — the user's own remedy — until the deadline.
 */
export async function hoverUntil(page: Page, target: Locator, hover: Locator, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await target.hover();
    try {
      await hover.waitFor({ timeout: Math.min(10_000, Math.max(1, deadline - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
      const width = page.viewportSize()?.width ?? 1280;
      await page.mouse.move(width - 20, 760);
      await noHover(page);
    }
  }
}

/** Opens a file of the workspace folder through quick open (F1, then its name without `>`). */
export async function openFile(page: Page, name: string): Promise<void> {
  await quickOpen(page, name, name);
  await page.locator('.part.editor .tab.active', { hasText: name }).first().waitFor();
}

/** The rendered text of an editor's visible lines, with Monaco's non-breaking spaces made plain. */
export async function editorText(editor: Locator): Promise<string> {
  return ((await editor.locator('.view-lines').first().innerText()) ?? '').replace(/\u00a0/g, ' ');
}

/**
 * Where to point the mouse to hover the middle of `needle` in an editor's rendered line. Monaco
 * renders a line as token spans (long tokens are split), in a monospace font: the point is found
 * from the spans' boxes and text lengths.
 */
export async function pointAtText(editor: Locator, needle: string): Promise<{ x: number; y: number }> {
  const line = editor.locator('.view-lines .view-line', { hasText: needle }).first();
  await line.waitFor();
  const spans = line.locator('span[class^="mtk"]');
  const texts = await spans.allTextContents();
  const full = texts.join('');
  const start = full.indexOf(needle);
  if (start < 0) throw new Error(`“${needle}” is not rendered in one line: “${full}”`);
  const target = start + Math.floor(needle.length / 2);
  let offset = 0;
  for (let i = 0; i < texts.length; i++) {
    if (target < offset + texts[i].length) {
      const box = await spans.nth(i).boundingBox();
      if (!box) throw new Error('the token span has no box');
      return { x: box.x + (box.width * (target - offset + 0.5)) / texts[i].length, y: box.y + box.height / 2 };
    }
    offset += texts[i].length;
  }
  throw new Error('unreachable');
}

/** Waits until no hover is on screen (before a screenshot, after moving the mouse away). */
export async function noHover(page: Page): Promise<void> {
  await waitUntil(async () => (await page.locator('.monaco-hover:visible, .workbench-hover:visible').count()) === 0, 'no hover on screen');
}

/** After each scenario: closes what a failed step left open, and keeps a screenshot of a failure. */
export async function afterScenario(w: World | undefined, test: Mocha.Test | undefined, prefix = ''): Promise<void> {
  await w?.page.keyboard.press('Escape').catch(() => undefined);
  if (test?.state === 'failed' && w) {
    const file = path.join(ARTIFACTS, `${prefix}${test.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
    await w.page.screenshot({ path: file }).catch(() => undefined);
    console.error(`  e2e failure artifacts: ${file} and ${w.serverLog}`);
  }
}
