/**
 * Date bounds through the real Filter Versions by Date… command in the real host: a day typed
 * alone as "Created before" covers that whole local day on the wire (CreationTimeBefore at
 * 23:59:59.999 local), and the input box is pre-filled with text that keeps a bound exactly.
 * The quick pick and the input box are answered by replacing the two window functions for the
 * duration of one command, so the command's own items, validation and storage all run, and no
 * test waits on the UI with a sleep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ImageNode, Node } from '../../src/tree/nodes';
import { SageMakerEmulator } from '../emulator/server';
import { activateExtension, labelOf, resetSettings, useEndpoint, waitFor } from './helpers';

type Window = { showQuickPick: unknown; showInputBox: unknown };

/**
 * Runs Filter Versions by Date… once, picking the item labelled `label` and answering the input
 * box with `answer` (a function of the pre-filled value), which the box's own validation must
 * accept. Returns the options the input box was shown with.
 */
async function filterByDate(label: string, answer: (prefilled: string) => string): Promise<vscode.InputBoxOptions> {
  const window = vscode.window as unknown as Window;
  const saved = { showQuickPick: window.showQuickPick, showInputBox: window.showInputBox };
  let shown: vscode.InputBoxOptions | undefined;
  window.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const picked = (await items).find((i) => i.label === label);
    assert.ok(picked, `no item “${label}”`);
    return picked;
  };
  window.showInputBox = async (options: vscode.InputBoxOptions) => {
    shown = options;
    const text = answer(options.value ?? '');
    const problem = await options.validateInput?.(text);
    assert.equal(problem ?? undefined, undefined, `the box refused “${text}”: ${String(problem)}`);
    return text;
  };
  try {
    await vscode.commands.executeCommand('sagemakerImages.filterVersionsByDate');
  } finally {
    Object.assign(window, saved);
  }
  assert.ok(shown, 'the input box was shown');
  return shown;
}

describe('date bounds through Filter Versions by Date…', () => {
  let api: ExtensionApi;
  let emulator: SageMakerEmulator;
  // Local wall times of the host on day d of May 2026 (0 is 30 April): 2026-05-01 and around it.
  const at = (d: number, h: number, min = 0, s = 0, ms = 0) => new Date(2026, 4, d, h, min, s, ms).getTime();

  before(async () => {
    emulator = new SageMakerEmulator();
    await emulator.start();
    emulator.seed({
      images: [
        {
          name: 'day-bounds',
          createdAt: at(-1, 0), // 2026-04-29
          versions: [
            { createdAt: at(0, 23, 59, 59, 999) }, // 1: 2026-04-30, the day before, last millisecond
            { createdAt: at(1, 0) }, // 2: the day's first instant
            { createdAt: at(1, 15) }, // 3: 15:00 local that day
            { createdAt: at(1, 23, 59, 59, 999) }, // 4: the day's last millisecond
            { createdAt: at(2, 0) }, // 5: the next day
          ],
        },
      ],
    });
    api = await activateExtension();
    await useEndpoint(emulator.url, 10);
  });

  beforeEach(async () => {
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    api.tree.refresh();
    emulator.clearRequests();
  });

  after(async () => {
    await vscode.commands.executeCommand('sagemakerImages.clearVersionFilters');
    await resetSettings('pageSize', 'endpoint');
    await emulator.stop();
  });

  async function versions(): Promise<string[]> {
    const roots = await api.tree.getChildren();
    const node = roots.find((n): n is ImageNode => n.kind === 'image' && n.image.imageName === 'day-bounds');
    assert.ok(node, 'the image is listed');
    const children: Node[] = await api.tree.getChildren(node);
    return children.filter((n) => n.kind === 'version').map((n) => labelOf(api, n));
  }

  it('"Created before 2026-05-01" sends CreationTimeBefore at 23:59:59.999 local and lists that day', async () => {
    const endOfDay = at(1, 23, 59, 59, 999);
    await filterByDate('Created before…', () => '2026-05-01');
    assert.equal(api.query.dateFilters.createdBefore?.getTime(), endOfDay);
    await waitFor(() => api.view.description?.includes('created ≤ 2026-05-01') === true, 'the view to show the bound as the day');
    emulator.clearRequests();
    assert.deepEqual(await versions(), ['Version 4', 'Version 3', 'Version 2', 'Version 1']);
    const call = emulator.calls('ListImageVersions').at(-1);
    assert.ok(call, 'a ListImageVersions call');
    assert.equal(call.params.CreationTimeBefore, endOfDay / 1000);

    // The same day as the lower bound too: the whole day, not a zero-width range.
    await filterByDate('Created after…', () => '2026-05-01');
    emulator.clearRequests();
    assert.deepEqual(await versions(), ['Version 4', 'Version 3', 'Version 2'], 'the version created at 15:00 local is listed');
    const both = emulator.calls('ListImageVersions').at(-1);
    assert.ok(both);
    assert.equal(both.params.CreationTimeAfter, at(1, 0) / 1000);
    assert.equal(both.params.CreationTimeBefore, endOfDay / 1000);
  });

  it('pre-fills the box at full precision, so Enter keeps the bound exactly', async () => {
    const shown = await filterByDate('Modified before…', () => '2026-05-01 10:30:45.250');
    assert.equal(shown.value, '');
    const set = api.query.dateFilters.modifiedBefore?.getTime();
    assert.equal(set, at(1, 10, 30, 45, 250));
    const again = await filterByDate('Modified before…', (prefilled) => prefilled);
    assert.equal(again.value, '2026-05-01 10:30:45.250');
    assert.equal(api.query.dateFilters.modifiedBefore?.getTime(), set, 'unchanged by Enter on the pre-filled text');
    // A day-long upper bound is pre-filled as the day alone, and stays the whole day.
    await filterByDate('Modified before…', () => '2026-05-01');
    const day = await filterByDate('Modified before…', (prefilled) => prefilled);
    assert.equal(day.value, '2026-05-01');
    assert.equal(api.query.dateFilters.modifiedBefore?.getTime(), at(1, 23, 59, 59, 999));
  });
});
